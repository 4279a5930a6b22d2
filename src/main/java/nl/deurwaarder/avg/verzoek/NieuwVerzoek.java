package nl.deurwaarder.avg.verzoek;

import java.time.OffsetDateTime;

/** A request as received, before registration: what the API, the website form and the Tasklist start form supply. */
public record NieuwVerzoek(
    VerzoekType verzoekType,
    Kanaal kanaal,
    OffsetDateTime ontvangenOp,
    Betrokkene betrokkene,
    Verzoeker verzoeker,
    String omschrijving) {

  public VerzoekerRol verzoekerRol() {
    return verzoeker == null || verzoeker.rol() == null ? VerzoekerRol.BETROKKENE : verzoeker.rol();
  }
}
