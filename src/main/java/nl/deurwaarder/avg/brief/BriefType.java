package nl.deurwaarder.avg.brief;

import java.util.List;

/**
 * The standard letters of the handbook ([NAAM-standaardbrief], spec/domain.md "Standard letters"). Each type has its
 * template fragment in {@code src/main/resources/brieven/<sjabloon>.html}, a Dutch subject line and the input keys it
 * reads besides what the register supplies (docs/brieven.md lists them). {@code %s} in a subject is the kind of
 * request ("inzageverzoek"); breach letters have none.
 */
public enum BriefType {
  ONTVANGSTBEVESTIGING("ontvangstbevestiging", "Ontvangstbevestiging van uw %s", Soort.VERZOEK,
      List.of(), List.of()),
  VERDUIDELIJKING("verduidelijking", "Verduidelijking van uw %s gevraagd", Soort.VERZOEK,
      List.of(), List.of("toelichting")),
  VERLENGING("verlenging", "Verlenging van de termijn voor uw %s", Soort.VERZOEK,
      List.of(), List.of("nieuweUitersteDatum", "verlengingMotivering")),
  VERIFICATIE_NEGATIEF("verificatie-negatief", "Afwijzing van het %s: identiteit niet vastgesteld", Soort.VERZOEK,
      List.of(), List.of()),
  VERIFICATIE_AANVULLENDE_INFORMATIE("verificatie-aanvullende-informatie",
      "Uw %s: aanvullende informatie nodig om uw identiteit vast te stellen", Soort.VERZOEK,
      List.of(), List.of("gevraagdeInformatie")),
  VERIFICATIE_NIET_MOGELIJK("verificatie-niet-mogelijk", "Uw %s: verificatie van de identiteit niet mogelijk",
      Soort.VERZOEK, List.of(), List.of()),
  AFWIJZING("afwijzing", "Besluit op uw %s: afwijzing", Soort.VERZOEK,
      List.of(), List.of("afwijzingsgronden", "toelichting")),
  REACTIE_INZAGE("reactie-inzage", "Reactie op uw %s", Soort.VERZOEK,
      List.of(), List.of("verwerkingsdoeleinden", "categorieenPersoonsgegevens", "ontvangers", "bewaartermijn",
          "bron", "legenda", "bijlagen")),
  REACTIE_VERWIJDERING("reactie-verwijdering", "Reactie op uw %s", Soort.VERZOEK,
      List.of(), List.of("omschrijvingGegevens", "uitgevoerdOp", "ontvangersGeinformeerd")),
  REACTIE_CORRECTIE("reactie-correctie", "Reactie op uw %s", Soort.VERZOEK,
      List.of(), List.of("omschrijvingGegevens", "uitgevoerdOp", "ontvangersGeinformeerd")),
  REACTIE_BEPERKING("reactie-beperking", "Reactie op uw %s", Soort.VERZOEK,
      List.of(), List.of("omschrijvingGegevens", "uitgevoerdOp", "redenBeperking", "ontvangersGeinformeerd")),
  TOEGANGSCODE("toegangscode", "Uw toegangscode voor ons antwoord op uw %s", Soort.VERZOEK,
      List.of("toegangscode"), List.of("verzendwijze", "ophaaltermijnDagen")),
  BERICHT_ONTVANGER("bericht-ontvanger", "Wissen, rectificeren of beperken van persoonsgegevens (art. 19 AVG)",
      Soort.VERZOEK, List.of("briefOntvangerNaam"), List.of("maatregel", "omschrijvingGegevens", "uitgevoerdOp")),
  AANKONDIGING_OPHEFFING_BEPERKING("aankondiging-opheffing-beperking",
      "Aankondiging: de beperking van de verwerking van uw gegevens wordt opgeheven", Soort.VERZOEK,
      List.of("opheffingsdatum"), List.of("reden", "omschrijvingGegevens")),
  DATALEK_BERICHT_MELDER("datalek-bericht-melder", "Uw melding van een (mogelijk) datalek", Soort.DATALEK,
      List.of("briefOntvangerNaam"), List.of("gemeldOp", "bevinding", "vervolg")),
  DATALEK_MELDING_BETROKKENEN("datalek-melding-betrokkenen", "Melding van een datalek dat uw persoonsgegevens betreft",
      Soort.DATALEK, List.of("briefOntvangerNaam", "omschrijving", "gevolgen", "genomenMaatregelen"),
      List.of("inbreukCategorieen", "ontdektOp", "adviezen", "overigAdvies", "preventieveMaatregelen"));

  /** Which file a letter belongs to: a request (AVG-...) or a breach (DL-...). */
  public enum Soort { VERZOEK, DATALEK }

  private final String sjabloon;
  private final String onderwerp;
  private final Soort soort;
  private final List<String> verplichteInvoer;
  private final List<String> optioneleInvoer;

  BriefType(String sjabloon, String onderwerp, Soort soort, List<String> verplichteInvoer,
      List<String> optioneleInvoer) {
    this.sjabloon = sjabloon;
    this.onderwerp = onderwerp;
    this.soort = soort;
    this.verplichteInvoer = verplichteInvoer;
    this.optioneleInvoer = optioneleInvoer;
  }

  /** The template fragment: {@code brieven/<sjabloon>.html}. */
  public String sjabloon() {
    return sjabloon;
  }

  /** The Dutch subject line; {@code verzoekNaam} ("inzageverzoek") fills requests' subjects. */
  public String onderwerp(String verzoekNaam) {
    return onderwerp.contains("%s") ? String.format(onderwerp, verzoekNaam == null ? "verzoek" : verzoekNaam)
        : onderwerp;
  }

  public Soort soort() {
    return soort;
  }

  /** Input keys without which the letter cannot be written (besides what the register or breach file supplies). */
  public List<String> verplichteInvoer() {
    return verplichteInvoer;
  }

  /** Input keys the template uses when given. */
  public List<String> optioneleInvoer() {
    return optioneleInvoer;
  }
}
