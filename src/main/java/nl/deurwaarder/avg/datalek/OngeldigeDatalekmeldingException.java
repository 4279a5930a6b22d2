package nl.deurwaarder.avg.datalek;

import java.util.Map;
import nl.deurwaarder.avg.api.OngeldigeInvoerFout;

/** Bad input for a breach report: field → Dutch message. Nothing was stored. */
public class OngeldigeDatalekmeldingException extends OngeldigeInvoerFout {

  public OngeldigeDatalekmeldingException(Map<String, String> fouten) {
    super("De melding is niet geldig: " + String.join(", ", fouten.keySet()), fouten);
  }
}
