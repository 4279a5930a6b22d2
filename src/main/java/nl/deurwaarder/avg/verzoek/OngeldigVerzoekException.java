package nl.deurwaarder.avg.verzoek;

import java.util.Map;
import nl.deurwaarder.avg.api.OngeldigeInvoerFout;

/** Bad input for a new request: field (API path, e.g. "betrokkene.email") → Dutch message. Nothing was stored. */
public class OngeldigVerzoekException extends OngeldigeInvoerFout {

  public OngeldigVerzoekException(Map<String, String> fouten) {
    super("Het verzoek is niet geldig: " + String.join(", ", fouten.keySet()), fouten);
  }
}
