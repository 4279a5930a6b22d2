package nl.deurwaarder.avg.verzoek;

import java.util.Map;

/** Bad input for a new request: field (API path, e.g. "betrokkene.email") → Dutch message. Nothing was stored. */
public class OngeldigVerzoekException extends RuntimeException {

  private final Map<String, String> fouten;

  public OngeldigVerzoekException(Map<String, String> fouten) {
    super("Het verzoek is niet geldig: " + String.join(", ", fouten.keySet()));
    this.fouten = Map.copyOf(fouten);
  }

  public Map<String, String> fouten() {
    return fouten;
  }
}
