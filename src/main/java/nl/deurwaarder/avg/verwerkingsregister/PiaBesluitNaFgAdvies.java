package nl.deurwaarder.avg.verwerkingsregister;

import nl.deurwaarder.avg.afwijking.Afwijkingenregister;
import nl.deurwaarder.avg.afwijking.Afwijkingssoort;
import nl.deurwaarder.avg.afwijking.Besluitnemer;
import nl.deurwaarder.avg.afwijking.NieuweAfwijking;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Guard of "Besluit over de PIA" (directie): with a high residual risk the processing may not simply go ahead (AVG
 * art. 36(1): consult the AP first, or do not process); a decision other than the FG's advice needs a written
 * motivation and goes into the register of deviations (PH-ORG-02 §3.1).
 */
@Component("piaBesluitNaFgAdvies")
public class PiaBesluitNaFgAdvies {

  private final PiaDossier dossier;
  private final Afwijkingenregister afwijkingen;
  private final Besluitnemer besluitnemer;

  public PiaBesluitNaFgAdvies(PiaDossier dossier, Afwijkingenregister afwijkingen, Besluitnemer besluitnemer) {
    this.dossier = dossier;
    this.afwijkingen = afwijkingen;
    this.besluitnemer = besluitnemer;
  }

  /** Complete listener. */
  public void controleer(DelegateTask task) {
    String besluit = PiaInProces.tekst(task, "piaBesluit");
    String advies = PiaInProces.tekst(task, "fgPiaAdvies");
    String motivering = PiaInProces.tekst(task, "piaBesluitMotivering");
    if ("HOOG_RESTRISICO".equals(task.getVariable("piaUitkomst")) && "DOORGAAN".equals(besluit)) {
      throw new OngeldigeInvoerException("De PIA laat een hoog restrisico zien: de verwerking mag pas doorgaan na "
          + "voorafgaande raadpleging van de AP (AVG art. 36). Kies 'AP raadplegen' of 'Niet doorgaan'.");
    }
    boolean afwijking = advies != null && besluit != null && !advies.equals(besluit);
    if (afwijking && motivering == null) {
      throw new OngeldigeInvoerException("Het besluit (" + besluit + ") wijkt af van het advies van de FG (" + advies
          + "). Vul de motivering in ('piaBesluitMotivering'); de afwijking wordt vastgelegd in het register "
          + "afwijkingen FG-advies (PH-ORG-02).");
    }
    String door = besluitnemer.van(task);
    long voorstelId = PiaInProces.voorstelId(task);
    dossier.besluit(voorstelId, besluit, motivering, door);
    if (afwijking) {
      afwijkingen.legVast(new NieuweAfwijking(Afwijkingssoort.PIA_UITKOMST,
          task.getExecution().getProcessBusinessKey(), "Besluit over de PIA (uitkomst " + task.getVariable(
              "piaUitkomst") + ")", advies, PiaInProces.tekst(task, "fgPiaToelichting"), besluit, motivering, door));
    }
  }
}
