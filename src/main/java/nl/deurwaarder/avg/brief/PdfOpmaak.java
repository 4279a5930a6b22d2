package nl.deurwaarder.avg.brief;

import com.openhtmltopdf.extend.FSObjectDrawerFactory;
import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import org.springframework.stereotype.Component;

/**
 * HTML (well-formed XHTML from the letter templates) to PDF with openhtmltopdf. The font (Liberation Sans, metric
 * compatible with Arial) is bundled and embedded, so every name prints correctly whatever fonts the server has.
 *
 * <p>Done once, not per letter (issue 14, docs/performance.md): the three font files are read from the classpath
 * once and kept as bytes (each PDF still embeds its own subset), the font metrics openhtmltopdf computes from them are
 * kept in one thread-safe cache store shared by all renderings, and openhtmltopdf's per-document INFO lines (about
 * eight per PDF on standard output) are off; its warnings and errors still show.
 */
@Component
public class PdfOpmaak {

  static final String LETTERTYPE = "Liberation Sans";

  private final byte[] regular = lettertype("LiberationSans-Regular.ttf");
  private final byte[] vet = lettertype("LiberationSans-Bold.ttf");
  private final byte[] cursief = lettertype("LiberationSans-Italic.ttf");
  private final FSCacheEx<String, FSCacheValue> fontmaten = new FSDefaultCacheStore();

  public PdfOpmaak() {
    XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
  }

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
      builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, fontmaten);
      builder.useFont(() -> new ByteArrayInputStream(regular), LETTERTYPE, 400, FontStyle.NORMAL, true);
      builder.useFont(() -> new ByteArrayInputStream(vet), LETTERTYPE, 700, FontStyle.NORMAL, true);
      builder.useFont(() -> new ByteArrayInputStream(cursief), LETTERTYPE, 400, FontStyle.ITALIC, true);
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

  private static byte[] lettertype(String bestand) {
    try (InputStream in = PdfOpmaak.class.getResourceAsStream("/brieven/lettertype/" + bestand)) {
      if (in == null) {
        throw new IllegalStateException("Lettertype ontbreekt: " + bestand);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Lettertype onleesbaar: " + bestand, e);
    }
  }
}
