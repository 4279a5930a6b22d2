package nl.deurwaarder.avg.termijn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeestdagenTest {

    /** Easter Sunday, from published Easter tables (not computed). */
    @ParameterizedTest(name = "Pasen {0} = {1}")
    @CsvSource({
            "2025, 2025-04-20",
            "2026, 2026-04-05",
            "2027, 2027-03-28",
            "2028, 2028-04-16",
            "2029, 2029-04-01",
            "2030, 2030-04-21",
            "2031, 2031-04-13",
            "2032, 2032-03-28",
            "2033, 2033-04-17",
            "2034, 2034-04-09",
            "2035, 2035-03-25",
            "2036, 2036-04-13",
            // extremes of the Gregorian Easter range and century years
            "1818, 1818-03-22",
            "2285, 2285-03-22",
            "1943, 1943-04-25",
            "2038, 2038-04-25",
            "2000, 2000-04-23",
            "2100, 2100-03-28",
    })
    void eerstePaasdag(int jaar, LocalDate verwacht) {
        assertThat(Feestdagen.eerstePaasdag(jaar)).isEqualTo(verwacht);
        assertThat(verwacht.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
    }

    static Stream<Arguments> feestdagenPerJaar() {
        return Stream.of(
                jaar(2025, "2025-01-01", "2025-04-21", "2025-04-26", "2025-05-05", "2025-05-29", "2025-06-09", "2025-12-25", "2025-12-26"),
                jaar(2026, "2026-01-01", "2026-04-06", "2026-04-27", "2026-05-05", "2026-05-14", "2026-05-25", "2026-12-25", "2026-12-26"),
                jaar(2027, "2027-01-01", "2027-03-29", "2027-04-27", "2027-05-05", "2027-05-06", "2027-05-17", "2027-12-25", "2027-12-26"),
                jaar(2028, "2028-01-01", "2028-04-17", "2028-04-27", "2028-05-05", "2028-05-25", "2028-06-05", "2028-12-25", "2028-12-26"),
                jaar(2029, "2029-01-01", "2029-04-02", "2029-04-27", "2029-05-05", "2029-05-10", "2029-05-21", "2029-12-25", "2029-12-26"),
                jaar(2030, "2030-01-01", "2030-04-22", "2030-04-27", "2030-05-05", "2030-05-30", "2030-06-10", "2030-12-25", "2030-12-26"),
                jaar(2031, "2031-01-01", "2031-04-14", "2031-04-26", "2031-05-05", "2031-05-22", "2031-06-02", "2031-12-25", "2031-12-26"),
                jaar(2032, "2032-01-01", "2032-03-29", "2032-04-27", "2032-05-05", "2032-05-06", "2032-05-17", "2032-12-25", "2032-12-26"),
                jaar(2033, "2033-01-01", "2033-04-18", "2033-04-27", "2033-05-05", "2033-05-26", "2033-06-06", "2033-12-25", "2033-12-26"),
                jaar(2034, "2034-01-01", "2034-04-10", "2034-04-27", "2034-05-05", "2034-05-18", "2034-05-29", "2034-12-25", "2034-12-26"),
                // 2035: Hemelvaartsdag (3 May) comes before Bevrijdingsdag
                jaar(2035, "2035-01-01", "2035-03-26", "2035-04-27", "2035-05-05", "2035-05-03", "2035-05-14", "2035-12-25", "2035-12-26"));
    }

    /** Dates in the order: Nieuwjaar, 2e Paas, Koningsdag, Bevrijding, Hemelvaart, 2e Pinkster, 1e Kerst, 2e Kerst. */
    private static Arguments jaar(int jaar, String... datums) {
        return Arguments.of(jaar, List.of(
                new Feestdag(LocalDate.parse(datums[0]), "Nieuwjaarsdag"),
                new Feestdag(LocalDate.parse(datums[1]), "Tweede Paasdag"),
                new Feestdag(LocalDate.parse(datums[2]), "Koningsdag"),
                new Feestdag(LocalDate.parse(datums[3]), "Bevrijdingsdag"),
                new Feestdag(LocalDate.parse(datums[4]), "Hemelvaartsdag"),
                new Feestdag(LocalDate.parse(datums[5]), "Tweede Pinksterdag"),
                new Feestdag(LocalDate.parse(datums[6]), "Eerste Kerstdag"),
                new Feestdag(LocalDate.parse(datums[7]), "Tweede Kerstdag")));
    }

    @ParameterizedTest(name = "feestdagen {0}")
    @MethodSource("feestdagenPerJaar")
    void everyPublicHolidayOfTheYear(int jaar, List<Feestdag> verwacht) {
        List<Feestdag> feestdagen = Feestdagen.voorJaar(jaar);

        assertThat(feestdagen).containsExactlyInAnyOrderElementsOf(verwacht);
        assertThat(feestdagen).extracting(Feestdag::datum).isSorted();
        verwacht.forEach(f -> assertThat(Feestdagen.isFeestdag(f.datum())).as(f.toString()).isTrue());
    }

    @Test
    void listIsOrderedByDateEvenWhenHemelvaartComesBeforeBevrijdingsdag() {
        assertThat(Feestdagen.voorJaar(2035)).extracting(Feestdag::naam).containsExactly(
                "Nieuwjaarsdag", "Tweede Paasdag", "Koningsdag", "Hemelvaartsdag", "Bevrijdingsdag",
                "Tweede Pinksterdag", "Eerste Kerstdag", "Tweede Kerstdag");
    }

    @ParameterizedTest(name = "Hemelvaartsdag op 5 mei {0}")
    @ValueSource(ints = {2016, 2005, 2157})
    void hemelvaartsdagCanFallOnBevrijdingsdagAndBothAreListed(int jaar) {
        LocalDate vijfMei = LocalDate.of(jaar, 5, 5);

        assertThat(Feestdagen.voorJaar(jaar)).hasSize(8)
                .filteredOn(f -> f.datum().equals(vijfMei))
                .extracting(Feestdag::naam)
                .containsExactly("Bevrijdingsdag", "Hemelvaartsdag");
    }

    @ParameterizedTest(name = "Koningsdag {0} = {1}")
    @CsvSource({
            "2025, 2025-04-26", // 27 April 2025 is a Sunday
            "2031, 2031-04-26", // 27 April 2031 is a Sunday
            "2036, 2036-04-26", // 27 April 2036 is a Sunday
            "2026, 2026-04-27",
            "2030, 2030-04-27", // a Saturday: stays on the 27th
    })
    void koningsdagMovesToSaturdayWhenTheTwentySeventhIsASunday(int jaar, LocalDate verwacht) {
        assertThat(Feestdagen.koningsdag(jaar)).isEqualTo(verwacht);
        assertThat(Feestdagen.isFeestdag(LocalDate.of(jaar, 4, 27))).isEqualTo(verwacht.getDayOfMonth() == 27);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2026-04-03", // Goede Vrijdag: not on the list of the Algemene termijnenwet
            "2026-04-05", // Eerste Paasdag: a Sunday, deliberately not listed
            "2026-05-24", // Eerste Pinksterdag: a Sunday, deliberately not listed
            "2026-12-24", "2026-12-31", "2026-04-28", "2026-05-04", "2025-04-27"})
    void notPublicHolidays(LocalDate datum) {
        assertThat(Feestdagen.isFeestdag(datum)).isFalse();
    }

    @Test
    void eightHolidaysEveryYear() {
        for (int jaar = 1900; jaar <= 2200; jaar++) {
            assertThat(Feestdagen.voorJaar(jaar)).hasSize(8)
                    .extracting(Feestdag::naam).doesNotHaveDuplicates();
            assertThat(Feestdagen.voorJaar(jaar)).extracting(f -> f.datum().getYear()).containsOnly(jaar);
            assertThat(Feestdagen.voorJaar(jaar).get(1).datum().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1582, 0, -1, 10_000})
    void yearsOutsideTheGregorianRangeAreRefused(int jaar) {
        assertThatThrownBy(() -> Feestdagen.voorJaar(jaar))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(jaar));
    }

    @Test
    void nullDateIsRefused() {
        assertThatThrownBy(() -> Feestdagen.isFeestdag(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("datum");
    }
}
