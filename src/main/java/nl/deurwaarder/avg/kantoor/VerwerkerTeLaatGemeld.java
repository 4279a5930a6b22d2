package nl.deurwaarder.avg.kantoor;

import java.time.OffsetDateTime;

/**
 * Published (in the registering transaction) when a breach is registered that a processor reported more than 24 hours
 * after its own discovery (PH-ORG-05 §7): the register of processors gives the FG a task for it.
 */
public record VerwerkerTeLaatGemeld(String referentie, String verwerker, OffsetDateTime verwerkerOntdektOp,
    OffsetDateTime ontdektOp) {
}
