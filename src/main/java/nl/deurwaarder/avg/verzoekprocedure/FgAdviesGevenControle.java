package nl.deurwaarder.avg.verzoekprocedure;

import java.util.Set;
import nl.deurwaarder.avg.engine.Taakcontrole;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * "FG-advies geven" (avg-fg-advies): an advice that does not agree needs its explanation (PH-PRO-01 §4).
 */
@Component
public class FgAdviesGevenControle implements Taakcontrole {

  @Override
  public Set<String> taken() {
    return Set.of("avg-fg-advies:Task_AdviesGeven");
  }

  @Override
  public void controleer(DelegateTask taak) {
    Taakcontrole.verplichtAls(taak, Taakcontrole.is(taak, "fgAdvies", "NIET_AKKOORD"), "fgToelichting",
        "Toelichting", "bij een advies 'niet akkoord'");
  }
}
