package nl.deurwaarder.avg.engine;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A task form or start form submitted something the server refuses (Dutch message for the user). The engine wraps
 * exceptions from task listeners in a generic one; {@link OngeldigeInvoerFilter} turns that back into a 400 with the
 * Dutch message for the REST API and Tasklist. A start form ({@code submit-form}) whose delegate refuses gets a
 * REST error without the exception's class; the filter then finds the refusal through {@link
 * OngeldigeInvoerFilter#geweigerd(String)}, which the constructor calls on the request's thread.
 */
public class OngeldigeInvoerException extends BadUserRequestException {

  public OngeldigeInvoerException(String melding) {
    super(melding);
    OngeldigeInvoerFilter.geweigerd(melding);
  }
}
