package nl.deurwaarder.avg.archief;

/**
 * What a document in a request's or breach's archive is (PH-PRO-01 §2.4, §3.4, §5.3–5.5). The original request and
 * the letters sent are the dossier's evidence of what came in and what went out: only privacy staff (who may read
 * the archive) file them; a staff member who may only add, e.g. while collecting data, cannot.
 */
public enum Stuksoort {
  VERZOEK("Origineel verzoek", true),
  IDENTITEITSBEWIJS("Identiteitsbewijs", false),
  MACHTIGING("Machtiging of bewijs van vertegenwoordiging", false),
  VERIFICATIE("Overig verificatiestuk", false),
  CHECKLIST("Checklist gegevensverzameling", false),
  NIET_GEVALIDEERDE_GEGEVENS("Verzamelde (niet-gevalideerde) gegevens", false),
  GESCREENDE_GEGEVENS("Gescreende gegevens", false),
  BRIEF("Verzonden brief", true),
  CORRESPONDENTIE("Correspondentie", false),
  DATALEKDOSSIER("Stuk uit het datalekdossier", false),
  PRIVACYRAPPORTAGE("Privacyrapportage (FG aan directie)", true),
  OVERIG("Overig", false);

  private final String omschrijving;
  private final boolean alleenPrivacyteam;

  Stuksoort(String omschrijving, boolean alleenPrivacyteam) {
    this.omschrijving = omschrijving;
    this.alleenPrivacyteam = alleenPrivacyteam;
  }

  /** The kinds a user with this right may file. */
  public static java.util.List<Stuksoort> toegestaanVoor(ArchiefToegang.Recht recht) {
    return java.util.Arrays.stream(values()).filter(s -> s.magToevoegen(recht)).toList();
  }

  public boolean magToevoegen(ArchiefToegang.Recht recht) {
    return recht.magLezen() || (recht.magToevoegen() && !alleenPrivacyteam);
  }

  public String omschrijving() {
    return omschrijving;
  }
}
