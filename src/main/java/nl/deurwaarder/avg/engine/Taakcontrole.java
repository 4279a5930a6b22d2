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

  /** The task definition keys ({@code id} of the user task in the diagram) this guard checks. */
  Set<String> taken();

  /** Refuses the completion with a Dutch message when a rule is broken. */
  void controleer(DelegateTask taak);
}
