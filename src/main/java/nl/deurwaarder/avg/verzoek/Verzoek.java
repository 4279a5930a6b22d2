package nl.deurwaarder.avg.verzoek;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An entry of the Register AVG-verzoeken: the fields of PH-PRO-01 §2.2 plus verification, decision, FG advice and any
 * deviation, extension, the reply's date and way of sending, the first download of the reply through the portal
 * ({@code opgehaaldOp}), and for erasure/correction/restriction when it was
 * carried out. The same names as the API (spec/api.md). {@code fgAdviezen}: every advice of the FG on this request
 * (who, when, explanation); {@code hoedanigheden}, {@code art15Verwerkingen} and {@code art15Registerversie}: for an
 * access reply, the data subject's capacities and the processings of the verwerkingsregister (codes, in that published
 * version) its art. 15(1) information was taken from; {@code verzendingWachtOpPost}: a letter of the request waits
 * for a person to confirm posting it; {@code verwerker}, {@code verwerkerOntvangenOp}, {@code verwerkerTijdig}: the
 * processor that passed the request on, when it received it, and whether it forwarded it within 3 working days.
 */
public record Verzoek(
    String referentie,
    VerzoekType verzoekType,
    Kanaal kanaal,
    OffsetDateTime ontvangenOp,
    OffsetDateTime geregistreerdOp,
    String geregistreerdDoor,
    Betrokkene betrokkene,
    VerzoekerRol verzoekerRol,
    String verzoekerNaam,
    String verzoekerEmail,
    String verzoekerOrganisatie,
    String omschrijving,
    String behandelaar,
    VerzoekStatus status,
    LocalDate uitersteReactiedatum,
    LocalDate wettelijkeUitersteDatum,
    boolean verlengd,
    String verlengingMotivering,
    String verificatieResultaat,
    String verificatieMethode,
    List<String> afwijzingsgronden,
    String besluit,
    String fgAdvies,
    String fgToelichting,
    String afwijkingMotivering,
    List<FgAdvies> fgAdviezen,
    List<String> hoedanigheden,
    List<String> art15Verwerkingen,
    Integer art15Registerversie,
    OffsetDateTime verzondenOp,
    String verzendwijze,
    OffsetDateTime opgehaaldOp,
    LocalDate uitgevoerdOp,
    String mogelijkHerhaaldVan,
    String processInstanceId,
    OffsetDateTime afgeslotenOp,
    OffsetDateTime geanonimiseerdOp,
    boolean verzendingWachtOpPost,
    String verwerker,
    OffsetDateTime verwerkerOntvangenOp,
    Boolean verwerkerTijdig) {

  /** The address letters go to: the requester when a third party filed it and gave an address, else the subject. */
  public String briefadresEmail() {
    return verzoekerRol != VerzoekerRol.BETROKKENE && verzoekerEmail != null && !verzoekerEmail.isBlank()
        ? verzoekerEmail : betrokkene.email();
  }

  /** The same entry with the FG's advices (kept in their own table). */
  public Verzoek metFgAdviezen(List<FgAdvies> adviezen) {
    return new Verzoek(referentie, verzoekType, kanaal, ontvangenOp, geregistreerdOp, geregistreerdDoor, betrokkene,
        verzoekerRol, verzoekerNaam, verzoekerEmail, verzoekerOrganisatie, omschrijving, behandelaar, status,
        uitersteReactiedatum, wettelijkeUitersteDatum, verlengd, verlengingMotivering, verificatieResultaat,
        verificatieMethode, afwijzingsgronden, besluit, fgAdvies, fgToelichting, afwijkingMotivering,
        adviezen == null ? List.of() : List.copyOf(adviezen), hoedanigheden, art15Verwerkingen, art15Registerversie,
        verzondenOp, verzendwijze, opgehaaldOp, uitgevoerdOp, mogelijkHerhaaldVan, processInstanceId, afgeslotenOp,
        geanonimiseerdOp, verzendingWachtOpPost, verwerker, verwerkerOntvangenOp, verwerkerTijdig);
  }

  public String briefaanhefNaam() {
    return verzoekerRol != VerzoekerRol.BETROKKENE && verzoekerNaam != null && !verzoekerNaam.isBlank()
        ? verzoekerNaam : betrokkene.naam();
  }
}
