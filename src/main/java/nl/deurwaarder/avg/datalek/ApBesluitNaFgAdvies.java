package nl.deurwaarder.avg.datalek;

import java.util.Map;
import java.util.Set;
import nl.deurwaarder.avg.afwijking.Afwijkingenregister;
import nl.deurwaarder.avg.afwijking.Afwijkingssoort;
import nl.deurwaarder.avg.afwijking.Besluitnemer;
import nl.deurwaarder.avg.afwijking.NieuweAfwijking;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import nl.deurwaarder.avg.engine.Registerbijhouding;
import nl.deurwaarder.avg.engine.Taakcontrole;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The directie's decision on notifying the AP ("Besluit over melding aan de AP", "Conceptmelding vaststellen"): a
 * decision ({@code apBesluit}) other than the FG's advice ({@code fgApAdvies}: MELDEN or NIET_MELDEN) needs a written
 * motivation ({@code apBesluitToelichting}) — the guard ({@link Taakcontrole}) refuses without one and changes nothing
 * — and goes into the register of deviations (PH-ORG-02 §3.1) once the decision is taken ({@link Registerbijhouding}
 * of the decision field {@code apBesluit}).
 */
@Component("apBesluitNaFgAdvies")
public class ApBesluitNaFgAdvies implements Taakcontrole, Registerbijhouding {

  private final Afwijkingenregister afwijkingen;
  private final Besluitnemer besluitnemer;

  public ApBesluitNaFgAdvies(Afwijkingenregister afwijkingen, Besluitnemer besluitnemer) {
    this.afwijkingen = afwijkingen;
    this.besluitnemer = besluitnemer;
  }

  @Override
  public Set<String> taken() {
    return Set.of("avg-datalek:Task_DirectieBesluitMelding", "avg-datalek:Task_ConceptVaststellen");
  }

  /** Refuses a deviating decision without its motivation. */
  @Override
  public void controleer(DelegateTask task) {
    String advies = tekst(task, "fgApAdvies");
    String besluit = tekst(task, "apBesluit");
    if (afwijkend(advies, besluit) && tekst(task, "apBesluitToelichting") == null) {
      throw new OngeldigeInvoerException("Het besluit (" + besluit + ") wijkt af van het advies van de FG (" + advies
          + "). Vul de motivering in ('apBesluitToelichting'); de afwijking wordt vastgelegd in het register "
          + "afwijkingen FG-advies (PH-ORG-02).");
    }
  }

  @Override
  public String proces() {
    return "avg-datalek";
  }

  @Override
  public Map<String, String> registervelden() {
    return Map.of("apBesluit", "apBesluit");
  }

  /** A decision against the FG's advice, with its motivation, into the register of deviations. */
  @Override
  public void overnemen(VariableScope stap, Map<String, Object> velden) {
    if (!(stap instanceof DelegateTask task)) {
      return;
    }
    String advies = tekst(task, "fgApAdvies");
    String besluit = tekst(task, "apBesluit");
    String motivering = tekst(task, "apBesluitToelichting");
    if (afwijkend(advies, besluit) && motivering != null) {
      afwijkingen.legVast(new NieuweAfwijking(Afwijkingssoort.DATALEK_AP_MELDING,
          task.getExecution().getProcessBusinessKey(), "Melding van het datalek aan de AP", advies,
          tekst(task, "fgAdviesAp"), besluit, motivering, besluitnemer.van(task)));
    }
  }

  private static boolean afwijkend(String advies, String besluit) {
    return advies != null && besluit != null && !advies.equals(besluit);
  }

  static String tekst(VariableScope task, String naam) {
    Object waarde = task.getVariable(naam);
    return waarde == null || waarde.toString().isBlank() ? null : waarde.toString().trim();
  }
}
