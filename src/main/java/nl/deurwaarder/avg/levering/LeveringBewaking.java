package nl.deurwaarder.avg.levering;

import java.time.OffsetDateTime;
import java.util.Map;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import nl.deurwaarder.avg.verzoek.VerzoekRegister;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the process "Pakket in het portaal bewaken" ({@code bpmn/avg-levering-bewaken.bpmn}) calls: remove an expired
 * package from the portal store (the archive keeps its copy) and tell the diagram whether it was fetched; record
 * the coordinator's follow-up of a locked or never-fetched package in the register; and signal a lock from the
 * portal to the waiting process.
 */
@Component("leveringBewaking")
public class LeveringBewaking {

  private static final Logger LOG = LoggerFactory.getLogger(LeveringBewaking.class);
  static final String BERICHT_GEBLOKKEERD = "PakketGeblokkeerd";

  private final Leveringen leveringen;
  private final VerzoekRegister register;
  private final RuntimeService runtimeService;

  public LeveringBewaking(Leveringen leveringen, VerzoekRegister register, RuntimeService runtimeService) {
    this.leveringen = leveringen;
    this.register = register;
    this.runtimeService = runtimeService;
  }

  /** Timer "Ophaaltermijn verstreken": the package leaves the portal; variable {@code pakketOpgehaald}. */
  public void verwijderUitPortaal(DelegateExecution execution) {
    long id = leveringId(execution);
    leveringen.verloop(id);
    Levering l = leveringen.vind(id).orElseThrow();
    execution.setVariable("pakketOpgehaald", l.opgehaaldOp() != null);
    register.historie(l.referentie(), "systeem", "levering", null, "ophaaltermijn verstreken, pakket uit het "
        + "portaal verwijderd (" + (l.opgehaaldOp() == null ? "niet opgehaald" : "opgehaald") + ")");
    LOG.info("Verzoek {}: pakket uit het portaal verwijderd (ophaaltermijn verstreken)", l.referentie());
  }

  /** Complete-listener of the follow-up tasks: what the coordinator did, in the register history. */
  public void opvolgingVastleggen(DelegateTask task) {
    Object opvolging = task.getVariable("opvolging");
    if (opvolging == null || opvolging.toString().isBlank()) {
      throw new OngeldigeInvoerException("Beschrijf wat u heeft gedaan om de betrokkene het antwoord te laten "
          + "ontvangen (veld 'Opvolging').");
    }
    if (opvolging.toString().length() > 4000) {
      throw new OngeldigeInvoerException("'Opvolging' is te lang (hoogstens 4000 tekens).");
    }
    String gebruiker = task.getAssignee() != null ? task.getAssignee() : "systeem";
    register.historie(task.getExecution().getProcessBusinessKey(), gebruiker, "levering", null,
        task.getName() + ": " + opvolging.toString().strip());
  }

  /** From the portal, after the last allowed wrong code: the waiting process gives the coordinator a task. */
  void meldBlokkade(Levering l) {
    long aantal = runtimeService.createExecutionQuery().messageEventSubscriptionName(BERICHT_GEBLOKKEERD)
        .processVariableValueEquals("leveringId", l.id()).count();
    if (aantal == 0) {
      LOG.warn("Verzoek {}: pakket geblokkeerd, maar er wacht geen bewakingsproces", l.referentie());
      return;
    }
    runtimeService.createMessageCorrelation(BERICHT_GEBLOKKEERD).processInstanceVariableEquals("leveringId", l.id())
        .correlateAll();
  }

  /** Register line {@code opgehaaldOp} on the first download. */
  void opgehaald(Levering l, OffsetDateTime moment) {
    if (leveringen.opgehaald(l.id(), moment)) {
      register.wijzig(l.referentie(), Map.of("opgehaaldOp", moment), "betrokkene (portaal)");
    }
  }

  private static long leveringId(DelegateExecution execution) {
    Object id = execution.getVariable("leveringId");
    return id instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(id));
  }
}
