package nl.deurwaarder.avg.brief;

import java.util.List;
import nl.deurwaarder.avg.brief.Verzendregister.Verzending;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Letters in doubt (status ONZEKER, see {@link BriefVerzenden}) and the decision a person takes on each after checking
 * the mail server's log: "was delivered" (VERZONDEN, the procedure continues without mailing) or "not delivered, send
 * again" (OPGESTELD, the letter step mails it). Either way the letter step's incident is retried once, so the
 * procedure continues without further action in Cockpit.
 */
@Service
public class OnzekereBrieven {

  private static final Logger LOG = LoggerFactory.getLogger(OnzekereBrieven.class);

  /** Outcome of a decision, for the page. */
  public enum Uitkomst { VASTGELEGD, NIET_ONZEKER, ONBEKEND }

  private final Verzendregister verzendregister;
  private final Brieven brieven;
  private final ManagementService managementService;

  public OnzekereBrieven(Verzendregister verzendregister, Brieven brieven, ManagementService managementService) {
    this.verzendregister = verzendregister;
    this.brieven = brieven;
    this.managementService = managementService;
  }

  public List<Verzending> lijst() {
    return verzendregister.onzekereVerzendingen();
  }

  /**
   * Records the decision on letter {@code id} by {@code gebruiker} (register line with the user) and lets the letter
   * step run again. Only a letter that is ONZEKER can be decided on.
   */
  public Uitkomst beslis(long id, boolean verzonden, String gebruiker) {
    Verzending v = verzendregister.vind(id).orElse(null);
    if (v == null) {
      return Uitkomst.ONBEKEND;
    }
    boolean vastgelegd = verzendregister.beslis(id, verzonden, () -> brieven.logBrief(v.referentie(), gebruiker,
        v.briefType() + (verzonden
            ? ": verzending bevestigd na controle van het logboek van de mailserver (" + v.messageId() + ")"
            : ": niet aangekomen volgens het logboek van de mailserver, wordt opnieuw verzonden")));
    if (!vastgelegd) {
      return Uitkomst.NIET_ONZEKER;
    }
    int hervat = hervatBriefstap(v);
    LOG.info("Brief {} ({}): besluit {} door {}, {} stap(pen) hervat", id, v.referentie(),
        verzonden ? "VERZONDEN" : "OPNIEUW", gebruiker, hervat);
    return Uitkomst.VASTGELEGD;
  }

  /** Gives the failed job(s) of this letter's step one retry (resolving the incident); returns how many. */
  private int hervatBriefstap(Verzending v) {
    String[] delen = v.sleutel().split(":", 3);
    if (delen.length < 2) {
      return 0; // a letter sent outside a process (own key): nothing to resume
    }
    String kenmerk = VerzendingOnzekerException.kenmerk(v.id());
    List<Job> jobs = managementService.createJobQuery().processInstanceId(delen[0]).activityId(delen[1])
        .noRetriesLeft().list().stream()
        .filter(j -> j.getExceptionMessage() != null && j.getExceptionMessage().contains(kenmerk)).toList();
    jobs.forEach(j -> {
      managementService.setJobRetries(j.getId(), 1);
      // a failed job is due again only after its retry interval (R5/PT5M): the decision makes it due now
      managementService.setJobDuedate(j.getId(), ClockUtil.getCurrentTime());
    });
    return jobs.size();
  }
}
