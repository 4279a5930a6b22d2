package nl.deurwaarder.avg.api;

import java.util.Map;

/**
 * Bad input at the product API: field (API path, e.g. "betrokkene.email") → Dutch message; nothing was stored.
 * Capabilities throw their own subclass; {@link ApiFoutafhandeling} answers every one with 400 problem details that
 * name the fields, without knowing the capability.
 */
public abstract class OngeldigeInvoerFout extends RuntimeException {

  private final Map<String, String> fouten;

  protected OngeldigeInvoerFout(String bericht, Map<String, String> fouten) {
    super(bericht);
    this.fouten = Map.copyOf(fouten);
  }

  public Map<String, String> fouten() {
    return fouten;
  }
}
