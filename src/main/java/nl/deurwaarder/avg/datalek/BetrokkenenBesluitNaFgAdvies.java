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
 * "Besluit over melding aan betrokkenen": when the directie does not follow the FG's advice ({@code betrokkenenAdvies}
 * MELDEN or NIET_MELDEN; decision {@code betrokkenenMelden} JA or NEE) it writes why
 * ({@code betrokkenenBesluitMotivering}) — the guard ({@link Taakcontrole}) refuses without it and changes nothing —
 * and the deviation goes into the register of deviations (PH-ORG-02 §3.1) once the decision is taken
 * ({@link Registerbijhouding} of the decision field {@code betrokkenenMelden}).
 */
@Component("betrokkenenBesluitNaFgAdvies")
public class BetrokkenenBesluitNaFgAdvies implements Taakcontrole, Registerbijhouding {

  private final Afwijkingenregister afwijkingen;
  private final Besluitnemer besluitnemer;

  public BetrokkenenBesluitNaFgAdvies(Afwijkingenregister afwijkingen, Besluitnemer besluitnemer) {
    this.afwijkingen = afwijkingen;
    this.besluitnemer = besluitnemer;
  }

  @Override
  public Set<String> taken() {
    return Set.of("avg-datalek:Task_BesluitBetrokkenen");
  }

  /** Refuses a deviating decision without its motivation (at most 4000 characters). */
  @Override
  public void controleer(DelegateTask task) {
    String besluit = afwijkendBesluit(task);
    if (besluit == null) {
      return;
    }
    String motivering = ApBesluitNaFgAdvies.tekst(task, "betrokkenenBesluitMotivering");
    if (motivering == null) {
      throw new OngeldigeInvoerException("Het besluit (" + besluit + ") wijkt af van het advies van de FG ("
          + ApBesluitNaFgAdvies.tekst(task, "betrokkenenAdvies") + "). Vul de motivering in "
          + "('betrokkenenBesluitMotivering'); de afwijking wordt vastgelegd in het register afwijkingen FG-advies "
          + "(PH-ORG-02).");
    }
    if (motivering.length() > 4000) {
      throw new OngeldigeInvoerException("'betrokkenenBesluitMotivering' is te lang (hoogstens 4000 tekens).");
    }
  }

  @Override
  public String proces() {
    return "avg-datalek";
  }

  @Override
  public Map<String, String> registervelden() {
    return Map.of("betrokkenenMelden", "betrokkenenMelden");
  }

  /** A decision against the FG's advice, with its motivation, into the register of deviations. */
  @Override
  public void overnemen(VariableScope stap, Map<String, Object> velden) {
    if (!(stap instanceof DelegateTask task)) {
      return;
    }
    String besluit = afwijkendBesluit(task);
    String motivering = ApBesluitNaFgAdvies.tekst(task, "betrokkenenBesluitMotivering");
    if (besluit != null && motivering != null) {
      afwijkingen.legVast(new NieuweAfwijking(Afwijkingssoort.DATALEK_BETROKKENEN,
          task.getExecution().getProcessBusinessKey(), "Informeren van betrokkenen over het datalek",
          ApBesluitNaFgAdvies.tekst(task, "betrokkenenAdvies"), ApBesluitNaFgAdvies.tekst(task, "betrokkenenAdviesFg"),
          besluit, motivering, besluitnemer.van(task)));
    }
  }

  /** The decision as MELDEN/NIET_MELDEN when it differs from the FG's advice, else null. */
  private static String afwijkendBesluit(DelegateTask task) {
    String advies = ApBesluitNaFgAdvies.tekst(task, "betrokkenenAdvies");
    String melden = ApBesluitNaFgAdvies.tekst(task, "betrokkenenMelden");
    if (advies == null || melden == null) {
      return null;
    }
    String besluit = "JA".equals(melden) ? "MELDEN" : "NIET_MELDEN";
    return besluit.equals(advies) ? null : besluit;
  }
}
