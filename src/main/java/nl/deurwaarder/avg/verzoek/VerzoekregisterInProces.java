package nl.deurwaarder.avg.verzoek;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.deurwaarder.avg.engine.Invoercontrole;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Keeps the Register AVG-verzoeken current from the diagrams, as listener expressions a process owner can read:
 * {@code ${verzoekregister.status(execution, 'VERIFICATIE')}},
 * {@code ${verzoekregister.neemOver(execution, 'afwijzingsgronden,besluit')}},
 * {@code ${verzoekregister.afsluiten(execution, 'AFGEHANDELD')}}. The reference is the business key.
 */
@Component("verzoekregister")
public class VerzoekregisterInProces {

  public static final String SYSTEEM = "systeem";

  private final VerzoekRegister register;
  private final IdentityService identityService;
  private final Clock clock;

  public VerzoekregisterInProces(VerzoekRegister register, IdentityService identityService, Clock clock) {
    this.register = register;
    this.identityService = identityService;
    this.clock = clock;
  }

  public void status(DelegateExecution execution, String status) {
    register.wijzig(referentie(execution), Map.of("status", VerzoekStatus.valueOf(status)), gebruiker(null));
  }

  /** Copies the named process variables (comma-separated; register field = variable name) into the register. */
  public void neemOver(VariableScope scope, String variabelen) {
    Map<String, Object> velden = new LinkedHashMap<>();
    for (String naam : variabelen.split(",")) {
      String n = naam.trim();
      if (!n.isEmpty()) {
        velden.put(n, scope.getVariable(n));
      }
    }
    overnemen(scope, velden);
  }

  /**
   * Writes register fields (field → value as the variable holds it; lists converted by {@link #registerwaarde}),
   * by the user completing the task, or the engine itself when {@code scope} is an execution.
   */
  public void overnemen(VariableScope scope, Map<String, Object> velden) {
    Map<String, Object> waarden = new LinkedHashMap<>();
    velden.forEach((veld, waarde) -> waarden.put(veld, registerwaarde(waarde)));
    DelegateExecution execution = scope instanceof DelegateTask t ? t.getExecution() : (DelegateExecution) scope;
    register.wijzig(referentie(execution), waarden,
        gebruiker(scope instanceof DelegateTask t ? t.getAssignee() : null));
  }

  /** Sets one register field and the process variable of the same name, e.g. the decision TOEWIJZEN. */
  public void zet(VariableScope scope, String veld, Object waarde) {
    DelegateExecution execution = scope instanceof DelegateTask t ? t.getExecution() : (DelegateExecution) scope;
    register.wijzig(referentie(execution), Map.of(veld, registerwaarde(waarde)),
        gebruiker(scope instanceof DelegateTask t ? t.getAssignee() : null));
    scope.setVariable(veld, waarde);
  }

  /** Lists as Tasklist submits them (Json arrays) become Java lists, stored comma-separated by the register. */
  static Object registerwaarde(Object waarde) {
    if (waarde != null && (waarde.getClass().getName().startsWith("org.camunda.spin")
        || waarde instanceof String s && s.trim().startsWith("["))) {
      return Invoercontrole.alsLijst(waarde);
    }
    return waarde;
  }

  /** Final status plus the moment the file was closed. */
  public void afsluiten(DelegateExecution execution, String status) {
    Map<String, Object> velden = new LinkedHashMap<>();
    velden.put("status", VerzoekStatus.valueOf(status));
    velden.put("afgeslotenOp", OffsetDateTime.now(clock));
    register.wijzig(referentie(execution), velden, gebruiker(null));
  }

  /** The reply went out: date and way of sending (PH-PRO-01 §6). */
  public void verzonden(DelegateExecution execution) {
    Object wijze = execution.getVariable("verzendwijze");
    Map<String, Object> velden = new LinkedHashMap<>();
    velden.put("verzendwijze", wijze);
    Object op = execution.getVariable("verzondenOp");
    LocalDate bevestigd = Invoercontrole.alsDatum(execution.getVariable("verzondenOpDatum"));
    velden.put("verzondenOp", op instanceof Date d ? d
        : bevestigd != null ? bevestigd.atTime(12, 0).atZone(ZoneId.of("Europe/Amsterdam")).toOffsetDateTime()
        : Date.from(clock.instant()));
    register.wijzig(referentie(execution), velden, gebruiker(null));
    Object kenmerk = execution.getVariable("verzendkenmerk");
    if (kenmerk != null && !kenmerk.toString().isBlank()) {
      register.historie(referentie(execution), gebruiker(null), "verzendkenmerk", null, kenmerk.toString());
    }
  }

  public static String referentie(DelegateExecution execution) {
    String key = execution.getProcessBusinessKey();
    if (key == null || key.isBlank()) {
      throw new IllegalStateException("Proces zonder referentienummer (business key)");
    }
    return key;
  }

  /** Who acts: the user completing the task (Tasklist, REST), else the engine itself. */
  public String gebruiker(String assignee) {
    Authentication auth = identityService.getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      return auth.getUserId();
    }
    return assignee != null ? assignee : SYSTEEM;
  }
}
