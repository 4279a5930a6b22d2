package nl.deurwaarder.avg.verwerkingsregister;

/** The exceptions of AVG art. 9 lid 2 that allow processing a special category. */
public enum Art9Uitzondering {
  A("uitdrukkelijke toestemming"),
  B("verplichtingen en rechten op het gebied van arbeidsrecht en sociale zekerheid"),
  C("bescherming van vitale belangen"),
  D("gerechtvaardigde activiteiten van een stichting, vereniging of andere instantie zonder winstoogmerk"),
  E("kennelijk door de betrokkene openbaar gemaakt"),
  F("instelling, uitoefening of onderbouwing van een rechtsvordering"),
  G("zwaarwegend algemeen belang"),
  H("preventieve of arbeidsgeneeskunde en zorg"),
  I("algemeen belang op het gebied van volksgezondheid"),
  J("archivering in het algemeen belang, wetenschappelijk of historisch onderzoek of statistiek");

  private final String omschrijving;

  Art9Uitzondering(String omschrijving) {
    this.omschrijving = omschrijving;
  }

  public String omschrijving() {
    return omschrijving;
  }

  public String volledig() {
    return "AVG art. 9 lid 2 sub " + name().toLowerCase() + ": " + omschrijving;
  }

  public static Art9Uitzondering van(String letter) {
    if (letter == null || letter.isBlank()) {
      return null;
    }
    return valueOf(letter.trim().toUpperCase());
  }
}
