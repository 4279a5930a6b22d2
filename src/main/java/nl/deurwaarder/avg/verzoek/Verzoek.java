package nl.deurwaarder.avg.verzoek;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An entry of the Register AVG-verzoeken: the fields of PH-PRO-01 §2.2 plus verification, decision, FG advice and any
 * deviation, extension, the reply's date and way of sending,
 * the first download of the reply through the portal ({@code opgehaaldOp}), and for erasure/correction/restriction when it was
 * carried out. The same names as the API (spec/api.md).
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
    OffsetDateTime verzondenOp,
    String verzendwijze,
    OffsetDateTime opgehaaldOp,
    LocalDate uitgevoerdOp,
    String mogelijkHerhaaldVan,
    String processInstanceId,
    OffsetDateTime afgeslotenOp,
    OffsetDateTime geanonimiseerdOp) {

  /** The address letters go to: the requester when a third party filed it and gave an address, else the subject. */
  public String briefadresEmail() {
    return verzoekerRol != VerzoekerRol.BETROKKENE && verzoekerEmail != null && !verzoekerEmail.isBlank()
        ? verzoekerEmail : betrokkene.email();
  }

  public String briefaanhefNaam() {
    return verzoekerRol != VerzoekerRol.BETROKKENE && verzoekerNaam != null && !verzoekerNaam.isBlank()
        ? verzoekerNaam : betrokkene.naam();
  }
}
