package nl.deurwaarder.avg.webformulier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import nl.deurwaarder.avg.webformulier.Bestandscontrole.Bestandstype;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BestandscontroleTest {

  @Test
  void recognisesByContentNotByName() {
    assertThat(Bestandscontrole.herken(Formulierdata.pdf(100))).contains(Bestandstype.PDF);
    assertThat(Bestandscontrole.herken(Formulierdata.png(100))).contains(Bestandstype.PNG);
    assertThat(Bestandscontrole.herken(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0}))
        .contains(Bestandstype.JPEG);
    assertThat(Bestandscontrole.herken(Formulierdata.exe())).isEmpty();
    assertThat(Bestandscontrole.herken("<html><script>".getBytes(StandardCharsets.UTF_8))).isEmpty();
    assertThat(Bestandscontrole.herken("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(Bestandscontrole.herken(new byte[] {'%', 'P'})).isEmpty();
    assertThat(Bestandscontrole.herken(new byte[0])).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "paspoort.pdf|PDF|paspoort.pdf",
      "C:\\fakepath\\rijbewijs voorkant.JPEG|JPEG|rijbewijs voorkant.jpg",
      "../../etc/passwd|PDF|passwd.pdf",
      "..\\..\\boot.ini|PNG|boot.png",
      ".htaccess|PNG|identiteitsbewijs.png",
      "virus.exe|PDF|virus.pdf",
      "id.pdf.exe|PDF|id_pdf.pdf",
      "<script>x</script>.png|PNG|script_.png",
      "\"; filename=evil.html|PDF|filename_evil.pdf",
      "Ëlise Çelik.png|PNG|Ëlise Çelik.png",
      "   |PNG|identiteitsbewijs.png"})
  void sanitisesTheFileName(String opgegeven, Bestandstype type, String verwacht) {
    assertThat(Bestandscontrole.veiligeNaam(opgegeven, type)).isEqualTo(verwacht);
  }

  @Test
  void limitsTheLength() {
    assertThat(Bestandscontrole.veiligeNaam("a".repeat(500) + ".pdf", Bestandstype.PDF)).hasSize(100);
    assertThat(Bestandscontrole.veiligeNaam(null, Bestandstype.PDF)).isEqualTo("identiteitsbewijs.pdf");
  }
}
