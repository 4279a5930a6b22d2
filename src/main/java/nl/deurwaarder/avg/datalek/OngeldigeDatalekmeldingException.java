package nl.deurwaarder.avg.datalek;

import java.util.Map;

/** Bad input for a breach report: field → Dutch message. Nothing was stored. */
public class OngeldigeDatalekmeldingException extends RuntimeException {

  private final Map<String, String> fouten;

  public OngeldigeDatalekmeldingException(Map<String, String> fouten) {
    super("De melding is niet geldig: " + String.join(", ", fouten.keySet()));
    this.fouten = Map.copyOf(fouten);
  }

  public Map<String, String> fouten() {
    return fouten;
  }
}
