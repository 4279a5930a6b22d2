package nl.deurwaarder.avg.datalek;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import nl.deurwaarder.avg.termijn.Kantoorsluitingsdagen;
import nl.deurwaarder.avg.termijn.Termijnberekening;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PH-ORG-05 §7: a processor tells the office of a breach within 24 hours of discovering it. Measured from the
 * processor's discovery ({@code verwerkerOntdektOp}) to the office's own awareness ({@code ontdektOp}), in clock hours
 * through the deadline component: over a change of summer time that is 23 or 25 hours on the wall clock. Weekends and
 * holidays do not stop the clock.
 */
class VerwerkerMeldtermijnTest {

  private final Termijnberekening termijn = new Termijnberekening(new Kantoorsluitingsdagen(List.of()));

  private static NieuweDatalekmelding melding(OffsetDateTime verwerkerOntdektOp, OffsetDateTime ontdektOp) {
    return new NieuweDatalekmelding("Laptop gestolen", ontdektOp, Bron.VERWERKER, "Print- en verzendhuis",
        verwerkerOntdektOp, 3, null, null, null, null);
  }

  @ParameterizedTest(name = "{0} → {1}: tijdig={2}")
  @CsvSource({
      "2026-06-05T14:00+02:00, 2026-06-06T14:00+02:00, true",
      "2026-06-05T14:00+02:00, 2026-06-06T14:00:01+02:00, false",
      // a weekend counts: Friday 17:00 → Saturday 17:00
      "2026-06-05T17:00+02:00, 2026-06-06T17:00+02:00, true",
      "2026-06-05T17:00+02:00, 2026-06-08T09:00+02:00, false",
      // spring forward (29 March 2026): 24 real hours end at 13:00 summer time on the wall clock
      "2026-03-28T12:00+01:00, 2026-03-29T13:00+02:00, true",
      "2026-03-28T12:00+01:00, 2026-03-29T13:00:01+02:00, false",
      // fall back (25 October 2026): 24 real hours end at 11:00 winter time on the wall clock
      "2026-10-24T12:00+02:00, 2026-10-25T11:00+01:00, true",
      "2026-10-24T12:00+02:00, 2026-10-25T11:30+01:00, false",
      // Christmas does not stop the clock
      "2026-12-24T20:00+01:00, 2026-12-25T20:00+01:00, true",
      "2026-12-24T20:00+01:00, 2026-12-27T10:00+01:00, false"
  })
  void toldWithin24HoursOfTheProcessorsDiscovery(OffsetDateTime verwerkerOntdektOp, OffsetDateTime ontdektOp,
      boolean tijdig) {
    assertThat(DatalekIntake.verwerkerTijdig(melding(verwerkerOntdektOp, ontdektOp), termijn)).isEqualTo(tijdig);
  }

  @Test
  void onlyAProcessorsReportIsMeasured() {
    NieuweDatalekmelding medewerker = new NieuweDatalekmelding("Mail verkeerd", OffsetDateTime.parse(
        "2026-06-05T14:00+02:00"), Bron.MEDEWERKER, null, null, 1, null, null, null, null);
    assertThat(DatalekIntake.verwerkerTijdig(medewerker, termijn)).isNull();
  }
}
