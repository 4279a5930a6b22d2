package nl.deurwaarder.avg.verwerker;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import nl.deurwaarder.avg.engine.Taakcontrole;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** "Verklaring van verwijdering of teruggave verkrijgen": dated, not in the future, not before the agreement ended. */
@Component("verklaringGuard")
public class VerklaringGuard implements Taakcontrole {

  private final Clock clock;
  private final Verwerkersregister register;

  public VerklaringGuard(Clock clock, Verwerkersregister register) {
    this.clock = clock;
    this.register = register;
  }

  @Override
  public Set<String> taken() {
    return Set.of("avg-verwerker-jaarcyclus:Task_VerklaringVerkrijgen");
  }

  @Override
  public void controleer(DelegateTask taak) {
    LocalDate op = Taakregels.datumNietInToekomst(taak, "verklaringOntvangenOp", "Datum van de verklaring", clock);
    if (op == null) {
      throw new OngeldigeInvoerException("Vul de datum van de verklaring in.");
    }
    LocalDate einde = register.haal(VerwerkerCyclus.id(taak.getVariable("verwerkerId"))).overeenkomstEindigtOp();
    if (einde != null && op.isBefore(einde)) {
      throw new OngeldigeInvoerException("De verklaring kan niet dateren van voor het einde van de overeenkomst ("
          + einde + ").");
    }
  }
}
