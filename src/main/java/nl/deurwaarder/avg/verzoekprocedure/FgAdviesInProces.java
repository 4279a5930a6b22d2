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

  static final Map<String, String> GRONDEN = Map.of(
      "HERHAALD_VERZOEK", "herhaald identiek verzoek binnen 3 maanden",
      "ONDUIDELIJK", "verzoek blijft onduidelijk na navraag",
      "ONREDELIJK_BELASTEND", "onredelijk belastend verzoek",
      "GEEN_PERSOONSGEGEVENS", "het betreft geen persoonsgegevens",
      "STRIJD_MET_WETTELIJKE_VERPLICHTING", "in strijd met een wettelijke verplichting",
      "STRIJD_MET_BEWAARTERMIJN", "in strijd met een wettelijke of kantoorbewaartermijn",
      "KLACHT_OF_PROCEDURE", "gegevens nodig voor een klacht, bezwaar of procedure",
      "AMBTELIJKE_REGISTERRAADPLEGING", "gegevens uit een verplichte ambtelijke registerraadpleging",
      "GEEN_GROND_VOOR_BEPERKING", "geen van de gronden van art. 18 lid 1 AVG is van toepassing");

  /** Grounds to grant erasure (PH-PRO-05 §4.2) or restriction (art. 18(1) AVG), shown to the FG on a grant. */
  static final Map<String, String> TOEWIJZINGSGRONDEN = Map.ofEntries(
      Map.entry("NIET_MEER_NODIG", "niet meer nodig voor het doel"),
      Map.entry("TOESTEMMING_INGETROKKEN", "toestemming ingetrokken"),
      Map.entry("BEZWAAR_ZONDER_ZWAARDERE_GRONDEN", "bezwaar zonder zwaarwegende gerechtvaardigde gronden"),
      Map.entry("ONRECHTMATIG", "onrechtmatig verwerkt"),
      Map.entry("WETTELIJKE_PLICHT_TOT_WISSEN", "wettelijke plicht tot wissen"),
      Map.entry("KIND_ONLINE_DIENST", "gegevens van een kind verzameld via een app of website"),
      Map.entry("JUISTHEID_BETWIST", "juistheid betwist (voor de duur van de controle)"),
      Map.entry("ONRECHTMATIG_BEPERKING_GEVRAAGD", "onrechtmatige verwerking; beperking gevraagd in plaats van wissen"),
      Map.entry("NODIG_VOOR_RECHTSVORDERING", "nodig voor een rechtsvordering van de betrokkene"),
      Map.entry("BEZWAAR_AANHANGIG", "bezwaar (art. 21) aanhangig"));

  private final VerzoekRegister register;
  private final VerzoekregisterInProces inProces;
  private final Afwijkingenregister afwijkingen;
  private final FgAdviezen adviezen;

  public FgAdviesInProces(VerzoekRegister register, VerzoekregisterInProces inProces, Afwijkingenregister afwijkingen,
      FgAdviezen adviezen) {
    this.register = register;
    this.inProces = inProces;
    this.afwijkingen = afwijkingen;
    this.adviezen = adviezen;
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
   * grant grounds ({@code toewijzingsgronden}, optional input of the call) of an intended grant.
   */
  public void voorbereiden(DelegateExecution execution) {
    boolean toewijzen = "TOEWIJZEN".equals(execution.getVariable("voorgenomenBesluit"));
    List<String> gronden = Invoercontrole.alsLijst(execution.getVariable(toewijzen ? "toewijzingsgronden"
        : "afwijzingsgronden"));
    Map<String, String> woorden = toewijzen ? TOEWIJZINGSGRONDEN : GRONDEN;
    execution.setVariable("grondenTekst", gronden.isEmpty() ? "geen"
        : String.join("; ", gronden.stream().map(g -> woorden.getOrDefault(g, g)).toList()));
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
