package nl.deurwaarder.avg.verwerker;

import java.util.Set;
import nl.deurwaarder.avg.engine.Taakcontrole;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** "Wijzigingen in subverwerkers controleren": an unannounced change is explained. */
@Component("subverwerkersControlerenGuard")
public class SubverwerkersControlerenGuard implements Taakcontrole {

  @Override
  public Set<String> taken() {
    return Set.of("avg-verwerker-jaarcyclus:Task_SubverwerkersControleren");
  }

  @Override
  public void controleer(DelegateTask taak) {
    if ("NIET_GEMELDE_WIJZIGING".equals(Taakregels.tekst(taak, "subverwerkersOordeel"))) {
      Taakregels.verplicht(taak, "subverwerkersToelichting",
          "Licht de niet gemelde wijziging toe: welke subverwerker en wat is met de verwerker afgesproken?");
    }
  }
}
