package nl.deurwaarder.avg.verzoek;

import java.time.OffsetDateTime;

/**
 * A request as received, before registration: what the API, the website form and the Tasklist start form supply. A
 * request passed on by a processor (kanaal VERWERKER) also names the processor (a name from the register of
 * processors) and when the processor itself received it (PH-ORG-05 §8: it forwards within 3 working days).
 */
public record NieuwVerzoek(
    VerzoekType verzoekType,
    Kanaal kanaal,
    OffsetDateTime ontvangenOp,
    Betrokkene betrokkene,
    Verzoeker verzoeker,
    String omschrijving,
    String verwerker,
    OffsetDateTime verwerkerOntvangenOp) {

  /** A request that no processor passed on. */
  public NieuwVerzoek(VerzoekType verzoekType, Kanaal kanaal, OffsetDateTime ontvangenOp, Betrokkene betrokkene,
      Verzoeker verzoeker, String omschrijving) {
    this(verzoekType, kanaal, ontvangenOp, betrokkene, verzoeker, omschrijving, null, null);
  }

  public VerzoekerRol verzoekerRol() {
    return verzoeker == null || verzoeker.rol() == null ? VerzoekerRol.BETROKKENE : verzoeker.rol();
  }
}
