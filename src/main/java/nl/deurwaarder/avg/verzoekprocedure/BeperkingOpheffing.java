package nl.deurwaarder.avg.verzoekprocedure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import nl.deurwaarder.avg.termijn.Datuminvoer;
import nl.deurwaarder.avg.termijn.Termijnberekening;
import nl.deurwaarder.avg.uitvoering.UitvoeringInProces;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Starts the watch over a restriction (PH-PRO-07, AVG art. 18(3)): process {@code avg-beperking-opheffen}, with the
 * request's reference as business key. The restriction request itself is answered and closed (its deadline watch
 * stops); the restriction lasts until its reason ends, which may be months later, so the lifting is its own small
 * process (bean {@code beperkingopheffing}).
 */
@Component("beperkingopheffing")
public class BeperkingOpheffing {

  public static final String PROCES = "avg-beperking-opheffen";

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final UitvoeringInProces uitvoering;
  private final Termijnberekening termijn;
  private final Clock clock;

  public BeperkingOpheffing(RuntimeService runtimeService, IdentityService identityService,
      UitvoeringInProces uitvoering, Termijnberekening termijn, Clock clock) {
    this.termijn = termijn;
    this.clock = clock;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.uitvoering = uitvoering;
  }

  /**
   * Complete listener of "opheffing aankondigen": the planned date of the lifting ({@code opheffingsdatum},
   * dd-mm-jjjj or ISO) is required and not in the past; it is stored as a date (end of that day), so the letter
   * names it and the lifting task is due on it.
   */
  public void controleerOpheffingsdatum(DelegateTask task) {
    Object waarde = task.getVariable("opheffingsdatum");
    LocalDate datum = parse(waarde);
    if (datum == null) {
      throw new OngeldigeInvoerException("Vul de datum in waarop de beperking wordt opgeheven (dd-mm-jjjj).");
    }
    if (datum.isBefore(LocalDate.now(clock.withZone(Termijnberekening.AMSTERDAM)))) {
      throw new OngeldigeInvoerException("De datum van opheffing ligt in het verleden; de betrokkene moet vóór het "
          + "opheffen worden geïnformeerd (art. 18 lid 3 AVG).");
    }
    task.setVariable("opheffingsdatum", Date.from(termijn.eindeVanDag(datum).toInstant()));
  }

  private static LocalDate parse(Object waarde) {
    try {
      return Datuminvoer.leesFormulierwaarde(waarde);
    } catch (Datuminvoer.OngeldigeDatumException e) {
      throw new OngeldigeInvoerException("Datum van opheffing: '" + String.valueOf(waarde).trim()
          + "' is geen datum (dd-mm-jjjj).");
    }
  }

  public void starten(DelegateExecution execution) {
    Map<String, Object> vars = new LinkedHashMap<>();
    for (String naam : new String[] {"referentie", "verzoekType", "betrokkeneNaam", "ontvangenOp", "termijnTekst",
        "wettelijkeTermijnTekst"}) {
      vars.put(naam, execution.getVariable(naam));
    }
    vars.put("beperktTot", uitvoering.beperkingEinde(execution));
    vars.put("beperkingRedenen", uitvoering.beperkingRedenen(execution));
    // the engine continues the procedure; starting the watch is not an action of the user who completed a task
    Authentication wie = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      runtimeService.startProcessInstanceByKey(PROCES, execution.getProcessBusinessKey(), vars);
    } finally {
      if (wie != null) {
        identityService.setAuthentication(wie);
      }
    }
  }
}
