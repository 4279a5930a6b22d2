package nl.deurwaarder.avg.uitvoering;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Row {@code uitvoeringId} of the uitvoeringsregister was applied again (or found not needed) after restore {@code herstelId}. */
public record Heruitvoering(long id, long herstelId, long uitvoeringId, Hersteluitkomst uitkomst,
    LocalDate opnieuwUitgevoerdOp, String opnieuwUitgevoerdDoor, String opmerking, OffsetDateTime vastgelegdOp) {
}
