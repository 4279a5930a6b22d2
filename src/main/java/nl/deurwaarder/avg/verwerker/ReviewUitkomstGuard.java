package nl.deurwaarder.avg.verwerker;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Uitkomst van de review vastleggen": improvement points or non-compliance are explained. */
@Component("reviewUitkomstGuard")
public class ReviewUitkomstGuard implements TaskListener {

  @Override
  public void notify(DelegateTask taak) {
    if (!"VOLDOET".equals(Taakcontrole.tekst(taak, "reviewUitkomst"))) {
      Taakcontrole.verplicht(taak, "reviewToelichting",
          "Licht de verbeterpunten toe of waarom de verwerker niet voldoet.");
    }
  }
}
