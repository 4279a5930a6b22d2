package nl.deurwaarder.avg.verzoek;

/** Actuele status of a request in the register (spec/domain.md vocabulary). */
public enum VerzoekStatus {
  ONTVANGEN, VERIFICATIE, BEOORDELING, FG_ADVIES, IN_BEHANDELING, VERLENGD, AFGEWEZEN, AFGEHANDELD, INGETROKKEN;

  public boolean isEindstatus() {
    return this == AFGEWEZEN || this == AFGEHANDELD || this == INGETROKKEN;
  }
}
