package nl.deurwaarder.avg.uitvoering;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One row of the uitvoeringsregister: in {@code systeem}, for request {@code referentie}, the data described were
 * erased, anonymised, corrected or restricted on {@code uitgevoerdOp} (the legal proof date, PH-PRO-05 §7.1). For a
 * restriction: why ({@code beperkingReden}) and until when ({@code beperktTot} or the end condition
 * {@code beperkingEinde}).
 */
public record Uitvoering(long id, String referentie, Uitvoeringssoort soort, String systeem, String dossiernummer,
    String omschrijving, String beperkingReden, LocalDate beperktTot, String beperkingEinde, LocalDate uitgevoerdOp,
    String uitgevoerdDoor, OffsetDateTime vastgelegdOp, String vastgelegdDoor) {
}
