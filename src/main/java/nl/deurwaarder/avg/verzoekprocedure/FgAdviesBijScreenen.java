package nl.deurwaarder.avg.verzoekprocedure;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.deurwaarder.avg.verzoek.FgAdvies;
import nl.deurwaarder.avg.verzoek.FgAdviezen;
import nl.deurwaarder.avg.verzoek.VerzoekregisterInProces;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The FG's advice on doubt while screening (PH-PRO-01 §5.4): recorded in the register when the FG completes "FG-advies
 * bij screenen" (question, advice, who, when), and shown read-only in the returning "Gegevens screenen" task
 * ({@code screeningAdviesTekst}, markdown for the form's text field). The register, not the process history, is the
 * record: it outlives Camunda's history cleanup.
 */
@Component("fgAdviesBijScreenen")
public class FgAdviesBijScreenen {

  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy 'om' HH:mm",
      Locale.forLanguageTag("nl"));

  private final FgAdviezen adviezen;
  private final VerzoekregisterInProces inProces;
  private final IdentityService identityService;

  public FgAdviesBijScreenen(FgAdviezen adviezen, VerzoekregisterInProces inProces, IdentityService identityService) {
    this.adviezen = adviezen;
    this.inProces = inProces;
    this.identityService = identityService;
  }

  /** Complete listener of "FG-advies bij screenen" (after the input check). */
  public void vastleggen(DelegateTask task) {
    adviezen.legVast(VerzoekregisterInProces.referentie(task.getExecution()), task.getId(), FgAdvies.Onderwerp.SCREENEN,
        tekst(task.getVariable("screeningVraag")), null, tekst(task.getVariable("screeningAdvies")),
        inProces.gebruiker(task.getAssignee()));
  }

  /** Create listener of "Gegevens screenen": the FG's advices so far, newest last; empty before the first. */
  public void tonen(DelegateTask task) {
    List<FgAdvies> gegeven = adviezen.lijst(VerzoekregisterInProces.referentie(task.getExecution())).stream()
        .filter(a -> a.onderwerp() == FgAdvies.Onderwerp.SCREENEN).toList();
    task.getExecution().setVariable("screeningAdviesTekst", tekst(gegeven));
  }

  String tekst(List<FgAdvies> gegeven) {
    if (gegeven.isEmpty()) {
      return "";
    }
    return gegeven.stream().map(a -> "#### Advies van de FG\n"
        + "**Gegeven door:** " + naam(a.gegevenDoor()) + "  \n"
        + "**Op:** " + MOMENT.format(a.gegevenOp()) + "  \n"
        + "**Uw vraag:**\n\n" + citaat(a.vraag()) + "\n\n"
        + "**Advies en toelichting:**\n\n" + citaat(a.toelichting()))
        .collect(Collectors.joining("\n\n"));
  }

  private String naam(String gebruiker) {
    if (gebruiker == null) {
      return "onbekend";
    }
    User u = identityService.createUserQuery().userId(gebruiker).singleResult();
    String naam = u == null ? "" : ((u.getFirstName() == null ? "" : u.getFirstName()) + " "
        + (u.getLastName() == null ? "" : u.getLastName())).trim();
    return naam.isEmpty() ? gebruiker : naam + " (" + gebruiker + ")";
  }

  /** A markdown block quote of free text; characters markdown would act on are escaped. */
  static String citaat(String tekst) {
    if (tekst == null || tekst.isBlank()) {
      return "> (geen)";
    }
    return tekst.strip().lines()
        .map(r -> "> " + r.replaceAll("([\\\\`*_{}\\[\\]()#+\\-.!|<>])", "\\\\$1"))
        .collect(Collectors.joining("  \n"));
  }

  private static String tekst(Object waarde) {
    return waarde == null ? null : waarde.toString();
  }
}
