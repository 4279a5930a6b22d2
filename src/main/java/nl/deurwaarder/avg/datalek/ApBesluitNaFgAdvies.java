package nl.deurwaarder.avg.datalek;

import nl.deurwaarder.avg.afwijking.Afwijkingenregister;
import nl.deurwaarder.avg.afwijking.Afwijkingssoort;
import nl.deurwaarder.avg.afwijking.Besluitnemer;
import nl.deurwaarder.avg.afwijking.NieuweAfwijking;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Guard of the directie's decision on notifying the AP ("Besluit over melding aan de AP", "Conceptmelding
 * vaststellen"): a decision other than the FG's advice ({@code fgApAdvies}: MELDEN or NIET_MELDEN) needs a written
 * motivation ({@code apBesluitToelichting}) and goes into the register of deviations (PH-ORG-02 §3.1).
 */
@Component("apBesluitNaFgAdvies")
public class ApBesluitNaFgAdvies {

  private final Afwijkingenregister afwijkingen;
  private final Besluitnemer besluitnemer;

  public ApBesluitNaFgAdvies(Afwijkingenregister afwijkingen, Besluitnemer besluitnemer) {
    this.afwijkingen = afwijkingen;
    this.besluitnemer = besluitnemer;
  }

  /** Complete listener. */
  public void controleer(DelegateTask task) {
    String advies = tekst(task, "fgApAdvies");
    String besluit = tekst(task, "apBesluit");
    if (advies == null || besluit == null || advies.equals(besluit)) {
      return;
    }
    String motivering = tekst(task, "apBesluitToelichting");
    if (motivering == null) {
      throw new OngeldigeInvoerException("Het besluit (" + besluit + ") wijkt af van het advies van de FG (" + advies
          + "). Vul de motivering in ('apBesluitToelichting'); de afwijking wordt vastgelegd in het register "
          + "afwijkingen FG-advies (PH-ORG-02).");
    }
    afwijkingen.legVast(new NieuweAfwijking(Afwijkingssoort.DATALEK_AP_MELDING,
        task.getExecution().getProcessBusinessKey(), "Melding van het datalek aan de AP", advies,
        tekst(task, "fgAdviesAp"), besluit, motivering, besluitnemer.van(task)));
  }

  static String tekst(DelegateTask task, String naam) {
    Object waarde = task.getVariable(naam);
    return waarde == null || waarde.toString().isBlank() ? null : waarde.toString().trim();
  }
}
