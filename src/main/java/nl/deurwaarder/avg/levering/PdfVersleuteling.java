package nl.deurwaarder.avg.levering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.springframework.stereotype.Component;

/**
 * Encrypts a PDF with AES-256 (PDF 2.0 standard security handler, PDFBox): without the password it cannot be opened.
 * The owner password is random and forgotten: nobody can lift the protection without the user password.
 */
@Component
public class PdfVersleuteling {

  private final Geheimen geheimen;

  public PdfVersleuteling(Geheimen geheimen) {
    this.geheimen = geheimen;
  }

  public byte[] versleutel(byte[] pdf, String wachtwoord) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      StandardProtectionPolicy beleid = new StandardProtectionPolicy(geheimen.wachtwoord() + geheimen.wachtwoord(),
          wachtwoord, new AccessPermission());
      beleid.setEncryptionKeyLength(256);
      beleid.setPreferAES(true);
      doc.protect(beleid);
      ByteArrayOutputStream uit = new ByteArrayOutputStream();
      doc.save(uit);
      return uit.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("PDF kan niet worden versleuteld", e);
    }
  }
}
