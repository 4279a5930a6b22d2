package nl.deurwaarder.avg.termijn;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Dutch public holidays as listed in art. 3 of the Algemene termijnenwet, computed for any year.
 *
 * <p>The list: Nieuwjaarsdag, Tweede Paasdag, Koningsdag, Bevrijdingsdag (5 May, every year),
 * Hemelvaartsdag, Tweede Pinksterdag, Eerste and Tweede Kerstdag.
 *
 * <p>Deliberate choices:
 * <ul>
 *   <li>Eerste Paasdag and Eerste Pinksterdag are <b>not</b> included: the Algemene termijnenwet only names
 *       the second days, and the first days are always Sundays, so they never change a result.</li>
 *   <li>Goede Vrijdag is not a public holiday under the Algemene termijnenwet; an office that closes on it
 *       configures it as an office closing day ({@code avg.kantoor.sluitingsdagen}).</li>
 *   <li>The current rules are applied to every year (Koningsdag on 27 April, or 26 April when the 27th is a
 *       Sunday; 5 May every year). Historic rules (Koninginnedag on 30 April before 2014) are not modelled:
 *       deadlines of this product lie in the present and the future.</li>
 * </ul>
 *
 * <p>Pure functions, no state.
 */
public final class Feestdagen {

    /** Easter is computed with the Gregorian algorithm, valid from 1583 on. */
    public static final int EERSTE_JAAR = 1583;
    public static final int LAATSTE_JAAR = 9999;

    public static final String NIEUWJAARSDAG = "Nieuwjaarsdag";
    public static final String TWEEDE_PAASDAG = "Tweede Paasdag";
    public static final String KONINGSDAG = "Koningsdag";
    public static final String BEVRIJDINGSDAG = "Bevrijdingsdag";
    public static final String HEMELVAARTSDAG = "Hemelvaartsdag";
    public static final String TWEEDE_PINKSTERDAG = "Tweede Pinksterdag";
    public static final String EERSTE_KERSTDAG = "Eerste Kerstdag";
    public static final String TWEEDE_KERSTDAG = "Tweede Kerstdag";

    private Feestdagen() {
    }

    /**
     * All eight public holidays of the given year, ordered by date. Two holidays can share a date: Hemelvaartsdag
     * falls on 5 May in some years (2016, 2157); both are then listed, Bevrijdingsdag first.
     */
    public static List<Feestdag> voorJaar(int jaar) {
        LocalDate pasen = eerstePaasdag(jaar);
        return Stream.of(
                        new Feestdag(LocalDate.of(jaar, Month.JANUARY, 1), NIEUWJAARSDAG),
                        new Feestdag(pasen.plusDays(1), TWEEDE_PAASDAG),
                        new Feestdag(koningsdag(jaar), KONINGSDAG),
                        new Feestdag(LocalDate.of(jaar, Month.MAY, 5), BEVRIJDINGSDAG),
                        new Feestdag(pasen.plusDays(39), HEMELVAARTSDAG),
                        new Feestdag(pasen.plusDays(50), TWEEDE_PINKSTERDAG),
                        new Feestdag(LocalDate.of(jaar, Month.DECEMBER, 25), EERSTE_KERSTDAG),
                        new Feestdag(LocalDate.of(jaar, Month.DECEMBER, 26), TWEEDE_KERSTDAG))
                .sorted(Comparator.comparing(Feestdag::datum))
                .toList();
    }

    /** Whether the date is one of the public holidays above. */
    public static boolean isFeestdag(LocalDate datum) {
        if (datum == null) {
            throw new IllegalArgumentException("datum must not be null");
        }
        return voorJaar(datum.getYear()).stream().anyMatch(f -> f.datum().equals(datum));
    }

    /**
     * Easter Sunday (Eerste Paasdag) in the Gregorian calendar, with the anonymous Gregorian algorithm
     * (Meeus/Jones/Butcher).
     */
    public static LocalDate eerstePaasdag(int jaar) {
        checkJaar(jaar);
        int a = jaar % 19;
        int b = jaar / 100;
        int c = jaar % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int maand = (h + l - 7 * m + 114) / 31;
        int dag = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(jaar, maand, dag);
    }

    /** Koningsdag: 27 April, or 26 April when 27 April is a Sunday. */
    public static LocalDate koningsdag(int jaar) {
        checkJaar(jaar);
        LocalDate datum = LocalDate.of(jaar, Month.APRIL, 27);
        return datum.getDayOfWeek() == DayOfWeek.SUNDAY ? datum.minusDays(1) : datum;
    }

    private static void checkJaar(int jaar) {
        if (jaar < EERSTE_JAAR || jaar > LAATSTE_JAAR) {
            throw new IllegalArgumentException(
                    "year " + jaar + " is outside the supported range " + EERSTE_JAAR + ".." + LAATSTE_JAAR);
        }
    }
}
