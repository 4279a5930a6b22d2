package nl.deurwaarder.avg.archief;

import java.time.OffsetDateTime;

/** A document in the archive of a request (AVG-...) or breach (DL-...), without its content. */
public record Archiefstuk(long id, String referentie, Stuksoort soort, String titel, String bestandsnaam,
    String contentType, long grootte, String sha256, OffsetDateTime toegevoegdOp, String toegevoegdDoor) {
}
