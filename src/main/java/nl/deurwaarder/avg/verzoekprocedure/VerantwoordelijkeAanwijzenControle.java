package nl.deurwaarder.avg.verzoekprocedure;

import java.util.Set;
import nl.deurwaarder.avg.engine.Formuliercontrole;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import org.camunda.bpm.engine.IdentityService;
import nl.deurwaarder.avg.engine.Taakcontrole;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * "Verantwoordelijke aanwijzen" (PH-PRO-01 §5.1): the chosen colleague is an existing user in the group medewerker.
 */
@Component
public class VerantwoordelijkeAanwijzenControle implements Taakcontrole {

  private final IdentityService identityService;

  public VerantwoordelijkeAanwijzenControle(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Set<String> taken() {
    return Set.of("Task_VerantwoordelijkeAanwijzen");
  }

  @Override
  public void controleer(DelegateTask taak) {
    Object waarde = taak.getVariable("verantwoordelijke");
    if (waarde == null || waarde.toString().isBlank()) {
      throw new OngeldigeInvoerException(Formuliercontrole.melding("Verantwoordelijke", "verantwoordelijke",
          "kies een medewerker."));
    }
    if (identityService.createUserQuery().userId(waarde.toString()).memberOfGroup("medewerker").count() != 1) {
      throw new OngeldigeInvoerException("'" + waarde + "' is geen bestaande gebruiker in de groep 'medewerker'.");
    }
  }
}
