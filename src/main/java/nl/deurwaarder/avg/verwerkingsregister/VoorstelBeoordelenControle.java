package nl.deurwaarder.avg.verwerkingsregister;

import java.util.Set;
import nl.deurwaarder.avg.engine.Taakcontrole;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * "Voorstel beoordelen" by the FG (PH-PRO-03): a proposal sent back says what to change.
 */
@Component
public class VoorstelBeoordelenControle implements Taakcontrole {

  @Override
  public Set<String> taken() {
    return Set.of("avg-verwerking-wijzigen:Task_VoorstelBeoordelen");
  }

  @Override
  public void controleer(DelegateTask taak) {
    Taakcontrole.verplichtAls(taak, Taakcontrole.is(taak, "fgBesluit", "TERUG"), "fgOpmerkingen", "Opmerkingen",
        "als het voorstel terug gaat");
  }
}
