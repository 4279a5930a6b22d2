package nl.deurwaarder.avg.archief;

/** What a document in a request's or breach's archive is (PH-PRO-01 §2.4, §3.4, §5.3–5.5). */
public enum Stuksoort {
  VERZOEK("Origineel verzoek"),
  IDENTITEITSBEWIJS("Identiteitsbewijs"),
  MACHTIGING("Machtiging of bewijs van vertegenwoordiging"),
  VERIFICATIE("Overig verificatiestuk"),
  CHECKLIST("Checklist gegevensverzameling"),
  NIET_GEVALIDEERDE_GEGEVENS("Verzamelde (niet-gevalideerde) gegevens"),
  GESCREENDE_GEGEVENS("Gescreende gegevens"),
  BRIEF("Verzonden brief"),
  CORRESPONDENTIE("Correspondentie"),
  DATALEKDOSSIER("Stuk uit het datalekdossier"),
  OVERIG("Overig");

  private final String omschrijving;

  Stuksoort(String omschrijving) {
    this.omschrijving = omschrijving;
  }

  public String omschrijving() {
    return omschrijving;
  }
}
