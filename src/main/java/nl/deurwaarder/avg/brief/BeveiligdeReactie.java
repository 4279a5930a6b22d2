package nl.deurwaarder.avg.brief;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A reply to a data subject that lists his personal data goes the secure way, never as a readable attachment
 * (PH-PRO-01 §6, applied to the other replies, issue 12.7; see docs/levering.md, "Other replies"). The letter step
 * ({@link BriefVerzenden}) asks this hook before it mails a letter; package {@code levering} implements it (a link to
 * the portal with an access code by SMS or post, or an encrypted PDF). Without an implementation every letter goes
 * the standard way.
 */
public interface BeveiligdeReactie {

  /**
   * Whether the letter of {@code sleutel} goes the secure way: a letter of that kind that lists personal data, to a
   * data subject with an e-mail address, whose sending has not begun the standard way.
   */
  boolean geldtVoor(BriefType type, String referentie, String sleutel, Map<String, Object> invoer);

  /** Sends it the secure way under the letter's key; safe to run twice, like the letter step itself. */
  Verzendstatus verstuur(DelegateExecution execution, BriefType type, String referentie, String sleutel,
      Map<String, Object> invoer, String gebruiker);
}
