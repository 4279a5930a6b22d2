package nl.deurwaarder.avg.verwerker;

import java.time.Clock;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Beveiligingsrapport opvragen en beoordelen": a received report has its date; a missing one says what was done. */
@Component("rapportBeoordelenGuard")
public class RapportBeoordelenGuard implements TaskListener {

  private final Clock clock;

  public RapportBeoordelenGuard(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask taak) {
    if ("JA".equals(Taakcontrole.tekst(taak, "rapportOntvangen"))) {
      if (Taakcontrole.datumNietInToekomst(taak, "rapportOntvangenOp", "Datum van het rapport", clock) == null) {
        throw new OngeldigeInvoerException("Vul de datum van het ontvangen beveiligingsrapport in.");
      }
    } else {
      if (Taakcontrole.tekst(taak, "rapportOntvangenOp") != null) {
        throw new OngeldigeInvoerException("Een datum van het rapport hoort alleen bij een ontvangen rapport.");
      }
      Taakcontrole.verplicht(taak, "rapportBeoordeling",
          "Het rapport is niet ontvangen: beschrijf wat er is gedaan (bijvoorbeeld een herinnering of een audit).");
    }
  }
}
