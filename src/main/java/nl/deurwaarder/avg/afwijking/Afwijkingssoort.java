package nl.deurwaarder.avg.afwijking;

/** Where a decision deviated from the FG's advice (PH-ORG-02 §3.1). */
public enum Afwijkingssoort {
  VERZOEK_BESLUIT("Besluit op een AVG-verzoek"),
  DATALEK_AP_MELDING("Melding van een datalek aan de AP"),
  DATALEK_BETROKKENEN("Informeren van betrokkenen over een datalek"),
  PIA_UITKOMST("Besluit over de uitkomst van een PIA");

  private final String omschrijving;

  Afwijkingssoort(String omschrijving) {
    this.omschrijving = omschrijving;
  }

  public String omschrijving() {
    return omschrijving;
  }
}
