package nl.deurwaarder.avg.termijn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TermijnberekeningTest {

    private final Termijnberekening termijn = new Termijnberekening(Kantoorsluitingsdagen.zonderSluitingsdagen());

    /** An office closed on Goede Vrijdag 2026 and on New Year's Eve 2026. */
    private final Termijnberekening kantoorMetSluitingsdagen = new Termijnberekening(
            new Kantoorsluitingsdagen(List.of(LocalDate.parse("2026-04-03"), LocalDate.parse("2026-12-31"))));

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static Instant moment(String isoMetOffset) {
        return OffsetDateTime.parse(isoMetOffset).toInstant();
    }

    @Nested
    class Werkdagen {

        @ParameterizedTest(name = "{0} werkdag={1}")
        @CsvSource({
                "2026-03-06, true",  // Friday
                "2026-03-07, false", // Saturday
                "2026-03-08, false", // Sunday
                "2026-04-06, false", // Tweede Paasdag
                "2026-04-27, false", // Koningsdag
                "2026-05-05, false", // Bevrijdingsdag (every year, not only every fifth)
                "2026-05-14, false", // Hemelvaartsdag
                "2026-05-25, false", // Tweede Pinksterdag
                "2026-12-25, false",
                "2026-12-26, false",
                "2027-01-01, false",
                "2026-04-03, true",  // Goede Vrijdag: a working day unless the office closes
                "2026-12-24, true",
                "2026-12-31, true",
        })
        void isWerkdag(LocalDate datum, boolean werkdag) {
            assertThat(termijn.isWerkdag(datum)).isEqualTo(werkdag);
        }

        @Test
        void configuredOfficeClosingDaysAreNotWorkingDays() {
            assertThat(kantoorMetSluitingsdagen.isWerkdag(d("2026-04-03"))).isFalse();
            assertThat(kantoorMetSluitingsdagen.isWerkdag(d("2026-12-31"))).isFalse();
            assertThat(kantoorMetSluitingsdagen.isWerkdag(d("2026-12-30"))).isTrue();
        }

        @Test
        void threeWorkingDaysFromAFriday() {
            assertThat(termijn.werkdagenNa(d("2026-03-06"), 3)).isEqualTo(d("2026-03-11"));
            assertThat(termijn.werkdagenNa(d("2026-03-06"), 1)).isEqualTo(d("2026-03-09"));
        }

        @Test
        void threeWorkingDaysFromAWeekendDayStartCountingOnMonday() {
            assertThat(termijn.werkdagenNa(d("2026-03-07"), 3)).isEqualTo(d("2026-03-11"));
            assertThat(termijn.werkdagenNa(d("2026-03-08"), 3)).isEqualTo(d("2026-03-11"));
        }

        @Test
        void threeWorkingDaysFromGoedeVrijdagSkipTheWeekendAndTweedePaasdag() {
            assertThat(termijn.werkdagenNa(d("2026-04-03"), 3)).isEqualTo(d("2026-04-09"));
            // Thursday before Easter: Fri 3 (1), Tue 7 (2), Wed 8 (3)
            assertThat(termijn.werkdagenNa(d("2026-04-02"), 3)).isEqualTo(d("2026-04-08"));
            assertThat(kantoorMetSluitingsdagen.werkdagenNa(d("2026-04-02"), 3)).isEqualTo(d("2026-04-09"));
        }

        @Test
        void workingDaysAcrossChristmasAndTheWeekend() {
            // Wed 23 Dec 2026: Thu 24 (1), Fri 25 + Sat 26 + Sun 27 closed, Mon 28 (2), Tue 29 (3)
            assertThat(termijn.werkdagenNa(d("2026-12-23"), 3)).isEqualTo(d("2026-12-29"));
            // Christmas 2027 falls on Saturday/Sunday: Fri 24 (1), Mon 27 (2), Tue 28 (3)
            assertThat(termijn.werkdagenNa(d("2027-12-23"), 3)).isEqualTo(d("2027-12-28"));
        }

        @Test
        void workingDaysAcrossNewYearWithAnOfficeClosingDay() {
            // Tue 29 Dec 2026: Wed 30 (1), Thu 31 closed, Fri 1 Jan holiday, weekend, Mon 4 Jan (2)
            assertThat(kantoorMetSluitingsdagen.werkdagenNa(d("2026-12-29"), 2)).isEqualTo(d("2027-01-04"));
            assertThat(termijn.werkdagenNa(d("2026-12-29"), 2)).isEqualTo(d("2026-12-31"));
        }

        @Test
        void workingDaysBefore() {
            assertThat(termijn.werkdagenVoor(d("2026-04-07"), 1)).isEqualTo(d("2026-04-03"));
            assertThat(kantoorMetSluitingsdagen.werkdagenVoor(d("2026-04-07"), 1)).isEqualTo(d("2026-04-02"));
            // 5 working days before Fri 15 May 2026, skipping Hemelvaartsdag Thu 14 May
            assertThat(termijn.werkdagenVoor(d("2026-05-15"), 5)).isEqualTo(d("2026-05-07"));
            // from a Monday, 1 working day before is the Friday
            assertThat(termijn.werkdagenVoor(d("2026-03-09"), 1)).isEqualTo(d("2026-03-06"));
        }

        @Test
        void workingDaysBetween() {
            assertThat(termijn.werkdagenTussen(d("2026-12-23"), d("2026-12-29"))).isEqualTo(3);
            assertThat(termijn.werkdagenTussen(d("2026-12-29"), d("2026-12-23"))).isEqualTo(-3);
            assertThat(termijn.werkdagenTussen(d("2026-03-06"), d("2026-03-06"))).isZero();
            assertThat(termijn.werkdagenTussen(d("2026-03-06"), d("2026-03-08"))).isZero();
            assertThat(termijn.werkdagenTussen(d("2026-01-01"), d("2026-12-31"))).isEqualTo(254);
            // 261 weekdays in 2026, minus 1 January and 6 more weekday holidays = 254; the office closes 2 more days
            assertThat(kantoorMetSluitingsdagen.werkdagenTussen(d("2026-01-01"), d("2026-12-31"))).isEqualTo(252);
        }

        @Test
        void workingDaysBetweenIsTheInverseOfWorkingDaysAfter() {
            for (LocalDate vanaf = d("2026-01-01"); vanaf.isBefore(d("2027-01-01")); vanaf = vanaf.plusDays(1)) {
                for (int n = 1; n <= 10; n++) {
                    LocalDate einde = termijn.werkdagenNa(vanaf, n);
                    assertThat(termijn.isWerkdag(einde)).isTrue();
                    assertThat(termijn.werkdagenTussen(vanaf, einde)).as("%s + %d", vanaf, n).isEqualTo(n);
                }
            }
        }
    }

    @Nested
    class Maanden {

        @ParameterizedTest(name = "{0} + {1} maand(en) = {2}")
        @CsvSource({
                "2026-03-10, 1, 2026-04-10", // plain: Friday stays Friday's date
                "2028-01-31, 1, 2028-02-29", // leap year: 29 Feb 2028 is a Tuesday
                "2028-01-30, 1, 2028-02-29",
                "2028-01-29, 1, 2028-02-29",
                "2026-01-31, 1, 2026-03-02", // 28 Feb 2026 is a Saturday -> Monday 2 March
                "2026-01-30, 1, 2026-03-02",
                "2026-01-28, 1, 2026-03-02",
                "2026-01-27, 1, 2026-02-27", // Friday
                "2027-01-31, 1, 2027-03-01", // 28 Feb 2027 is a Sunday -> Monday 1 March
                "2026-03-06, 1, 2026-04-07", // 6 April 2026 is Tweede Paasdag -> Tuesday
                "2026-03-03, 1, 2026-04-03", // Goede Vrijdag is a working day
                "2025-12-24, 1, 2026-01-26", // 24 Jan 2026 is a Saturday -> Monday 26 Jan
                "2027-12-24, 1, 2028-01-24", // 24 Jan 2028 is a Monday
                "2025-11-25, 1, 2025-12-29", // 25 Dec Thursday, 26 Dec Friday, weekend -> Monday 29 Dec
                "2025-12-01, 1, 2026-01-02", // Nieuwjaarsdag -> Friday 2 Jan
                "2026-03-27, 1, 2026-04-28", // Koningsdag Monday 27 April -> Tuesday
                "2026-04-05, 1, 2026-05-06", // Bevrijdingsdag Tuesday 5 May -> Wednesday
                "2026-04-25, 1, 2026-05-26", // Tweede Pinksterdag Monday 25 May -> Tuesday
                "2026-03-31, 3, 2026-06-30", // 31 June does not exist
                "2026-03-31, 2, 2026-06-01", // 31 May 2026 is a Sunday -> Monday 1 June
                "2026-05-31, 1, 2026-06-30",
                "2026-08-31, 6, 2027-03-01", // 28 Feb 2027 Sunday
                "2027-11-29, 3, 2028-02-29", // across the year end into a leap February
        })
        void laatsteDagMaanden(LocalDate ontvangen, int maanden, LocalDate verwacht) {
            assertThat(termijn.laatsteDagMaanden(ontvangen, maanden)).isEqualTo(verwacht);
        }

        @Test
        void extendedAccessRequestIsThreeMonthsInTotal() {
            // 1 month + extension of 2 months = 3 months from receipt
            assertThat(termijn.laatsteDagMaanden(d("2026-01-15"), 3)).isEqualTo(d("2026-04-15"));
        }

        @Test
        void officeClosingDayShiftsTheDeadline() {
            // 3 Mar + 1 month = Goede Vrijdag 3 April: closed -> weekend -> Tweede Paasdag -> Tuesday 7 April
            assertThat(termijn.laatsteDagMaanden(d("2026-03-03"), 1)).isEqualTo(d("2026-04-03"));
            assertThat(kantoorMetSluitingsdagen.laatsteDagMaanden(d("2026-03-03"), 1)).isEqualTo(d("2026-04-07"));
            // 31 Dec closed, 1 Jan holiday, then the weekend
            assertThat(kantoorMetSluitingsdagen.laatsteDagMaanden(d("2026-11-30"), 1)).isEqualTo(d("2026-12-30"));
            assertThat(kantoorMetSluitingsdagen.laatsteDagMaanden(d("2026-12-01"), 1)).isEqualTo(d("2027-01-04"));
        }
    }

    @Nested
    class Weken {

        @ParameterizedTest(name = "{0} + {1} we(e)k(en) = {2}")
        @CsvSource({
                "2026-03-05, 2, 2026-03-19", // Thursday -> Thursday
                "2026-04-30, 2, 2026-05-15", // Thursday 14 May 2026 is Hemelvaartsdag -> Friday
                "2026-03-23, 2, 2026-04-07", // Monday 6 April Tweede Paasdag -> Tuesday
                "2026-04-13, 2, 2026-04-28", // Koningsdag
                "2026-04-21, 2, 2026-05-06", // Bevrijdingsdag
                "2026-12-18, 1, 2026-12-28", // Friday 25 Dec -> Monday 28 Dec
                "2026-12-24, 1, 2026-12-31",
                "2026-12-11, 3, 2027-01-04", // Friday 1 Jan 2027 -> Monday 4 Jan
                "2026-03-07, 2, 2026-03-23", // received on a Saturday: ends on Saturday -> Monday
                "2026-04-30, 4, 2026-05-28",
        })
        void laatsteDagWeken(LocalDate ontvangen, int weken, LocalDate verwacht) {
            assertThat(termijn.laatsteDagWeken(ontvangen, weken)).isEqualTo(verwacht);
        }

        @Test
        void officeClosingDayShiftsAWeeksDeadline() {
            assertThat(kantoorMetSluitingsdagen.laatsteDagWeken(d("2026-12-24"), 1)).isEqualTo(d("2027-01-04"));
            assertThat(kantoorMetSluitingsdagen.laatsteDagWeken(d("2026-03-20"), 2)).isEqualTo(d("2026-04-07"));
        }
    }

    @Nested
    class Uren {

        @Test
        void seventyTwoHoursAcrossTheSpringDstChangeAreRealHours() {
            ZonedDateTime ontdekt = ZonedDateTime.of(LocalDateTime.parse("2026-03-28T12:00"), Termijnberekening.AMSTERDAM);

            ZonedDateTime deadline = termijn.urenNa(ontdekt, 72);

            // the night of 29 March 2026 has 23 hours: 72 hours later is 13:00 local, not 12:00
            assertThat(deadline.toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-03-31T13:00"));
            assertThat(deadline.toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2026-03-31T13:00+02:00"));
            assertThat(deadline.getZone()).isEqualTo(Termijnberekening.AMSTERDAM);
        }

        @Test
        void seventyTwoHoursAcrossTheAutumnDstChange() {
            ZonedDateTime deadline = termijn.urenNa(moment("2026-10-24T12:00+02:00"), 72);

            assertThat(deadline.toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2026-10-27T11:00+01:00"));
        }

        @Test
        void hoursIgnoreWeekendsAndHolidays() {
            // discovered Thursday 24 Dec 2026 18:00: 72 hours later is Sunday 27 Dec 18:00
            assertThat(termijn.urenNa(moment("2026-12-24T18:00+01:00"), 72).toOffsetDateTime())
                    .isEqualTo(OffsetDateTime.parse("2026-12-27T18:00+01:00"));
            assertThat(termijn.urenNa(moment("2026-12-24T18:00+01:00"), 24).toOffsetDateTime())
                    .isEqualTo(OffsetDateTime.parse("2026-12-25T18:00+01:00"));
        }
    }

    @Nested
    class EindeEnBeginVanDag {

        @Test
        void aDeadlineEndsAtTheLastSecondOfTheDayInAmsterdam() {
            assertThat(termijn.eindeVanDag(d("2026-03-06")).toOffsetDateTime())
                    .isEqualTo(OffsetDateTime.parse("2026-03-06T23:59:59+01:00"));
            assertThat(termijn.eindeVanDag(d("2026-07-06")).toOffsetDateTime())
                    .isEqualTo(OffsetDateTime.parse("2026-07-06T23:59:59+02:00"));
        }

        @Test
        void aWorkingDayStartsAtNine() {
            assertThat(termijn.beginVanWerkdag(d("2026-05-07")).toOffsetDateTime())
                    .isEqualTo(OffsetDateTime.parse("2026-05-07T09:00+02:00"));
        }
    }

    @Nested
    class ExpressieMethoden {

        private Instant alsInstant(Date date) {
            return date.toInstant();
        }

        @Test
        void maandenNaOntvangstAcceptsLocalDateStringAndDate() {
            Instant verwacht = moment("2026-04-07T23:59:59+02:00");

            assertThat(alsInstant(termijn.maandenNaOntvangst(d("2026-03-06"), 1))).isEqualTo(verwacht);
            assertThat(alsInstant(termijn.maandenNaOntvangst("2026-03-06", 1))).isEqualTo(verwacht);
            assertThat(alsInstant(termijn.maandenNaOntvangst(" 2026-03-06 ", 1))).isEqualTo(verwacht);
            assertThat(alsInstant(termijn.maandenNaOntvangst(
                    Date.from(moment("2026-03-06T10:15+01:00")), 1))).isEqualTo(verwacht);
            assertThat(alsInstant(termijn.maandenNaOntvangst(java.sql.Date.valueOf("2026-03-06"), 1)))
                    .isEqualTo(verwacht);
        }

        @Test
        void aMomentOfReceiptIsFirstConvertedToItsAmsterdamDate() {
            // 23:30 UTC on Thursday 5 March is 00:30 on Friday 6 March in Amsterdam
            Instant vrijdagPlusTweeWeken = moment("2026-03-20T23:59:59+01:00");
            Instant donderdagPlusTweeWeken = moment("2026-03-19T23:59:59+01:00");

            assertThat(alsInstant(termijn.wekenNaOntvangst("2026-03-05T23:30:00Z", 2))).isEqualTo(vrijdagPlusTweeWeken);
            assertThat(alsInstant(termijn.wekenNaOntvangst("2026-03-05T23:30:00+00:00[UTC]", 2))).isEqualTo(vrijdagPlusTweeWeken);
            assertThat(alsInstant(termijn.wekenNaOntvangst(Instant.parse("2026-03-05T23:30:00Z"), 2))).isEqualTo(vrijdagPlusTweeWeken);
            assertThat(alsInstant(termijn.wekenNaOntvangst(Date.from(Instant.parse("2026-03-05T23:30:00Z")), 2))).isEqualTo(vrijdagPlusTweeWeken);
            assertThat(alsInstant(termijn.wekenNaOntvangst(OffsetDateTime.parse("2026-03-05T23:30Z"), 2))).isEqualTo(vrijdagPlusTweeWeken);
            assertThat(alsInstant(termijn.wekenNaOntvangst(ZonedDateTime.parse("2026-03-05T18:30-05:00[America/New_York]"), 2))).isEqualTo(vrijdagPlusTweeWeken);
            // local date-times are read as Amsterdam time
            assertThat(alsInstant(termijn.wekenNaOntvangst(LocalDateTime.parse("2026-03-05T23:30"), 2))).isEqualTo(donderdagPlusTweeWeken);
            assertThat(alsInstant(termijn.wekenNaOntvangst("2026-03-05T23:30", 2))).isEqualTo(donderdagPlusTweeWeken);
            assertThat(alsInstant(termijn.wekenNaOntvangst("2026-03-05T23:30:15.123", 2))).isEqualTo(donderdagPlusTweeWeken);
        }

        @Test
        void wekenNaOntvangstBeforeHemelvaart() {
            assertThat(alsInstant(termijn.wekenNaOntvangst("2026-04-30", 2)))
                    .isEqualTo(moment("2026-05-15T23:59:59+02:00"));
        }

        @Test
        void werkdagenNaDatum() {
            Instant verwacht = moment("2026-12-29T23:59:59+01:00");

            assertThat(alsInstant(termijn.werkdagenNaDatum("2026-12-23", 3))).isEqualTo(verwacht);
            assertThat(alsInstant(termijn.werkdagenNaDatum(d("2026-12-23"), 3))).isEqualTo(verwacht);
            assertThat(alsInstant(termijn.werkdagenNaDatum(Date.from(moment("2026-12-23T16:45+01:00")), 3))).isEqualTo(verwacht);
            assertThat(alsInstant(kantoorMetSluitingsdagen.werkdagenNaDatum("2026-12-29", 2)))
                    .isEqualTo(moment("2027-01-04T23:59:59+01:00"));
        }

        @Test
        void werkdagenVoorDeadlineStartsAtNineOnThatWorkingDay() {
            Date deadline = termijn.wekenNaOntvangst("2026-04-30", 2); // Friday 15 May 2026 23:59:59

            assertThat(alsInstant(termijn.werkdagenVoorDeadline(deadline, 5)))
                    .isEqualTo(moment("2026-05-07T09:00+02:00"));
            assertThat(alsInstant(termijn.werkdagenVoorDeadline("2026-04-07", 1)))
                    .isEqualTo(moment("2026-04-03T09:00+02:00"));
        }

        @Test
        void urenNaMomentAcrossDst() {
            Instant verwacht = moment("2026-03-31T13:00+02:00");

            assertThat(alsInstant(termijn.urenNaMoment("2026-03-28T12:00", 72))).isEqualTo(verwacht);
            assertThat(alsInstant(termijn.urenNaMoment("2026-03-28T11:00:00Z", 72))).isEqualTo(verwacht);
            assertThat(alsInstant(termijn.urenNaMoment(Date.from(moment("2026-03-28T12:00+01:00")), 72))).isEqualTo(verwacht);
            assertThat(alsInstant(termijn.urenNaMoment(LocalDateTime.parse("2026-03-28T12:00"), 72))).isEqualTo(verwacht);
            assertThat(alsInstant(termijn.urenNaMoment(moment("2026-03-28T12:00+01:00"), 72))).isEqualTo(verwacht);
        }

        @Test
        void urenNaMomentReadsABareDateAsTheStartOfThatDay() {
            assertThat(alsInstant(termijn.urenNaMoment("2026-03-28", 72))).isEqualTo(moment("2026-03-31T01:00+02:00"));
            assertThat(alsInstant(termijn.urenNaMoment(d("2026-03-28"), 72))).isEqualTo(moment("2026-03-31T01:00+02:00"));
        }
    }

    @Nested
    class Weigeringen {

        @Test
        void nullIsRefused() {
            assertThatThrownBy(() -> termijn.laatsteDagMaanden(null, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("ontvangen must not be null");
            assertThatThrownBy(() -> termijn.maandenNaOntvangst(null, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("ontvangen must not be null");
            assertThatThrownBy(() -> termijn.werkdagenNaDatum(null, 3))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("vanaf must not be null");
            assertThatThrownBy(() -> termijn.werkdagenVoorDeadline(null, 5))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("deadline must not be null");
            assertThatThrownBy(() -> termijn.urenNaMoment(null, 72))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("moment must not be null");
            assertThatThrownBy(() -> termijn.urenNa((Instant) null, 72))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("moment must not be null");
            assertThatThrownBy(() -> termijn.isWerkdag(null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> termijn.werkdagenTussen(d("2026-01-01"), null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> termijn.eindeVanDag(null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Termijnberekening(null)).isInstanceOf(NullPointerException.class);
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 0, Integer.MIN_VALUE, 10_001, Integer.MAX_VALUE})
        void countsOutOfRangeAreRefused(int aantal) {
            LocalDate datum = d("2026-03-06");
            assertThatThrownBy(() -> termijn.laatsteDagMaanden(datum, aantal))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("maanden must be between 1 and 10000, but is " + aantal);
            assertThatThrownBy(() -> termijn.laatsteDagWeken(datum, aantal))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("weken must be");
            assertThatThrownBy(() -> termijn.werkdagenNa(datum, aantal))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("n must be");
            assertThatThrownBy(() -> termijn.werkdagenVoor(datum, aantal))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("n must be");
            assertThatThrownBy(() -> termijn.urenNaMoment("2026-03-06T12:00", aantal))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("uren must be");
            assertThatThrownBy(() -> termijn.werkdagenVoorDeadline("2026-03-06", aantal))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("n must be");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "06-03-2026", "2026-02-30", "2026-3-6", "morgen", "2026-03-06T25:00", "1772790000000"})
        void unreadableTextIsRefused(String tekst) {
            assertThatThrownBy(() -> termijn.maandenNaOntvangst(tekst, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("ontvangen");
            assertThatThrownBy(() -> termijn.urenNaMoment(tekst, 72))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("moment");
        }

        @Test
        void unsupportedTypesAreRefused() {
            assertThatThrownBy(() -> termijn.werkdagenNaDatum(42L, 3))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("vanaf must be a date or date-time")
                    .hasMessageContaining("java.lang.Long");
        }

        @Test
        void closingDaysMustNotContainEmptyEntries() {
            List<LocalDate> metLeeg = new java.util.ArrayList<>();
            metLeeg.add(null);
            assertThatThrownBy(() -> new Kantoorsluitingsdagen(metLeeg)).isInstanceOf(IllegalArgumentException.class);
            assertThat(new Kantoorsluitingsdagen(null).sluitingsdagen()).isEmpty();
        }
    }
}
