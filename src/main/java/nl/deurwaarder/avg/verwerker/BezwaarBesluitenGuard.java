package nl.deurwaarder.avg.verwerker;

import java.util.Set;
import nl.deurwaarder.avg.engine.Taakcontrole;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * "Besluiten over bezwaar tegen de subverwerker": a decision that deviates from the FG's advice gives the reason
 * (PH-ORG-02 §3.1: decisions against the FG's advice are recorded with their reason).
 */
@Component("bezwaarBesluitenGuard")
public class BezwaarBesluitenGuard implements Taakcontrole {

  @Override
  public Set<String> taken() {
    return Set.of("avg-verwerker-jaarcyclus:Task_BezwaarBesluiten");
  }

  @Override
  public void controleer(DelegateTask taak) {
    String advies = Taakregels.tekst(taak, "fgAdviesSubverwerker");
    String besluit = Taakregels.tekst(taak, "subverwerkerBesluit");
    boolean afwijkend = "BEZWAAR_MAKEN".equals(advies) != "BEZWAAR".equals(besluit);
    if (afwijkend) {
      Taakregels.verplicht(taak, "subverwerkerToelichting",
          "Het besluit wijkt af van het advies van de FG: leg uit waarom.");
    }
  }
}
