package nl.deurwaarder.avg.verwerker;

import java.util.Set;
import nl.deurwaarder.avg.engine.Taakcontrole;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** "Uitkomst van de review vastleggen": improvement points or non-compliance are explained. */
@Component("reviewUitkomstGuard")
public class ReviewUitkomstGuard implements Taakcontrole {

  @Override
  public Set<String> taken() {
    return Set.of("avg-verwerker-jaarcyclus:Task_UitkomstVastleggen");
  }

  @Override
  public void controleer(DelegateTask taak) {
    if (!"VOLDOET".equals(Taakregels.tekst(taak, "reviewUitkomst"))) {
      Taakregels.verplicht(taak, "reviewToelichting",
          "Licht de verbeterpunten toe of waarom de verwerker niet voldoet.");
    }
  }
}
