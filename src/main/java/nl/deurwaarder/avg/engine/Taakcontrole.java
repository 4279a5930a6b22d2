package nl.deurwaarder.avg.engine;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The cross-field rules of one task that its form cannot express (e.g. "the date of the restore lies between the
 * back-up and today"). One small named class per task, a Spring bean; {@link FormuliercontractPlugin} calls it on
 * completion, after the form's own rules, for the task definition keys it names. It refuses with
 * {@link OngeldigeInvoerException} and changes nothing.
 */
public interface Taakcontrole {

  /**
   * The task definition keys ({@code id} of the user task in the diagram) this guard checks; {@code "proces:taak"}
   * (process definition key, colon, task key) when the same task id means something else in another diagram.
   */
  Set<String> taken();

  /** Refuses the completion with a Dutch message when a rule is broken. */
  void controleer(DelegateTask taak);

  /** Refuses when {@code voorwaarde} holds and the text field {@code sleutel} is empty. */
  static void verplichtAls(DelegateTask taak, boolean voorwaarde, String sleutel, String label, String wanneer) {
    Object waarde = taak.getVariable(sleutel);
    if (voorwaarde && (waarde == null || waarde.toString().isBlank())) {
      throw new OngeldigeInvoerException(Formuliercontrole.melding(label, sleutel, "vul dit veld in " + wanneer
          + "."));
    }
  }

  /** True when the variable holds this value (as text). */
  static boolean is(DelegateTask taak, String sleutel, String waarde) {
    Object w = taak.getVariable(sleutel);
    return w != null && waarde.equals(w.toString());
  }
}
