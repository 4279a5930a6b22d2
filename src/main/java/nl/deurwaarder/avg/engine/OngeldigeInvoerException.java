package nl.deurwaarder.avg.engine;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A task form or start form submitted something the server refuses (Dutch message for the user). The engine wraps
 * exceptions from task listeners in a generic one; {@link OngeldigeInvoerFilter} turns that back into a 400 with the
 * Dutch message for the REST API and Tasklist.
 */
public class OngeldigeInvoerException extends BadUserRequestException {

  public OngeldigeInvoerException(String melding) {
    super(melding);
  }
}
