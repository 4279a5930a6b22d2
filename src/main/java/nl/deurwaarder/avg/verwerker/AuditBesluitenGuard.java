package nl.deurwaarder.avg.verwerker;

import java.time.Clock;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Besluiten over een audit": an audit that was carried out has its date (not in the future); others have none. */
@Component("auditBesluitenGuard")
public class AuditBesluitenGuard implements TaskListener {

  private final Clock clock;

  public AuditBesluitenGuard(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask taak) {
    boolean uitgevoerd = "AUDIT_UITGEVOERD".equals(Taakcontrole.tekst(taak, "auditBesluit"));
    var datum = Taakcontrole.datumNietInToekomst(taak, "auditUitgevoerdOp", "Datum van de audit", clock);
    if (uitgevoerd && datum == null) {
      throw new OngeldigeInvoerException("Vul de datum van de uitgevoerde audit in.");
    }
    if (!uitgevoerd && datum != null) {
      throw new OngeldigeInvoerException("Een auditdatum hoort alleen bij 'Audit is uitgevoerd'.");
    }
  }
}
