package nl.deurwaarder.avg.verzoek;

/** The four data-subject requests, each its own procedure (BPMN process key) and deadline rule. */
public enum VerzoekType {
  INZAGE("avg-inzageverzoek", "inzageverzoek", "PH-PRO-01", Termijnregel.EEN_MAAND),
  VERWIJDERING("avg-verwijderverzoek", "verwijderverzoek", "PH-PRO-05", Termijnregel.TWEE_WEKEN),
  CORRECTIE("avg-correctieverzoek", "correctieverzoek", "PH-PRO-06", Termijnregel.TWEE_WEKEN),
  BEPERKING("avg-beperkingsverzoek", "beperkingsverzoek", "PH-PRO-07", Termijnregel.TWEE_WEKEN);

  /** Inzage: 1 month (AVG art. 12(3)); the others: the office norm of 2 weeks within the legal month. */
  public enum Termijnregel { EEN_MAAND, TWEE_WEKEN }

  private final String procesKey;
  private final String naam;
  private final String procedure;
  private final Termijnregel termijnregel;

  VerzoekType(String procesKey, String naam, String procedure, Termijnregel termijnregel) {
    this.procesKey = procesKey;
    this.naam = naam;
    this.procedure = procedure;
    this.termijnregel = termijnregel;
  }

  public String procesKey() {
    return procesKey;
  }

  /** "inzageverzoek", as in a Dutch sentence. */
  public String naam() {
    return naam;
  }

  public String procedure() {
    return procedure;
  }

  public Termijnregel termijnregel() {
    return termijnregel;
  }
}
