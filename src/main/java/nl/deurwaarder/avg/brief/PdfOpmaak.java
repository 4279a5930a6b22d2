package nl.deurwaarder.avg.brief;

import com.openhtmltopdf.extend.FSObjectDrawerFactory;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * HTML (well-formed XHTML from the letter templates) to PDF with openhtmltopdf. The font (Liberation Sans, metric
 * compatible with Arial) is bundled and embedded, so every name prints correctly whatever fonts the server has.
 */
@Component
public class PdfOpmaak {

  static final String LETTERTYPE = "Liberation Sans";

  public byte[] pdf(String xhtml) {
    return pdf(xhtml, null);
  }

  /**
   * As {@link #pdf(String)}, with drawers for {@code <object>} elements (e.g. charts drawn with Java2D as PDF vector
   * graphics); {@code null} for none.
   */
  public byte[] pdf(String xhtml, FSObjectDrawerFactory tekenaars) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useFont(() -> lettertype("LiberationSans-Regular.ttf"), LETTERTYPE, 400, FontStyle.NORMAL, true);
      builder.useFont(() -> lettertype("LiberationSans-Bold.ttf"), LETTERTYPE, 700, FontStyle.NORMAL, true);
      builder.useFont(() -> lettertype("LiberationSans-Italic.ttf"), LETTERTYPE, 400, FontStyle.ITALIC, true);
      if (tekenaars != null) {
        builder.useObjectDrawerFactory(tekenaars);
      }
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("Brief kan niet als PDF worden opgemaakt", e);
    }
    return out.toByteArray();
  }

  private static InputStream lettertype(String bestand) {
    InputStream in = PdfOpmaak.class.getResourceAsStream("/brieven/lettertype/" + bestand);
    if (in == null) {
      throw new IllegalStateException("Lettertype ontbreekt: " + bestand);
    }
    return in;
  }
}
