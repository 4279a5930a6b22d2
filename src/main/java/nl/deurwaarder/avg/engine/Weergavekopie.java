package nl.deurwaarder.avg.engine;

import java.util.Set;

/**
 * Variables that only show something in a task form and hold nothing a person entered or the procedure decided: a
 * copy of what is kept elsewhere (e.g. the request's text from the Register AVG-verzoeken) or a choice list. A Spring
 * bean of the capability that sets them; {@link HistorieZonderKopieen} keeps them out of Camunda's history.
 */
public interface Weergavekopie {

  /** The variable names (task-local or process variables) that are display copies. */
  Set<String> variabelen();
}
