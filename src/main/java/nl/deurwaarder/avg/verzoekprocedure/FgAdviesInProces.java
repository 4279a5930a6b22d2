package nl.deurwaarder.avg.verzoekprocedure;

import nl.deurwaarder.avg.afwijking.Afwijkingenregister;
import nl.deurwaarder.avg.afwijking.Afwijkingssoort;
import nl.deurwaarder.avg.afwijking.NieuweAfwijking;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.engine.Invoercontrole;
import nl.deurwaarder.avg.verzoek.FgAdvies;
import nl.deurwaarder.avg.verzoek.FgAdviezen;
import nl.deurwaarder.avg.verzoek.VerzoekRegister;
import nl.deurwaarder.avg.verzoek.Verzoekgronden;
import nl.deurwaarder.avg.verzoek.VerzoekregisterInProces;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The steps of the shared call activity "FG-advies" (bpmn/avg-fg-advies.bpmn): the grounds shown to the FG, the
 * register of deviations, and the final decision handed back to the caller.
 */
@Component("fgAdviesInProces")
public class FgAdviesInProces {

  private final VerzoekRegister register;
  private final VerzoekregisterInProces inProces;
  private final Afwijkingenregister afwijkingen;
  private final FgAdviezen adviezen;
  private final Verzoekgronden gronden;

  public FgAdviesInProces(VerzoekRegister register, VerzoekregisterInProces inProces, Afwijkingenregister afwijkingen,
      FgAdviezen adviezen, Verzoekgronden gronden) {
    this.register = register;
    this.inProces = inProces;
    this.afwijkingen = afwijkingen;
    this.adviezen = adviezen;
    this.gronden = gronden;
  }

  /**
   * Complete listener of the FG's task: the advice, its explanation, who and when go into the register's FG advices
   * (kept after history cleanup), with what was asked: the subject, the intended decision and its grounds.
   */
  public void adviesVastleggen(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    String vraag = tekst(execution, "onderwerp") + ". Voorgenomen besluit: " + tekst(execution, "voorgenomenBesluit")
        + (execution.getVariable("grondenTekst") == null ? "" : "; gronden: " + tekst(execution, "grondenTekst"))
        + (execution.getVariable("besluitMotivering") == null ? ""
            : ". Motivering: " + tekst(execution, "besluitMotivering"));
    adviezen.legVast(VerzoekregisterInProces.referentie(execution), task.getId(),
        FgAdvies.Onderwerp.VOORGENOMEN_BESLUIT, vraag.length() > 4000 ? vraag.substring(0, 3997) + "..." : vraag,
        tekst(execution, "fgAdvies"), tekst(execution, "fgToelichting"), inProces.gebruiker(task.getAssignee()));
  }

  /**
   * The grounds in words for the FG's form ({@code grondenTekst}): the rejection grounds of an intended rejection, the
   * grant grounds ({@code toewijzingsgronden}, optional input of the call) of an intended grant. The words are the
   * FG summaries of bpmn/verzoekgronden.dmn; an unknown code is shown as it is.
   */
  public void voorbereiden(DelegateExecution execution) {
    boolean toewijzen = "TOEWIJZEN".equals(execution.getVariable("voorgenomenBesluit"));
    List<String> gekozen = Invoercontrole.alsLijst(execution.getVariable(toewijzen ? "toewijzingsgronden"
        : "afwijzingsgronden"));
    execution.setVariable("grondenTekst", gekozen.isEmpty() ? "geen"
        : String.join("; ", gekozen.stream().map(gronden::fgTekst).toList()));
  }

  /** The coordinator deviates from the FG's advice: into the register of deviations and the request's entry. */
  public void afwijkingRegistreren(DelegateExecution execution) {
    String ref = VerzoekregisterInProces.referentie(execution);
    String gebruiker = inProces.gebruiker(null);
    String motivering = tekst(execution, "afwijkingMotivering");
    afwijkingen.legVast(new NieuweAfwijking(Afwijkingssoort.VERZOEK_BESLUIT, ref, tekst(execution, "onderwerp"),
        tekst(execution, "fgAdvies"), tekst(execution, "fgToelichting"), tekst(execution, "voorgenomenBesluit"),
        motivering, gebruiker));
    register.wijzig(ref, Map.of("afwijkingMotivering", motivering), gebruiker);
  }

  /**
   * The final decision: the intended one when the FG agreed or the coordinator deviated, the other one when the
   * coordinator followed a NIET_AKKOORD advice. Sets {@code besluit} and {@code afgewekenVanAdvies}.
   */
  public void besluitBepalen(DelegateExecution execution) {
    String voorgenomen = tekst(execution, "voorgenomenBesluit");
    boolean nietAkkoord = "NIET_AKKOORD".equals(execution.getVariable("fgAdvies"));
    boolean afgeweken = nietAkkoord && "AFWIJKEN".equals(execution.getVariable("besluitNaAdvies"));
    String besluit = nietAkkoord && !afgeweken ? omgekeerd(voorgenomen) : voorgenomen;
    execution.setVariable("besluit", besluit);
    execution.setVariable("afgewekenVanAdvies", afgeweken);
    Map<String, Object> velden = new LinkedHashMap<>();
    velden.put("besluit", besluit);
    register.wijzig(VerzoekregisterInProces.referentie(execution), velden, inProces.gebruiker(null));
  }

  static String omgekeerd(String besluit) {
    return switch (besluit) {
      case "AFWIJZEN" -> "TOEWIJZEN";
      case "TOEWIJZEN" -> "AFWIJZEN";
      default -> throw new IllegalArgumentException("Onbekend voorgenomen besluit: " + besluit);
    };
  }

  private static String tekst(DelegateExecution execution, String naam) {
    Object waarde = execution.getVariable(naam);
    return waarde == null ? null : waarde.toString();
  }
}
