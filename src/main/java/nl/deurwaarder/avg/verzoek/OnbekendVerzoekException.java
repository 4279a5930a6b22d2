package nl.deurwaarder.avg.verzoek;

/** No request with this reference number in the register. */
public class OnbekendVerzoekException extends RuntimeException {

  public OnbekendVerzoekException(String referentie) {
    super("Geen verzoek met referentienummer " + referentie + " in het register");
  }
}
