package nl.deurwaarder.avg.uitvoering;

/** What was carried out in a system for a request (PH-PRO-05 §5.5, PH-PRO-06 §5.3, PH-PRO-07 §5.3). */
public enum Uitvoeringssoort {
  WISSEN("gewist"),
  ANONIMISEREN("onomkeerbaar geanonimiseerd"),
  CORRIGEREN("gecorrigeerd"),
  BEPERKEN("beperkt"),
  BEPERKING_OPGEHEVEN("beperking opgeheven");

  private final String omschrijving;

  Uitvoeringssoort(String omschrijving) {
    this.omschrijving = omschrijving;
  }

  /** Dutch past participle for messages and task forms ("gewist"). */
  public String omschrijving() {
    return omschrijving;
  }

  public boolean isBeperking() {
    return this == BEPERKEN;
  }
}
