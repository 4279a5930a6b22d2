package nl.deurwaarder.avg.verwerkingsregister;

import java.util.Set;
import nl.deurwaarder.avg.engine.Taakcontrole;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * "Review aftekenen" by the FG (PH-ORG-01 §7.2): signing off with remarks needs the remarks.
 */
@Component
public class ReviewAftekenenControle implements Taakcontrole {

  @Override
  public Set<String> taken() {
    return Set.of("avg-jaarlijkse-review:Task_ReviewAftekenen");
  }

  @Override
  public void controleer(DelegateTask taak) {
    Taakcontrole.verplichtAls(taak, Taakcontrole.is(taak, "fgAftekening", "AFGETEKEND_MET_OPMERKINGEN"),
        "fgOpmerkingen", "Opmerkingen van de FG", "bij aftekenen met opmerkingen");
  }
}
