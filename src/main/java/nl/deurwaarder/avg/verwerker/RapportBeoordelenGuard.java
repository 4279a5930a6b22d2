package nl.deurwaarder.avg.verwerker;

import java.time.Clock;
import java.util.Set;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import nl.deurwaarder.avg.engine.Taakcontrole;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** "Beveiligingsrapport opvragen en beoordelen": a received report has its date; a missing one says what was done. */
@Component("rapportBeoordelenGuard")
public class RapportBeoordelenGuard implements Taakcontrole {

  private final Clock clock;

  public RapportBeoordelenGuard(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Set<String> taken() {
    return Set.of("avg-verwerker-jaarcyclus:Task_RapportBeoordelen");
  }

  @Override
  public void controleer(DelegateTask taak) {
    if ("JA".equals(Taakregels.tekst(taak, "rapportOntvangen"))) {
      if (Taakregels.datumNietInToekomst(taak, "rapportOntvangenOp", "Datum van het rapport", clock) == null) {
        throw new OngeldigeInvoerException("Vul de datum van het ontvangen beveiligingsrapport in.");
      }
    } else {
      if (Taakregels.tekst(taak, "rapportOntvangenOp") != null) {
        throw new OngeldigeInvoerException("Een datum van het rapport hoort alleen bij een ontvangen rapport.");
      }
      Taakregels.verplicht(taak, "rapportBeoordeling",
          "Het rapport is niet ontvangen: beschrijf wat er is gedaan (bijvoorbeeld een herinnering of een audit).");
    }
  }
}
