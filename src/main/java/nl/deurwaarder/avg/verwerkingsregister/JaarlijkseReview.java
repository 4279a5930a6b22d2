package nl.deurwaarder.avg.verwerkingsregister;

import nl.deurwaarder.avg.engine.Procesgegeven;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The Java side of "Jaarlijkse review verwerkingsregister" (bean {@code jaarlijkseReview}): which sections to review,
 * what each section's task shows, the coordinator's judgement per section, and the review record with the FG's
 * sign-off.
 */
@Component("jaarlijkseReview")
public class JaarlijkseReview {

  private final Verwerkingsregister register;
  private final Reviews reviews;
  private final IdentityService identityService;
  private final Clock clock;

  public JaarlijkseReview(Verwerkingsregister register, Reviews reviews, IdentityService identityService,
      Clock clock) {
    this.register = register;
    this.reviews = reviews;
    this.identityService = identityService;
    this.clock = clock;
  }

  /** Service task "Review voorbereiden": the review record and the sections of the published register. */
  public void voorbereiden(DelegateExecution execution) {
    Optional<RegisterVersie> r = register.gepubliceerd();
    int jaar = LocalDate.now(clock).getYear();
    long id = reviews.start(jaar, r.map(RegisterVersie::versienummer).orElse(null), execution.getProcessInstanceId());
    execution.setProcessBusinessKey("Review " + jaar);
    execution.setVariable("reviewId", id);
    execution.setVariable("reviewJaar", jaar);
    execution.setVariable("reviewGestartOp", java.util.Date.from(clock.instant()));
    execution.setVariable("registerversie", r.map(RegisterVersie::versienummer).orElse(0));
    execution.setVariable("sectieCodes", r.map(v -> v.secties().stream().map(Sectie::code)
        .collect(Collectors.joining(","))).orElse(""));
  }

  /** The collection of the multi-instance task: one review task per section. */
  public List<String> secties(DelegateExecution execution) {
    String codes = (String) execution.getVariable("sectieCodes");
    return codes == null || codes.isBlank() ? List.of() : Arrays.asList(codes.split(","));
  }

  /**
   * Create listener of "Sectie beoordelen": shows the section's processings, and gives the task's own execution empty
   * answer fields, so each section's form starts empty and keeps its own answer.
   */
  public void sectieTonen(DelegateTask task) {
    String code = Procesgegeven.verplicht(task, "sectie", "de sectie van het verwerkingsregister").toString();
    RegisterVersie r = register.gepubliceerd().orElseThrow();
    Sectie s = r.secties().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
    StringBuilder md = new StringBuilder();
    for (Proces p : s.processen()) {
      md.append("**").append(p.code()).append(" ").append(p.naam()).append("**\n\n");
      for (Verwerking v : p.verwerkingen()) {
        md.append("- ").append(v.code()).append(" ").append(v.naam()).append(" — grondslag ")
            .append(v.grondslag().name().toLowerCase()).append(", bewaartermijn: ").append(v.bewaartermijn().tekst())
            .append(v.hoogRisico() ? " — **hoog risico**" : "").append("\n");
      }
      md.append("\n");
    }
    DelegateExecution execution = task.getExecution();
    execution.setVariableLocal("sectieTitel", s.code() + " " + s.naam());
    execution.setVariableLocal("sectieOverzicht", md.toString());
    execution.setVariableLocal("sectieOordeel", null);
    execution.setVariableLocal("sectieOpmerkingen", null);
    task.setName("Sectie beoordelen: " + s.code() + " " + s.naam());
  }

  /** Complete listener of "Sectie beoordelen": records the judgement of the section. */
  public void sectieBeoordeeld(DelegateTask task) {
    reviews.sectie(reviewId(task), (String) task.getVariable("sectie"), (String) task.getVariable("sectieOordeel"),
        VoorstelFormulier.tekst(task, "sectieOpmerkingen"), gebruiker(task.getAssignee()));
  }

  /** Create listener of "Review aftekenen (FG)": the coordinator's judgements as Markdown. */
  public void samenvattingTonen(DelegateTask task) {
    Reviews.Review review = reviews.haal(reviewId(task));
    StringBuilder md = new StringBuilder();
    for (Reviews.SectieOordeel s : review.secties()) {
      md.append("- **Sectie ").append(s.sectieCode()).append(":** ")
          .append("ACTUEEL".equals(s.oordeel()) ? "actueel" : "wijziging nodig")
          .append(s.opmerkingen() == null ? "" : " — " + s.opmerkingen()).append(" (").append(s.beoordeeldDoor())
          .append(")\n");
    }
    task.getExecution().setVariable("reviewSamenvatting", md.toString());
  }

  /** Service task "Review vastleggen": date, who signed off, remarks. */
  public void vastleggen(DelegateExecution execution) {
    reviews.afronden(reviewId(execution), (String) execution.getVariable("fgAftekening"),
        VoorstelFormulier.tekst(execution, "fgOpmerkingen"),
        Optional.ofNullable((String) execution.getVariable("afgetekendDoor")).orElse("systeem"));
  }

  /** Complete listener of "Review aftekenen (FG)": who signed off. */
  public void aftekenen(DelegateTask task) {
    task.getExecution().setVariable("afgetekendDoor", gebruiker(task.getAssignee()));
  }

  private static long reviewId(org.camunda.bpm.engine.delegate.VariableScope scope) {
    return Procesgegeven.getal(scope, "reviewId", "de jaarlijkse review");
  }

  private String gebruiker(String assignee) {
    Authentication auth = identityService.getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      return auth.getUserId();
    }
    return assignee != null ? assignee : "systeem";
  }
}
