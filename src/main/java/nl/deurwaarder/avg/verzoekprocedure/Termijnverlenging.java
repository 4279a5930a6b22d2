package nl.deurwaarder.avg.verzoekprocedure;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.deurwaarder.avg.termijn.Datuminvoer;
import nl.deurwaarder.avg.termijn.Termijnberekening;
import nl.deurwaarder.avg.verzoek.VerzoekIntake;
import nl.deurwaarder.avg.verzoek.VerzoekRegister;
import nl.deurwaarder.avg.verzoek.VerzoekStatus;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import nl.deurwaarder.avg.verzoek.VerzoekregisterInProces;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Extends the deadline of a request once (AVG art. 12(3)): an access request by two months within the first month
 * (PH-PRO-01 §2.3); an erasure, correction or restriction request by two weeks or longer within the first two weeks
 * (PH-PRO-05/06/07 §2.3), never beyond receipt + 3 months. Everything that follows
 * the deadline moves with it: the register entry, the process variables of the request and of its called
 * sub-procedures ({@code uitersteReactiedatum}, {@code wettelijkeUitersteDatum}, {@code termijnTekst}), the timers of
 * the reminder and escalation (re-evaluated with {@code recalculateJobDuedate}) and the due date of every open task
 * that was due at the old deadline.
 *
 * <p>Status: the register's status becomes VERLENGD; the next phase of the procedure (BEOORDELING, IN_BEHANDELING,
 * ...) overwrites it, while {@code verlengd = true} and the history keep the extension for good.
 */
@Component("termijnverlenging")
public class Termijnverlenging {

  /** The message that starts the event sub-process "Termijn verlengen" of the four request procedures. */
  public static final String BERICHT = "TermijnVerlengen";
  private static final java.util.regex.Pattern REFERENTIE = java.util.regex.Pattern.compile("AVG-\\d{4}-\\d{4,6}");

  /** Timers whose date is computed from the deadline; other timers (e.g. "14 days for a reply") stay. */
  public static final Set<String> TERMIJNTIMERS = Set.of("StartEvent_Herinnering", "StartEvent_TermijnVerstreken");

  private final Termijnberekening termijn;
  private final VerzoekRegister register;
  private final VerzoekregisterInProces inProces;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final Clock clock;

  public Termijnverlenging(Termijnberekening termijn, VerzoekRegister register, VerzoekregisterInProces inProces,
      RuntimeService runtimeService, ManagementService managementService, TaskService taskService,
      IdentityService identityService, Clock clock) {
    this.termijn = termijn;
    this.register = register;
    this.inProces = inProces;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.clock = clock;
  }

  /**
   * The coordinator's action "Termijn van een verzoek verlengen" (bpmn/avg-termijn-verlengen.bpmn; the diagram checks
   * the reason and the tick box again on the server): checks the reference and hands the extension to the running procedure of the request, whose event
   * sub-process runs {@link #verlengen} in the same transaction. A refusal there (too late, already extended) rolls
   * everything back, so the form shows the reason and nothing changed.
   */
  public void aanvragen(DelegateExecution execution) {
    String ref = execution.getVariable("referentie") == null ? ""
        : String.valueOf(execution.getVariable("referentie")).strip().toUpperCase(java.util.Locale.ROOT);
    if (!REFERENTIE.matcher(ref).matches()) {
      throw new OngeldigeInvoerException("Vul het referentienummer van het verzoek in, bijvoorbeeld AVG-2026-0001. "
          + "De termijn is niet verlengd.");
    }
    if (register.vind(ref).isEmpty()) {
      throw new OngeldigeInvoerException("Er is geen verzoek met referentienummer " + ref + ". "
          + "De termijn is niet verlengd.");
    }
    List<String> procedures = java.util.Arrays.stream(VerzoekType.values()).map(VerzoekType::procesKey).toList();
    List<ProcessInstance> lopend = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref)
        .processDefinitionKeyIn(procedures.toArray(String[]::new)).list();
    if (lopend.isEmpty()) {
      throw new OngeldigeInvoerException("Verzoek " + ref + " is al afgehandeld of loopt niet meer; verlengen kan "
          + "niet. De termijn is niet verlengd.");
    }
    execution.setProcessBusinessKey(ref);
    execution.setVariable("referentie", ref);
    Object verlengdTot = execution.getVariable("verlengdTot");
    runtimeService.createMessageCorrelation(BERICHT)
        .processInstanceId(lopend.get(0).getId())
        .setVariable("verlengingMotivering", String.valueOf(execution.getVariable("verlengingMotivering")).strip())
        .setVariable("verlengdTot", verlengdTot == null || String.valueOf(verlengdTot).isBlank() ? null
            : String.valueOf(verlengdTot).strip())
        .setVariable("verlengingAangevraagdDoor", execution.getVariable("verlengingAangevraagdDoor"))
        .correlateWithResult();
  }

  /**
   * Extends the deadline of the request. Inzage (PH-PRO-01 §2.3): once, within the first month, to receipt + 3
   * months. Verwijdering, correctie, beperking (PH-PRO-05/06/07 §2.3): once, within the first two weeks (the office
   * period), by two weeks or "as much longer as needed": to the date in the variable {@code verlengdTot} (dd-mm-jjjj
   * or ISO; empty = two more weeks), never beyond receipt + 3 months (AVG art. 12(3)). The legal deadline moves only
   * when the new deadline lies beyond it.
   */
  public void verlengen(DelegateExecution execution) {
    LocalDate ontvangst = termijn.alsDatum(execution.getVariable("ontvangenOp"), "ontvangenOp");
    boolean inzage = !execution.hasVariable("verzoekType")
        || VerzoekType.valueOf(String.valueOf(execution.getVariable("verzoekType"))).termijnregel()
        == VerzoekType.Termijnregel.EEN_MAAND;
    LocalDate eindeEerstePeriode = inzage ? termijn.laatsteDagMaanden(ontvangst, 1)
        : termijn.laatsteDagWeken(ontvangst, 2);
    LocalDate vandaag = LocalDate.now(clock.withZone(Termijnberekening.AMSTERDAM));
    if (vandaag.isAfter(eindeEerstePeriode)) {
      throw new OngeldigeInvoerException("Verlengen kan alleen binnen de eerste " + (inzage ? "maand" : "twee weken")
          + " na ontvangst, dus uiterlijk " + VerzoekIntake.NEDERLANDSE_DATUM.format(eindeEerstePeriode)
          + ". De termijn is niet verlengd.");
    }
    if (Boolean.TRUE.equals(execution.getVariable("verlengd"))) {
      throw new OngeldigeInvoerException("De termijn van dit verzoek is al verlengd; nogmaals verlengen kan niet.");
    }
    Date oud = (Date) execution.getVariable("uitersteReactiedatum");
    LocalDate grens = termijn.laatsteDagMaanden(ontvangst, 3);
    LocalDate nieuw;
    if (inzage) {
      nieuw = grens;
    } else {
      LocalDate huidig = termijn.alsDatum(oud, "uitersteReactiedatum");
      LocalDate gevraagd = gevraagdeDatum(execution.getVariable("verlengdTot"));
      nieuw = gevraagd != null ? gevraagd : termijn.laatsteDagWeken(ontvangst, 4);
      if (nieuw.isAfter(grens)) {
        throw new OngeldigeInvoerException("De nieuwe uiterste reactiedatum "
            + VerzoekIntake.NEDERLANDSE_DATUM.format(nieuw) + " ligt na de wettelijke grens van drie maanden na "
            + "ontvangst (" + VerzoekIntake.NEDERLANDSE_DATUM.format(grens) + "). Verleng tot uiterlijk die datum. "
            + "De termijn is niet verlengd.");
      }
      if (!nieuw.isAfter(huidig)) {
        throw new OngeldigeInvoerException("De nieuwe uiterste reactiedatum moet na de huidige ("
            + VerzoekIntake.NEDERLANDSE_DATUM.format(huidig) + ") liggen. De termijn is niet verlengd.");
      }
    }
    LocalDate wettelijkOud = termijn.alsDatum(execution.getVariable("wettelijkeUitersteDatum"),
        "wettelijkeUitersteDatum");
    LocalDate wettelijk = nieuw.isAfter(wettelijkOud) ? nieuw : wettelijkOud;
    Date nieuwMoment = Date.from(termijn.eindeVanDag(nieuw).toInstant());
    Map<String, Object> variabelen = new LinkedHashMap<>();
    variabelen.put("uitersteReactiedatum", nieuwMoment);
    variabelen.put("wettelijkeUitersteDatum", Date.from(termijn.eindeVanDag(wettelijk).toInstant()));
    variabelen.put("termijnTekst", VerzoekIntake.NEDERLANDSE_DATUM.format(nieuw));
    variabelen.put("wettelijkeTermijnTekst", VerzoekIntake.NEDERLANDSE_DATUM.format(wettelijk));
    variabelen.put("verlengd", Boolean.TRUE);

    String ref = VerzoekregisterInProces.referentie(execution);
    Map<String, Object> velden = new LinkedHashMap<>();
    velden.put("uitersteReactiedatum", nieuw);
    velden.put("wettelijkeUitersteDatum", wettelijk);
    velden.put("verlengd", Boolean.TRUE);
    velden.put("verlengingMotivering", execution.getVariable("verlengingMotivering"));
    velden.put("status", VerzoekStatus.VERLENGD);
    register.wijzig(ref, velden, inProces.gebruiker(null));

    execution.getProcessInstance().setVariables(variabelen);
    // internal bookkeeping of the engine, not an action of the user: no authorization checks for these calls
    Authentication wie = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      for (String instantie : instanties(execution.getProcessInstanceId())) {
        if (!instantie.equals(execution.getProcessInstanceId())) {
          for (Map.Entry<String, Object> v : variabelen.entrySet()) {
            if (runtimeService.getVariable(instantie, v.getKey()) != null) {
              runtimeService.setVariable(instantie, v.getKey(), v.getValue());
            }
          }
        }
        verplaatsTimers(instantie);
        for (Task t : taskService.createTaskQuery().processInstanceId(instantie).dueDate(oud).list()) {
          taskService.setDueDate(t.getId(), nieuwMoment);
        }
      }
    } finally {
      if (wie != null) {
        identityService.setAuthentication(wie);
      }
    }
  }

  private void verplaatsTimers(String instantie) {
    for (Job job : managementService.createJobQuery().processInstanceId(instantie).timers().list()) {
      JobDefinition definitie = job.getJobDefinitionId() == null ? null : managementService
          .createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult();
      if (definitie != null && TERMIJNTIMERS.contains(definitie.getActivityId())) {
        managementService.recalculateJobDuedate(job.getId(), false);
      }
    }
  }

  /** dd-mm-jjjj (as staff type it) or ISO yyyy-mm-dd; null when empty. */
  private static LocalDate gevraagdeDatum(Object waarde) {
    try {
      return Datuminvoer.leesFormulierwaarde(waarde);
    } catch (Datuminvoer.OngeldigeDatumException e) {
      throw new OngeldigeInvoerException("'" + String.valueOf(waarde).trim()
          + "' is geen datum (dd-mm-jjjj). De termijn is niet verlengd.");
    }
  }

  /** The request's process instance and, recursively, the instances of its call activities. */
  List<String> instanties(String processInstanceId) {
    List<String> alle = new ArrayList<>();
    alle.add(processInstanceId);
    for (int i = 0; i < alle.size(); i++) {
      for (ProcessInstance sub : runtimeService.createProcessInstanceQuery().superProcessInstanceId(alle.get(i))
          .list()) {
        alle.add(sub.getId());
      }
    }
    return alle;
  }
}
