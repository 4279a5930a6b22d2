package nl.deurwaarder.avg.datalek;

import nl.deurwaarder.avg.afwijking.Afwijkingenregister;
import nl.deurwaarder.avg.afwijking.Afwijkingssoort;
import nl.deurwaarder.avg.afwijking.Besluitnemer;
import nl.deurwaarder.avg.afwijking.NieuweAfwijking;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Guard of "Besluit over melding aan betrokkenen": when the directie does not follow the FG's advice
 * ({@code betrokkenenAdvies} MELDEN or NIET_MELDEN; decision {@code betrokkenenMelden} JA or NEE) it writes why
 * ({@code betrokkenenBesluitMotivering}), and the deviation goes into the register of deviations (PH-ORG-02 §3.1).
 */
@Component("betrokkenenBesluitNaFgAdvies")
public class BetrokkenenBesluitNaFgAdvies {

  private final Afwijkingenregister afwijkingen;
  private final Besluitnemer besluitnemer;

  public BetrokkenenBesluitNaFgAdvies(Afwijkingenregister afwijkingen, Besluitnemer besluitnemer) {
    this.afwijkingen = afwijkingen;
    this.besluitnemer = besluitnemer;
  }

  /** Complete listener. */
  public void controleer(DelegateTask task) {
    String advies = ApBesluitNaFgAdvies.tekst(task, "betrokkenenAdvies");
    String melden = ApBesluitNaFgAdvies.tekst(task, "betrokkenenMelden");
    if (advies == null || melden == null) {
      return;
    }
    String besluit = "JA".equals(melden) ? "MELDEN" : "NIET_MELDEN";
    if (besluit.equals(advies)) {
      return;
    }
    String motivering = ApBesluitNaFgAdvies.tekst(task, "betrokkenenBesluitMotivering");
    if (motivering == null) {
      throw new OngeldigeInvoerException("Het besluit (" + besluit + ") wijkt af van het advies van de FG (" + advies
          + "). Vul de motivering in ('betrokkenenBesluitMotivering'); de afwijking wordt vastgelegd in het "
          + "register afwijkingen FG-advies (PH-ORG-02).");
    }
    if (motivering.length() > 4000) {
      throw new OngeldigeInvoerException("'betrokkenenBesluitMotivering' is te lang (hoogstens 4000 tekens).");
    }
    afwijkingen.legVast(new NieuweAfwijking(Afwijkingssoort.DATALEK_BETROKKENEN,
        task.getExecution().getProcessBusinessKey(), "Informeren van betrokkenen over het datalek", advies,
        ApBesluitNaFgAdvies.tekst(task, "betrokkenenAdviesFg"), besluit, motivering, besluitnemer.van(task)));
  }
}
