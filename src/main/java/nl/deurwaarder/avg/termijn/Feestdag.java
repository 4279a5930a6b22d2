package nl.deurwaarder.avg.termijn;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A Dutch public holiday ("algemeen erkende feestdag") on a specific date.
 *
 * @param datum the calendar date
 * @param naam  the Dutch name, e.g. "Tweede Paasdag"
 */
public record Feestdag(LocalDate datum, String naam) {

    public Feestdag {
        Objects.requireNonNull(datum, "datum");
        Objects.requireNonNull(naam, "naam");
    }
}
