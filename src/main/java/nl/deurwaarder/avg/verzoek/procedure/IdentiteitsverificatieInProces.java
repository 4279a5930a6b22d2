package nl.deurwaarder.avg.verzoek.procedure;

import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.deurwaarder.avg.engine.Invoercontrole;
import nl.deurwaarder.avg.verzoek.VerzoekRegister;
import nl.deurwaarder.avg.verzoek.VerzoekerRol;
import nl.deurwaarder.avg.verzoek.VerzoekregisterInProces;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The steps of the shared call activity "Identiteit verifiëren" (bpmn/avg-identiteit-verifieren.bpmn, PH-PRO-01 §3)
 * that a diagram cannot do: showing what must be checked for the requester's role, restarting the 3-working-day
 * period when extra information arrives, and keeping the register's verification fields current.
 */
@Component("identiteitsverificatie")
public class IdentiteitsverificatieInProces {

  private final VerzoekRegister register;
  private final VerzoekregisterInProces inProces;
  private final Clock clock;

  public IdentiteitsverificatieInProces(VerzoekRegister register, VerzoekregisterInProces inProces, Clock clock) {
    this.register = register;
    this.inProces = inProces;
    this.clock = clock;
  }

  /**
   * Start of the call: the 3 working days count from receipt ({@code verificatieVanaf}); the markdown
   * {@code teControlerenTekst} lists exactly what must be checked for the requester's role.
   */
  public void voorbereiden(DelegateExecution execution) {
    if (execution.getVariable("verificatieVanaf") == null) {
      Object ontvangen = execution.getVariable("ontvangenOp");
      execution.setVariable("verificatieVanaf", ontvangen != null ? ontvangen : Date.from(clock.instant()));
    }
    if (execution.getVariable("verificatieAltijd") == null) {
      execution.setVariable("verificatieAltijd", Boolean.FALSE);
    }
    execution.setVariable("teControlerenTekst", teControleren(execution.getVariable("verzoekerRol")));
  }

  static String teControleren(Object rolWaarde) {
    VerzoekerRol rol = rolWaarde == null ? VerzoekerRol.BETROKKENE : VerzoekerRol.valueOf(rolWaarde.toString());
    StringBuilder md = new StringBuilder("**Verzoek gedaan door:** ").append(rol.omschrijving())
        .append("\n\n**Te controleren:**\n");
    rol.teControleren().forEach(r -> md.append("\n- ").append(r));
    return md.toString();
  }

  /** Completion of "Identiteit verifiëren": the outcome and method(s) go into the register. */
  public void vastleggen(DelegateTask task) {
    if (!"RESULTAAT".equals(task.getVariable("verificatieStap"))) {
      return;
    }
    Map<String, Object> velden = new LinkedHashMap<>();
    velden.put("verificatieResultaat", task.getVariable("verificatieResultaat"));
    velden.put("verificatieMethode",
        String.join(",", Invoercontrole.alsLijst(task.getVariable("verificatieMethode"))));
    register.wijzig(VerzoekregisterInProces.referentie(task.getExecution()), velden,
        inProces.gebruiker(task.getAssignee()));
  }

  /** The coordinator judged that no (extra) verification is needed (PH-PRO-05/06/07). */
  public void nietNodig(DelegateExecution execution) {
    uitkomst(execution, "NIET_NODIG");
  }

  /** No reply to the request for extra information in time: verification is not possible. */
  public void geenReactie(DelegateExecution execution) {
    uitkomst(execution, "GEEN_VERIFICATIE_MOGELIJK");
  }

  /** The extra information arrived: the 3 working days to verify count again from now. */
  public void aanvullendeInformatieOntvangen(DelegateTask task) {
    task.getExecution().setVariable("verificatieVanaf", Date.from(clock.instant()));
    task.getExecution().removeVariable("verificatieStap");
  }

  private void uitkomst(DelegateExecution execution, String resultaat) {
    execution.setVariable("verificatieResultaat", resultaat);
    register.wijzig(VerzoekregisterInProces.referentie(execution), Map.of("verificatieResultaat", resultaat),
        inProces.gebruiker(null));
  }
}
