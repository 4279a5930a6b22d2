package nl.deurwaarder.avg.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import org.junit.jupiter.api.Test;

/** The checks on a confirmation of posting, as Tasklist and the REST API submit it. */
class PostbevestigingTest {

  static final LocalDate OPGESTELD = LocalDate.of(2026, 3, 2);
  static final LocalDate VANDAAG = LocalDate.of(2026, 3, 4);

  private static Map<String, Object> velden(Object... paren) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < paren.length; i += 2) {
      m.put((String) paren[i], paren[i + 1]);
    }
    return m;
  }

  private static Postbevestiging lees(String gevraagd, Object... paren) {
    return Postbevestiging.lees(velden(paren), gevraagd, OPGESTELD, VANDAAG);
  }

  @Test
  void ordinaryPostNeedsOnlyTheDateWhichMayBeTheDayOfWritingOrToday() {
    assertThat(lees("GEWONE_POST", "postVerzendwijze", "GEWONE_POST", "gepostOp", "2026-03-02"))
        .isEqualTo(new Postbevestiging(OPGESTELD, "GEWONE_POST", null));
    assertThat(lees("GEWONE_POST", "postVerzendwijze", "GEWONE_POST", "gepostOp", "2026-03-04").gepostOp())
        .isEqualTo(VANDAAG);
    // a letter that could not be e-mailed may still go registered: the barcode is then required and kept
    assertThat(lees("GEWONE_POST", "postVerzendwijze", "AANGETEKENDE_POST", "gepostOp", "2026-03-03",
        "barcode", "3SABCD1234567").kenmerk()).isEqualTo("3SABCD1234567");
  }

  @Test
  void dateMissingInTheFutureOrBeforeTheLetterIsRefusedInDutch() {
    assertThatThrownBy(() -> lees("GEWONE_POST", "postVerzendwijze", "GEWONE_POST"))
        .isInstanceOf(OngeldigeInvoerException.class).hasMessageContaining("Vul de datum in");
    assertThatThrownBy(() -> lees("GEWONE_POST", "postVerzendwijze", "GEWONE_POST", "gepostOp", "gisteren"))
        .isInstanceOf(OngeldigeInvoerException.class).hasMessageContaining("Vul de datum in");
    assertThatThrownBy(() -> lees("GEWONE_POST", "postVerzendwijze", "GEWONE_POST", "gepostOp", "2026-03-05"))
        .isInstanceOf(OngeldigeInvoerException.class).hasMessageContaining("toekomst");
    assertThatThrownBy(() -> lees("GEWONE_POST", "postVerzendwijze", "GEWONE_POST", "gepostOp", "2026-03-01"))
        .isInstanceOf(OngeldigeInvoerException.class).hasMessageContaining("2 maart 2026");
  }

  @Test
  void registeredPostNeedsAValidBarcode() {
    assertThat(lees("AANGETEKENDE_POST", "postVerzendwijze", "AANGETEKENDE_POST", "gepostOp", "2026-03-03",
        "barcode", " rr 1234 5678 5 nl ").kenmerk()).isEqualTo("RR123456785NL");
    assertThat(Postbevestiging.s10Controlecijfer("47312482")).isEqualTo(9); // UPU S10 example: RA473124829GB
    assertThatThrownBy(() -> lees("AANGETEKENDE_POST", "postVerzendwijze", "AANGETEKENDE_POST",
        "gepostOp", "2026-03-03")).isInstanceOf(OngeldigeInvoerException.class).hasMessageContaining("barcode");
    assertThatThrownBy(() -> lees("AANGETEKENDE_POST", "postVerzendwijze", "AANGETEKENDE_POST",
        "gepostOp", "2026-03-03", "barcode", "RR123456789NL")).hasMessageContaining("controlecijfer");
    assertThatThrownBy(() -> lees("AANGETEKENDE_POST", "postVerzendwijze", "AANGETEKENDE_POST",
        "gepostOp", "2026-03-03", "barcode", "12345")).hasMessageContaining("geen barcode");
    assertThatThrownBy(() -> lees("AANGETEKENDE_POST", "postVerzendwijze", "GEWONE_POST", "gepostOp", "2026-03-03"))
        .hasMessageContaining("moet per aangetekende post");
  }

  @Test
  void writNeedsItsNumberAndAWayMustBeChosen() {
    assertThat(lees("BETEKENING_EXPLOOT", "postVerzendwijze", "BETEKENING_EXPLOOT", "gepostOp", "2026-03-03",
        "explootnummer", "E-2026/0042").kenmerk()).isEqualTo("E-2026/0042");
    assertThatThrownBy(() -> lees("BETEKENING_EXPLOOT", "postVerzendwijze", "BETEKENING_EXPLOOT",
        "gepostOp", "2026-03-03")).hasMessageContaining("nummer van het exploot");
    assertThatThrownBy(() -> lees("BETEKENING_EXPLOOT", "postVerzendwijze", "BETEKENING_EXPLOOT",
        "gepostOp", "2026-03-03", "explootnummer", "<script>")).hasMessageContaining("geen explootnummer");
    assertThatThrownBy(() -> lees("GEWONE_POST", "postVerzendwijze", "PER_DUIF", "gepostOp", "2026-03-03"))
        .hasMessageContaining("Kies hoe de brief is verzonden");
  }
}
