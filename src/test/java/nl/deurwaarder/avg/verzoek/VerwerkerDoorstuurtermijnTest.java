package nl.deurwaarder.avg.verzoek;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import nl.deurwaarder.avg.termijn.Kantoorsluitingsdagen;
import nl.deurwaarder.avg.termijn.Termijnberekening;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * PH-ORG-05 §8: a processor forwards a data subject's request within 3 working days, counted by the deadline
 * component (the processor's day of receipt not counted; weekends, Dutch holidays and office closing days skipped;
 * dates in Europe/Amsterdam). Each pair: the last moment that is on time, and the first that is late.
 */
class VerwerkerDoorstuurtermijnTest {

  private final VerzoekTermijnen termijnen = new VerzoekTermijnen(new Termijnberekening(
      new Kantoorsluitingsdagen(List.of(LocalDate.of(2026, 12, 31)))));

  @ParameterizedTest(name = "{0} → {1}: tijdig={2}")
  @CsvSource({
      // an ordinary week: Monday → Thursday
      "2026-06-01T10:00+02:00, 2026-06-04T23:59+02:00, true",
      "2026-06-01T10:00+02:00, 2026-06-05T00:00+02:00, false",
      // over a weekend: Wednesday → Thursday, Friday, Monday
      "2026-06-03T16:00+02:00, 2026-06-08T17:00+02:00, true",
      "2026-06-03T16:00+02:00, 2026-06-09T08:00+02:00, false",
      // received on a Saturday: Monday, Tuesday, Wednesday
      "2026-06-06T11:00+02:00, 2026-06-10T12:00+02:00, true",
      "2026-06-06T11:00+02:00, 2026-06-11T09:00+02:00, false",
      // Koningsdag (Monday 27 April 2026) does not count: Friday 24 → Tuesday 28, Wednesday 29, Thursday 30
      "2026-04-24T09:00+02:00, 2026-04-30T20:00+02:00, true",
      "2026-04-24T09:00+02:00, 2026-05-01T09:00+02:00, false",
      // Christmas and an office closing day (31 December): 23 Dec → 24, 28, 29
      "2026-12-23T09:00+01:00, 2026-12-29T17:00+01:00, true",
      "2026-12-23T09:00+01:00, 2026-12-30T09:00+01:00, false",
      // the date counts in Amsterdam: 22:30 UTC on the 4th is already the 5th in Amsterdam (summer time)
      "2026-06-01T10:00+02:00, 2026-06-04T21:30Z, true",
      "2026-06-01T10:00+02:00, 2026-06-04T22:30Z, false",
      // across the change to summer time (29 March 2026): Friday 27 → Monday 30, Tuesday 31, Wednesday 1 April
      "2026-03-27T23:30+01:00, 2026-04-01T23:59+02:00, true",
      "2026-03-27T23:30+01:00, 2026-04-02T00:00+02:00, false"
  })
  void forwardedWithinThreeWorkingDays(OffsetDateTime verwerkerOntvangenOp, OffsetDateTime ontvangenOp,
      boolean tijdig) {
    assertThat(termijnen.verwerkerTijdig(verwerkerOntvangenOp, ontvangenOp)).isEqualTo(tijdig);
  }
}
