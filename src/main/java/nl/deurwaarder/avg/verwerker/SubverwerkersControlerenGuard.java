package nl.deurwaarder.avg.verwerker;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Wijzigingen in subverwerkers controleren": an unannounced change is explained. */
@Component("subverwerkersControlerenGuard")
public class SubverwerkersControlerenGuard implements TaskListener {

  @Override
  public void notify(DelegateTask taak) {
    if ("NIET_GEMELDE_WIJZIGING".equals(Taakcontrole.tekst(taak, "subverwerkersOordeel"))) {
      Taakcontrole.verplicht(taak, "subverwerkersToelichting",
          "Licht de niet gemelde wijziging toe: welke subverwerker en wat is met de verwerker afgesproken?");
    }
  }
}
