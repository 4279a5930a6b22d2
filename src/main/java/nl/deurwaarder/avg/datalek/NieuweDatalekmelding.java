package nl.deurwaarder.avg.datalek;

import java.time.OffsetDateTime;

/**
 * A report of a (suspected) breach (PH-PRO-04 §2.1): what happened, when it was discovered (the 72-hour clock runs
 * from here), who reports it. The reference is never part of a report: the register allocates it.
 */
public record NieuweDatalekmelding(
    String omschrijving,
    OffsetDateTime ontdektOp,
    Bron bron,
    String verwerker,
    OffsetDateTime verwerkerOntdektOp,
    Integer geschatAantalBetrokkenen,
    String getroffenSystemen,
    String getroffenGegevens,
    String melderNaam,
    String melderEmail) {
}
