package nl.deurwaarder.avg.verwerkingsregister;

/** The six bases of AVG art. 6 lid 1 (PH-PRO-03 §3.3, PH-ORG-01 §5.2). */
public enum Grondslag {
  A("Toestemming van de betrokkene"),
  B("Uitvoering van een overeenkomst"),
  C("Wettelijke verplichting"),
  D("Bescherming van vitale belangen"),
  E("Taak van algemeen belang of openbaar gezag"),
  F("Gerechtvaardigd belang");

  private final String omschrijving;

  Grondslag(String omschrijving) {
    this.omschrijving = omschrijving;
  }

  public String omschrijving() {
    return omschrijving;
  }

  /** "c. Wettelijke verplichting (AVG art. 6 lid 1 sub c)". */
  public String volledig() {
    String sub = name().toLowerCase();
    return sub + ". " + omschrijving + " (AVG art. 6 lid 1 sub " + sub + ")";
  }

  public static Grondslag van(String letter) {
    if (letter == null || letter.isBlank()) {
      return null;
    }
    return valueOf(letter.trim().toUpperCase());
  }
}
