package nl.deurwaarder.avg.verwerkingsregister;

import java.time.Clock;
import java.time.LocalDate;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import nl.deurwaarder.avg.termijn.Termijnberekening;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Guard of "Antwoord van de AP vastleggen" (prior consultation, AVG art. 36(2)): the answer's date lies between the
 * submission and today; the AP extends its eight weeks at most once, by six weeks ({@code apAntwoordWeken} becomes
 * 14, which moves the task's due date and timer).
 */
@Component("apAntwoordPia")
public class ApAntwoordPia {

  private final PiaInProces pia;
  private final PiaDossier dossier;
  private final Termijnberekening termijn;
  private final Clock clock;

  public ApAntwoordPia(PiaInProces pia, PiaDossier dossier, Termijnberekening termijn, Clock clock) {
    this.pia = pia;
    this.dossier = dossier;
    this.termijn = termijn;
    this.clock = clock;
  }

  /** Complete listener. */
  public void controleer(DelegateTask task) {
    String antwoord = PiaInProces.tekst(task, "apAntwoord");
    LocalDate op = pia.datum(task, "apAntwoordOp");
    LocalDate ingediend = pia.datum(task, "raadplegingIngediendOp");
    if (op.isBefore(ingediend) || op.isAfter(LocalDate.now(clock.withZone(Termijnberekening.AMSTERDAM)))) {
      throw new OngeldigeInvoerException("'apAntwoordOp' moet liggen tussen de indiening van de raadpleging ("
          + ingediend + ") en vandaag.");
    }
    long voorstelId = PiaInProces.voorstelId(task);
    boolean verlengd = dossier.stand(voorstelId).apTermijnVerlengd();
    if ("VERLENGD".equals(antwoord)) {
      if (verlengd) {
        throw new OngeldigeInvoerException("De AP kan de termijn maar één keer verlengen, met zes weken (AVG art. 36 "
            + "lid 2). Leg het antwoord van de AP vast.");
      }
      verlengd = true;
      task.getExecution().setVariable("apAntwoordWeken", PiaInProces.AP_WEKEN + PiaInProces.AP_VERLENGING_WEKEN);
    }
    int weken = verlengd ? PiaInProces.AP_WEKEN + PiaInProces.AP_VERLENGING_WEKEN : PiaInProces.AP_WEKEN;
    dossier.apAntwoord(voorstelId, antwoord, op, PiaInProces.tekst(task, "apAntwoordToelichting"),
        termijn.laatsteDagWeken(ingediend, weken), verlengd);
  }
}
