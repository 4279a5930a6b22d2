package nl.deurwaarder.avg.archief;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.deurwaarder.avg.archief.Bestandscontrole.Bestandstype;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BestandscontroleTest {

  static byte[] zip(String... namen) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(b)) {
      for (String naam : namen) {
        z.putNextEntry(new ZipEntry(naam));
        z.write("<x/>".getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return b.toByteArray();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void recognisesTheAcceptedTypesByTheirBytes() throws Exception {
    assertThat(Bestandscontrole.herken(ArchiefPaginaTest.PDF)).hasValue(Bestandstype.PDF);
    assertThat(Bestandscontrole.herken(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0}))
        .hasValue(Bestandstype.PNG);
    assertThat(Bestandscontrole.herken(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0}))
        .hasValue(Bestandstype.JPEG);
    assertThat(Bestandscontrole.herken(zip("[Content_Types].xml", "word/document.xml"))).hasValue(Bestandstype.DOCX);
    assertThat(Bestandscontrole.herken(zip("[Content_Types].xml", "xl/workbook.xml"))).hasValue(Bestandstype.XLSX);
    assertThat(Bestandscontrole.herken(utf8("Naam;Dossier\nJansen;123\n"))).hasValue(Bestandstype.TEKST);
    assertThat(Bestandscontrole.herken(utf8("Geachte heer, de prijs < 5 euro is \u00e9\u00e9n keer.")))
        .hasValue(Bestandstype.TEKST);
    assertThat(Bestandscontrole.herken(utf8("Received: from x\r\nFrom: a@b.nl\r\nSubject: Inzage\r\n\r\n<html>x"
        + "</html>"))).hasValue(Bestandstype.EML);
  }

  @Test
  void refusesExecutablesMarkupMacrosAndBinaryData() throws Exception {
    assertThat(Bestandscontrole.herken(new byte[] {'M', 'Z', (byte) 0x90, 0})).isEmpty();
    assertThat(Bestandscontrole.herken(new byte[] {0x7F, 'E', 'L', 'F', 2, 1})).isEmpty();
    assertThat(Bestandscontrole.herken(utf8("#!/bin/sh\nrm -rf /\n"))).isEmpty();
    assertThat(Bestandscontrole.herken(utf8("<!DOCTYPE html><p>x</p>"))).isEmpty();
    assertThat(Bestandscontrole.herken(utf8("  <svg xmlns=\"http://www.w3.org/2000/svg\"/>"))).isEmpty();
    assertThat(Bestandscontrole.herken(utf8("tekst\n<script>alert(1)</script>"))).isEmpty();
    assertThat(Bestandscontrole.herken(utf8("<?xml version=\"1.0\"?><a/>"))).isEmpty();
    assertThat(Bestandscontrole.herken(zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin")))
        .isEmpty();
    assertThat(Bestandscontrole.herken(zip("word/document.xml"))).isEmpty();
    assertThat(Bestandscontrole.herken(zip("a.txt"))).isEmpty();
    assertThat(Bestandscontrole.herken(new byte[] {'a', 0, 'b'})).isEmpty();
    assertThat(Bestandscontrole.herken(new byte[] {(byte) 0xC3, (byte) 0x28})).isEmpty(); // invalid UTF-8
    assertThat(Bestandscontrole.herken(new byte[0])).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "verzoek.pdf|PDF|verzoek.pdf",
      "C:\\Users\\jan\\Scan 01.PDF|PDF|Scan 01.pdf",
      "../../etc/passwd|TEKST|passwd.txt",
      "foto.exe|PNG|foto.png",
      "foto.jpeg|JPEG|foto.jpeg",
      "...|PDF|document.pdf",
      "rapport\u0000\u202e.pdf|PDF|rapport_.pdf",
      "Überzicht é;x.docx|DOCX|Überzicht é_x.docx"})
  void sanitisesFileNames(String origineel, Bestandstype type, String verwacht) {
    assertThat(Bestandscontrole.veiligeBestandsnaam(origineel, type)).isEqualTo(verwacht);
  }

  @Test
  void limitsTheLength() {
    String naam = Bestandscontrole.veiligeBestandsnaam("a".repeat(300) + ".pdf", Bestandstype.PDF);
    assertThat(naam).hasSize(114).endsWith(".pdf");
  }
}
