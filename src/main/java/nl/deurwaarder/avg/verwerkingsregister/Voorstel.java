package nl.deurwaarder.avg.verwerkingsregister;

import java.time.OffsetDateTime;

/**
 * A draft: a proposed new, changed or withdrawn processing. It is not part of the published register until the FG
 * approved it and it was published as a new version.
 */
public record Voorstel(
    long id,
    Soort soort,
    Verwerking verwerking,
    String toelichting,
    Status status,
    OffsetDateTime aangemaaktOp,
    String aangemaaktDoor,
    String piaUitkomst,
    String piaMaatregelen,
    String fgBesluit,
    String fgOpmerkingen,
    Integer gepubliceerdeVersie,
    String processInstanceId) {

  public enum Soort { NIEUW, WIJZIGING, VERVALLEN }

  public enum Status { CONCEPT, GEPUBLICEERD, INGETROKKEN }
}
