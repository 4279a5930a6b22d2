package nl.deurwaarder.avg.termijn;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Office settings that influence deadlines.
 *
 * <pre>
 * avg.kantoor.sluitingsdagen=2026-04-03,2026-12-31
 * </pre>
 *
 * @param sluitingsdagen extra days on which the office is closed (e.g. Goede Vrijdag, the day between
 *                       Christmas and New Year); they count as non-working days just like public holidays.
 *                       ISO dates ({@code yyyy-MM-dd}). Empty when not configured.
 */
@ConfigurationProperties("avg.kantoor")
public record Kantoorsluitingsdagen(List<LocalDate> sluitingsdagen) {

    public Kantoorsluitingsdagen {
        if (sluitingsdagen == null) {
            sluitingsdagen = List.of();
        } else if (sluitingsdagen.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("avg.kantoor.sluitingsdagen contains an empty date");
        } else {
            sluitingsdagen = List.copyOf(sluitingsdagen);
        }
    }

    /** No office closing days. */
    public static Kantoorsluitingsdagen zonderSluitingsdagen() {
        return new Kantoorsluitingsdagen(List.of());
    }

    /** Whether the office is closed on that date by configuration (public holidays not included). */
    public boolean isSluitingsdag(LocalDate datum) {
        return sluitingsdagen.contains(datum);
    }
}
