package nl.deurwaarder.avg.verwerker;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Besluiten over bezwaar tegen de subverwerker": a decision that deviates from the FG's advice gives the reason
 * (PH-ORG-02 §3.1: decisions against the FG's advice are recorded with their reason).
 */
@Component("bezwaarBesluitenGuard")
public class BezwaarBesluitenGuard implements TaskListener {

  @Override
  public void notify(DelegateTask taak) {
    String advies = Taakcontrole.tekst(taak, "fgAdviesSubverwerker");
    String besluit = Taakcontrole.tekst(taak, "subverwerkerBesluit");
    boolean afwijkend = "BEZWAAR_MAKEN".equals(advies) != "BEZWAAR".equals(besluit);
    if (afwijkend) {
      Taakcontrole.verplicht(taak, "subverwerkerToelichting",
          "Het besluit wijkt af van het advies van de FG: leg uit waarom.");
    }
  }
}
