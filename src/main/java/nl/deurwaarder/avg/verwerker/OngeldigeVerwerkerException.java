package nl.deurwaarder.avg.verwerker;

import java.util.Map;

/** Input for the register of processors that breaks a rule: field → Dutch message. Nothing was changed. */
public class OngeldigeVerwerkerException extends RuntimeException {

  private final transient Map<String, String> fouten;

  public OngeldigeVerwerkerException(Map<String, String> fouten) {
    super("Ongeldige invoer voor het register van verwerkers: " + fouten.keySet());
    this.fouten = Map.copyOf(fouten);
  }

  public Map<String, String> fouten() {
    return fouten;
  }
}
