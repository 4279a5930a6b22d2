package nl.deurwaarder.avg.verwerkingsregister;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import nl.deurwaarder.avg.afwijking.Besluitnemer;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import nl.deurwaarder.avg.termijn.Termijnberekening;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The Java side of the PIA steps (bean {@code pia}) in "Verwerking wijzigen" and in the one-time check of existing
 * processings: prepares the screening answers for the decision table {@code pia-nodig}, records its outcome, the
 * FG's advice, the submission of a prior consultation of the AP (art. 36: answer within 8 weeks) and a withdrawal.
 */
@Component("pia")
public class PiaInProces {

  /** AVG art. 36(2): the AP answers within eight weeks, extendable once by six. */
  public static final int AP_WEKEN = 8;
  public static final int AP_VERLENGING_WEKEN = 6;

  static final String EENMALIGE_TOETS = "EENMALIGE_TOETS";
  static final String VOORSTEL = "VOORSTEL";

  private final PiaDossier dossier;
  private final Termijnberekening termijn;
  private final Besluitnemer besluitnemer;
  private final Clock clock;

  public PiaInProces(PiaDossier dossier, Termijnberekening termijn, Besluitnemer besluitnemer, Clock clock) {
    this.dossier = dossier;
    this.termijn = termijn;
    this.besluitnemer = besluitnemer;
    this.clock = clock;
  }

  /** Start listener of "Is een PIA nodig?": the answers as plain lists of known codes. */
  public void criteria(DelegateExecution execution) {
    PiaCriteria.normaliseer(execution);
  }

  /**
   * End listener of "Is een PIA nodig?": {@code piaNodig} and {@code piaGrond} from the decision table, onto the
   * proposal or, in the one-time check, into the processing's check.
   */
  public void beslissing(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> uitkomst = (Map<String, Object>) execution.getVariable("piaBeslissing");
    boolean nodig = uitkomst != null && Boolean.TRUE.equals(uitkomst.get("piaNodig"));
    String grond = uitkomst == null ? null : (String) uitkomst.get("piaGrond");
    if ("VERVALLEN".equals(execution.getVariable("soortWijziging"))) {
      nodig = false;
      grond = "De verwerking vervalt";
    }
    execution.setVariable("piaNodig", nodig);
    execution.setVariable("piaGrond", grond);
    Object voorstelId = execution.getVariable("voorstelId");
    if (voorstelId != null) {
      dossier.piaNodig(((Number) voorstelId).longValue(), nodig, grond);
    } else {
      String code = (String) execution.getVariable("verwerkingCode");
      dossier.toets(code, EENMALIGE_TOETS, nodig, grond, (String) execution.getVariable("getoetstDoor"),
          execution.getProcessInstanceId());
      execution.setVariable("toetsToelichting", "Eenmalige PIA-toets van bestaande verwerking " + code
          + ": PIA nodig (" + grond + ").");
    }
  }

  /** Complete listener of the one-time check's task: who answered the screening questions. */
  public void toetsIngevuld(DelegateTask task) {
    task.getExecution().setVariable("getoetstDoor", besluitnemer.van(task));
  }

  /** Complete listener of "FG-advies over de PIA". */
  public void fgAdvies(DelegateTask task) {
    dossier.fgAdvies(voorstelId(task), tekst(task, "fgPiaAdvies"), tekst(task, "fgPiaToelichting"));
  }

  /**
   * Complete listener of "Voorafgaande raadpleging AP voorbereiden": the day it was submitted (not in the future)
   * starts the AP's eight weeks ({@code apAntwoordWeken}, read by the due date and timer through {@code termijn}).
   */
  public void raadplegingIngediend(DelegateTask task) {
    LocalDate ingediend = datum(task, "raadplegingIngediendOp");
    if (ingediend.isAfter(LocalDate.now(clock.withZone(Termijnberekening.AMSTERDAM)))) {
      throw new OngeldigeInvoerException("'raadplegingIngediendOp' ligt in de toekomst; vul de dag in waarop de "
          + "raadpleging bij de AP is ingediend.");
    }
    task.getExecution().setVariable("apAntwoordWeken", AP_WEKEN);
    dossier.raadplegingIngediend(voorstelId(task), tekst(task, "raadplegingInhoud"), ingediend,
        termijn.laatsteDagWeken(ingediend, AP_WEKEN));
  }

  /** End listener of "Verwerking gaat niet door": the proposal is withdrawn and never published. */
  public void intrekken(DelegateExecution execution) {
    dossier.ingetrokken(voorstelId(execution));
  }

  LocalDate datum(VariableScope scope, String naam) {
    Object waarde = scope.getVariable(naam);
    if (waarde == null || waarde.toString().isBlank()) {
      throw new OngeldigeInvoerException("Vul '" + naam + "' in.");
    }
    try {
      return termijn.alsDatum(waarde, naam);
    } catch (RuntimeException e) {
      throw new OngeldigeInvoerException("'" + naam + "' is geen datum.");
    }
  }

  static long voorstelId(VariableScope scope) {
    return ((Number) scope.getVariable("voorstelId")).longValue();
  }

  static String tekst(VariableScope scope, String naam) {
    Object waarde = scope.getVariable(naam);
    return waarde == null || waarde.toString().isBlank() ? null : waarde.toString().trim();
  }
}
