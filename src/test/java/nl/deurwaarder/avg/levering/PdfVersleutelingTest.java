package nl.deurwaarder.avg.levering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.encryption.PDEncryption;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The encrypted answer (AES-256, PDF 2.0, user password only, {@link Aes256Beveiliging}): opened with the password by
 * PDFBox's standard handler and by an independent reader (poppler), by no other password, and with no owner password.
 */
class PdfVersleutelingTest {

  private static final String TEKST = "Gescreende gegevens van Pieter de Vries";
  private final PdfVersleuteling versleuteling = new PdfVersleuteling();

  @Test
  void opensWithThePasswordOnlyAndIsPdf20Aes256() throws IOException {
    byte[] pdf = versleuteling.versleutel(pdf(TEKST), "Ab3dEf7hJk9mNp");

    assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).doesNotContain("Pieter");
    try (PDDocument doc = Loader.loadPDF(pdf, "Ab3dEf7hJk9mNp")) {
      assertThat(new PDFTextStripper().getText(doc)).contains(TEKST);
      PDEncryption e = doc.getEncryption();
      assertThat(e.getVersion()).isEqualTo(5);
      assertThat(e.getRevision()).isEqualTo(6);
      assertThat(e.getLength()).isEqualTo(256);
      assertThat(e.getStdCryptFilterDictionary().getCryptFilterMethod()).isEqualTo(COSName.AESV3);
      assertThat(e.getOwnerKey()).hasSize(48);
      assertThat(e.getUserKey()).hasSize(48);
      assertThat(e.getOwnerEncryptionKey()).hasSize(32);
      assertThat(e.getUserEncryptionKey()).hasSize(32);
    }
    for (String fout : List.of("", "Ab3dEf7hJk9mNP", "Ab3dEf7hJk9mN", "12345678")) {
      assertThatThrownBy(() -> Loader.loadPDF(pdf, fout)).as(fout).isInstanceOf(InvalidPasswordException.class);
    }
  }

  /** Each password and each random salt takes its own number of rounds of Algorithm 2.B (64 or more). */
  @Test
  void manyPasswordsAndSaltsEachOpenOnlyTheirOwnDocument() throws IOException {
    List<byte[]> pdfs = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      pdfs.add(versleuteling.versleutel(pdf(TEKST + " " + i), "Code" + i + "x" + (i * 7919)));
    }
    for (int i = 0; i < pdfs.size(); i++) {
      try (PDDocument doc = Loader.loadPDF(pdfs.get(i), "Code" + i + "x" + (i * 7919))) {
        assertThat(new PDFTextStripper().getText(doc)).contains(TEKST + " " + i);
      }
      int ander = (i + 1) % pdfs.size();
      byte[] pdf = pdfs.get(i);
      assertThatThrownBy(() -> Loader.loadPDF(pdf, "Code" + ander + "x" + (ander * 7919)))
          .isInstanceOf(InvalidPasswordException.class);
    }
  }

  @Test
  void refusesPasswordsOutsidePrintableAscii() {
    byte[] pdf = pdf(TEKST);
    for (String fout : List.of("", " ", "wachtwoord met spatie", "wéér", "x".repeat(128))) {
      assertThatThrownBy(() -> versleuteling.versleutel(pdf, fout)).as(fout)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** poppler (pdftotext, from poppler-utils, which .ci/run installs) is a second, independent PDF 2.0 reader. */
  @Test
  void popplerOpensItWithThePasswordOnly(@TempDir Path map) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/pdftotext")), "poppler-utils not installed");
    Path bestand = map.resolve("pakket.pdf");
    Files.write(bestand, versleuteling.versleutel(pdf(TEKST), "Ab3dEf7hJk9mNp"));

    assertThat(pdftotext(bestand, "-upw", "Ab3dEf7hJk9mNp")).contains(TEKST);
    assertThat(pdftotext(bestand, "-upw", "verkeerd")).doesNotContain(TEKST);
    assertThat(pdftotext(bestand, "-opw", "Ab3dEf7hJk9mNp")).as("no owner password").doesNotContain(TEKST);
    assertThat(pdftotext(bestand)).doesNotContain(TEKST);
  }

  private static String pdftotext(Path pdf, String... wachtwoord) throws Exception {
    List<String> opdracht = new ArrayList<>(List.of("pdftotext", "-q"));
    opdracht.addAll(List.of(wachtwoord));
    opdracht.addAll(List.of(pdf.toString(), "-"));
    Process p = new ProcessBuilder(opdracht).redirectErrorStream(true).start();
    String uit = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return uit;
  }

  private static byte[] pdf(String tekst) {
    return Leveringshulp.pdfMetTekst(tekst);
  }
}
