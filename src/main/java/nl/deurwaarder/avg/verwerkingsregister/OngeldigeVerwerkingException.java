package nl.deurwaarder.avg.verwerkingsregister;

import java.util.List;

/** A processing (or the register) breaks a rule of the register; the messages are Dutch and name the processing. */
public class OngeldigeVerwerkingException extends RuntimeException {

  private final List<String> fouten;

  public OngeldigeVerwerkingException(List<String> fouten) {
    super("Niet gepubliceerd: " + String.join(" ", fouten));
    this.fouten = List.copyOf(fouten);
  }

  public List<String> fouten() {
    return fouten;
  }
}
