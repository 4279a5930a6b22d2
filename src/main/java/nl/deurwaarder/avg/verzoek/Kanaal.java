package nl.deurwaarder.avg.verzoek;

/** Wijze van verzoek (PH-PRO-01 §2.1). A verbal request alone is not taken into processing, so it is not here. */
public enum Kanaal {
  WEBFORMULIER("websiteformulier"),
  EMAIL("e-mail"),
  BRIEF("brief"),
  BALIE("balie"),
  VERWERKER("via verwerker");

  private final String omschrijving;

  Kanaal(String omschrijving) {
    this.omschrijving = omschrijving;
  }

  public String omschrijving() {
    return omschrijving;
  }
}
