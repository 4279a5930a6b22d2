package nl.deurwaarder.avg.verwerkingsregister;

import java.util.Map;
import java.util.Set;
import nl.deurwaarder.avg.afwijking.Afwijking;
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
 * "Besluit over de PIA" (directie): with a high residual risk the processing may not simply go ahead (AVG art. 36(1):
 * consult the AP first, or do not process); a decision other than the FG's advice needs a written motivation. The
 * guard ({@link Taakcontrole}) refuses and changes nothing; once the decision is taken ({@link Registerbijhouding} of
 * the decision field {@code piaBesluit}) it goes into the PIA dossier, and a deviation into the register of deviations
 * (PH-ORG-02 §3.1).
 */
@Component("piaBesluitNaFgAdvies")
public class PiaBesluitNaFgAdvies implements Taakcontrole, Registerbijhouding {

  private final PiaDossier dossier;
  private final Afwijkingenregister afwijkingen;
  private final Besluitnemer besluitnemer;

  public PiaBesluitNaFgAdvies(PiaDossier dossier, Afwijkingenregister afwijkingen, Besluitnemer besluitnemer) {
    this.dossier = dossier;
    this.afwijkingen = afwijkingen;
    this.besluitnemer = besluitnemer;
  }

  @Override
  public Set<String> taken() {
    return Set.of("avg-verwerking-wijzigen:Task_DirectieBesluitPia");
  }

  @Override
  public void controleer(DelegateTask task) {
    String besluit = PiaInProces.tekst(task, "piaBesluit");
    String advies = PiaInProces.tekst(task, "fgPiaAdvies");
    if ("HOOG_RESTRISICO".equals(task.getVariable("piaUitkomst")) && "DOORGAAN".equals(besluit)) {
      throw new OngeldigeInvoerException("De PIA laat een hoog restrisico zien: de verwerking mag pas doorgaan na "
          + "voorafgaande raadpleging van de AP (AVG art. 36). Kies 'AP raadplegen' of 'Niet doorgaan'.");
    }
    if (afwijkend(advies, besluit) && PiaInProces.tekst(task, "piaBesluitMotivering") == null) {
      throw new OngeldigeInvoerException("Het besluit (" + besluit + ") wijkt af van het advies van de FG (" + advies
          + "). Vul de motivering in ('piaBesluitMotivering'); de afwijking wordt vastgelegd in het register "
          + "afwijkingen FG-advies (PH-ORG-02).");
    }
  }

  @Override
  public String proces() {
    return "avg-verwerking-wijzigen";
  }

  @Override
  public Map<String, String> registervelden() {
    return Map.of("piaBesluit", "piaBesluit");
  }

  /** The decision into the PIA dossier; a decision against the FG's advice into the register of deviations. */
  @Override
  public void overnemen(VariableScope stap, Map<String, Object> velden) {
    if (!(stap instanceof DelegateTask task)) {
      return;
    }
    String besluit = PiaInProces.tekst(task, "piaBesluit");
    String advies = PiaInProces.tekst(task, "fgPiaAdvies");
    String motivering = PiaInProces.tekst(task, "piaBesluitMotivering");
    String door = besluitnemer.van(task);
    dossier.besluit(PiaInProces.voorstelId(task), besluit, motivering, door);
    if (afwijkend(advies, besluit)) {
      afwijkingen.legVast(new NieuweAfwijking(Afwijkingssoort.PIA_UITKOMST,
          task.getExecution().getProcessBusinessKey(), "Besluit over de PIA (uitkomst "
              + Afwijking.inWoorden(PiaInProces.tekst(task, "piaUitkomst")) + ")", advies,
          PiaInProces.tekst(task, "fgPiaToelichting"), besluit, motivering, door));
    }
  }

  private static boolean afwijkend(String advies, String besluit) {
    return advies != null && besluit != null && !advies.equals(besluit);
  }
}
