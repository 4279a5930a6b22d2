package nl.deurwaarder.avg.engine;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable a listener needs that the procedure itself sets (a register id, the year of a trend analysis).
 * When it is missing — an instance moved in Cockpit, or started before the step that sets it — the completion is
 * refused with a Dutch message instead of a NullPointerException (HTTP 500); nothing is stored.
 */
public final class Procesgegeven {

  private Procesgegeven() {
  }

  /** The value of the variable; refuses with a Dutch message naming {@code omschrijving} when it is missing. */
  public static Object verplicht(VariableScope scope, String naam, String omschrijving) {
    Object waarde = scope.getVariable(naam);
    if (waarde == null || waarde.toString().isBlank()) {
      throw new OngeldigeInvoerException("Bij deze taak ontbreekt " + omschrijving + " (procesgegeven '" + naam
          + "'): de procedure is niet via haar eigen stappen hier gekomen. Er is niets opgeslagen; laat de "
          + "procedure in Cockpit controleren.");
    }
    return waarde;
  }

  /** A whole number the procedure set (an id, a year). */
  public static long getal(VariableScope scope, String naam, String omschrijving) {
    Object waarde = verplicht(scope, naam, omschrijving);
    if (waarde instanceof Number n) {
      return n.longValue();
    }
    try {
      return Long.parseLong(waarde.toString().strip());
    } catch (NumberFormatException e) {
      throw new OngeldigeInvoerException("Bij deze taak is " + omschrijving + " (procesgegeven '" + naam
          + "') geen getal. Er is niets opgeslagen; laat de procedure in Cockpit controleren.");
    }
  }
}
