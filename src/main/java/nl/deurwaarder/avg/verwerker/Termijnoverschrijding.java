package nl.deurwaarder.avg.verwerker;

import java.time.OffsetDateTime;

/**
 * A report a processor passed on too late: a request not forwarded within 3 working days (PH-ORG-05 §8) or a breach
 * not reported within 24 hours of its discovery (PH-ORG-05 §7). {@code verwerkerMoment}: when the processor received or
 * discovered it; {@code kantoorMoment}: when the office received it or became aware of it.
 */
public record Termijnoverschrijding(
    String soort,
    String referentie,
    OffsetDateTime verwerkerMoment,
    OffsetDateTime kantoorMoment,
    String regel) {
}
