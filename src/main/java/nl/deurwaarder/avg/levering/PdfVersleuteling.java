package nl.deurwaarder.avg.levering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.springframework.stereotype.Component;

/**
 * Encrypts a PDF with AES-256 (PDF 2.0 standard security handler, {@link Aes256Beveiliging}): without the password
 * it cannot be opened. There is no owner password (its entries are random): nobody can lift the protection without
 * the user password.
 */
@Component
public class PdfVersleuteling {

  public byte[] versleutel(byte[] pdf, String wachtwoord) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      Aes256Beveiliging.beveilig(doc, wachtwoord, new AccessPermission());
      ByteArrayOutputStream uit = new ByteArrayOutputStream();
      doc.save(uit);
      return uit.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("PDF kan niet worden versleuteld", e);
    }
  }
}
