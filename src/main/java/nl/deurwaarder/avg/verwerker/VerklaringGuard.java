package nl.deurwaarder.avg.verwerker;

import java.time.Clock;
import java.time.LocalDate;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Verklaring van verwijdering of teruggave verkrijgen": dated, not in the future, not before the agreement ended. */
@Component("verklaringGuard")
public class VerklaringGuard implements TaskListener {

  private final Clock clock;
  private final Verwerkersregister register;

  public VerklaringGuard(Clock clock, Verwerkersregister register) {
    this.clock = clock;
    this.register = register;
  }

  @Override
  public void notify(DelegateTask taak) {
    LocalDate op = Taakcontrole.datumNietInToekomst(taak, "verklaringOntvangenOp", "Datum van de verklaring", clock);
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
