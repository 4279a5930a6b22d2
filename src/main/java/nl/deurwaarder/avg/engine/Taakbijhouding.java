package nl.deurwaarder.avg.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Register bookkeeping that belongs to EVERY user task of one procedure (e.g. the 72-hour figures on each task of
 * the breach procedure): a Spring bean, called by {@link FormuliercontractPlugin} when any user task of that process
 * definition is created, instead of the same create listener repeated on every task in the diagram.
 */
public interface Taakbijhouding {

  /** The process definition key ({@code id} of the process in the diagram) whose user tasks this follows. */
  String proces();

  /** Called when a user task of {@link #proces()} is created. */
  void taakAangemaakt(DelegateTask taak);
}
