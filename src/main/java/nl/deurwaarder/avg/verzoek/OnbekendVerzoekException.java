package nl.deurwaarder.avg.verzoek;

import nl.deurwaarder.avg.api.NietGevondenFout;

/** No request with this reference number in the register. */
public class OnbekendVerzoekException extends NietGevondenFout {

  public OnbekendVerzoekException(String referentie) {
    super("Geen verzoek met referentienummer " + referentie + " in het register");
  }
}
