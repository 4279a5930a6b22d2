package nl.deurwaarder.avg.verwerker;

import java.time.Clock;
import java.util.Set;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import nl.deurwaarder.avg.engine.Taakcontrole;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** "Besluiten over een audit": an audit that was carried out has its date (not in the future); others have none. */
@Component("auditBesluitenGuard")
public class AuditBesluitenGuard implements Taakcontrole {

  private final Clock clock;

  public AuditBesluitenGuard(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Set<String> taken() {
    return Set.of("avg-verwerker-jaarcyclus:Task_AuditBesluiten");
  }

  @Override
  public void controleer(DelegateTask taak) {
    boolean uitgevoerd = "AUDIT_UITGEVOERD".equals(Taakregels.tekst(taak, "auditBesluit"));
    var datum = Taakregels.datumNietInToekomst(taak, "auditUitgevoerdOp", "Datum van de audit", clock);
    if (uitgevoerd && datum == null) {
      throw new OngeldigeInvoerException("Vul de datum van de uitgevoerde audit in.");
    }
    if (!uitgevoerd && datum != null) {
      throw new OngeldigeInvoerException("Een auditdatum hoort alleen bij 'Audit is uitgevoerd'.");
    }
  }
}
