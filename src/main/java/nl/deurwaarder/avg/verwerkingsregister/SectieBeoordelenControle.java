package nl.deurwaarder.avg.verwerkingsregister;

import java.util.Set;
import nl.deurwaarder.avg.engine.Taakcontrole;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * "Sectie beoordelen" of the yearly review (PH-ORG-01 §7.2): a section that needs a change says which.
 */
@Component
public class SectieBeoordelenControle implements Taakcontrole {

  @Override
  public Set<String> taken() {
    return Set.of("avg-jaarlijkse-review:Task_SectieBeoordelen");
  }

  @Override
  public void controleer(DelegateTask taak) {
    Taakcontrole.verplichtAls(taak, Taakcontrole.is(taak, "sectieOordeel", "WIJZIGING_NODIG"), "sectieOpmerkingen",
        "Opmerkingen (welke wijziging is nodig?)", "als een wijziging nodig is");
  }
}
