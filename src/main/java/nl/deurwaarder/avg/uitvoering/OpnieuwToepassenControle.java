package nl.deurwaarder.avg.uitvoering;

import java.util.Set;
import nl.deurwaarder.avg.engine.Taakcontrole;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * "Opnieuw toepassen na herstel" (PH-PRO-05 §7.3): "not needed" needs a remark why.
 */
@Component
public class OpnieuwToepassenControle implements Taakcontrole {

  @Override
  public Set<String> taken() {
    return Set.of("avg-herstel-na-backup:Task_OpnieuwToepassen");
  }

  @Override
  public void controleer(DelegateTask taak) {
    Taakcontrole.verplichtAls(taak, Taakcontrole.is(taak, "herstelUitkomst", "NIET_NODIG"), "herstelOpmerking",
        "Opmerking", "als opnieuw toepassen niet nodig is");
  }
}
