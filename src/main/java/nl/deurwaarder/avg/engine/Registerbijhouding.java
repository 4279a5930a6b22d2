package nl.deurwaarder.avg.engine;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Register bookkeeping on completion, for every task of one procedure: a capability names the process variables that
 * are fields of its register, and {@link FormuliercontractPlugin} hands it what a step produced for them, instead of a
 * copy listener ({@code ${datalekProces.neemOver(task, 'a,b')}}) on each task in the diagram.
 *
 * <ul>
 *   <li>On completion of a user task of {@link #proces()} with a form: the fields of <em>that task's form</em>
 *       (read-only fields excluded) that are register fields, with the values the task completes with. A variable
 *       that is in scope but no field of the task's form is never handed over. This runs after the form contract
 *       and the task's {@link Taakcontrole} (a refused completion copies nothing) and before the diagram's own
 *       complete listeners; a check still in such a listener that refuses rolls the whole completion back, the copy
 *       with it.</li>
 *   <li>At the end of a business rule task of {@link #proces()} whose {@code camunda:resultVariable} is a register
 *       field: that result (e.g. the outcome of a DMN table).</li>
 * </ul>
 */
public interface Registerbijhouding {

  /** The process definition key ({@code id} of the process in the diagram) whose steps feed this register. */
  String proces();

  /**
   * The process variables that are fields of this register: variable name → register field (mostly the same name).
   * Fields the capability records through its own checked step (e.g. the filing of the AP notification) are left
   * out, so they are not copied twice.
   */
  Map<String, String> registervelden();

  /**
   * Takes over what one step produced: register field → value, in the order of the form, values as the variables
   * hold them (null when the form left the field empty). {@code stap} is the completed {@link DelegateTask}, or the
   * {@link DelegateExecution} of the business rule task.
   */
  void overnemen(VariableScope stap, Map<String, Object> velden);
}
