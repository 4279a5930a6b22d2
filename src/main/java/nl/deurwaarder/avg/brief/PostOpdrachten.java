package nl.deurwaarder.avg.brief;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.deurwaarder.avg.brief.Verzendregister.Verzending;
import nl.deurwaarder.avg.engine.Invoercontrole;
import nl.deurwaarder.avg.termijn.Termijnberekening;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Makes the "Brief afdrukken en versturen" task for a letter that waits for the post: one instance of
 * {@code bpmn/avg-brief-per-post.bpmn} per letter, with the reference as business key (so the task carries the
 * request's or breach's number in Tasklist and opens its archive). Idempotent: a letter that already has its task
 * gets no second one, so a retried letter step and the start-up check ({@link WachtendePostbrieven}) may both call it.
 */
@Component
public class PostOpdrachten {

  public static final String PROCES = "avg-brief-per-post";
  public static final String BRIEF_ID = "postBriefId";
  public static final String GEVRAAGDE_VERZENDWIJZE = "postGevraagdeVerzendwijze";

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final Termijnberekening termijn;
  private final Clock clock;

  public PostOpdrachten(RuntimeService runtimeService, IdentityService identityService, Termijnberekening termijn,
      Clock clock) {
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.termijn = termijn;
    this.clock = clock;
  }

  /** Whether the letter has an open posting task. */
  public boolean heeftOpdracht(long briefId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCES)
        .variableValueEquals(BRIEF_ID, briefId).count() > 0;
  }

  /**
   * Starts the posting task for a letter that waits for the post, unless it has one. {@code uiterlijk} (may be null)
   * is the file's deadline (e.g. the request's {@code uitersteReactiedatum}): the task is due the next working day,
   * or on that deadline when it comes earlier.
   */
  public void zorgVoorOpdracht(Verzending brief, Object uiterlijk) {
    if (brief.status() != Verzendstatus.WACHT_OP_POST || heeftOpdracht(brief.id())) {
      return;
    }
    String wijze = brief.post() == null || brief.post().verzendwijze() == null ? Postbevestiging.GEWONE_POST
        : brief.post().verzendwijze();
    LocalDate vandaag = LocalDate.now(clock.withZone(AMSTERDAM));
    LocalDate opgesteld = brief.opgesteldOp().atZoneSameInstant(AMSTERDAM).toLocalDate();
    LocalDate termijnDag = termijn.werkdagenNa(vandaag, 1);
    LocalDate deadline = Invoercontrole.alsDatum(uiterlijk);
    if (deadline != null && !deadline.isBefore(vandaag) && deadline.isBefore(termijnDag)) {
      termijnDag = deadline;
    }
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("referentie", brief.referentie());
    v.put(BRIEF_ID, brief.id());
    v.put("postBriefType", brief.briefType().name());
    v.put("postOnderwerp", brief.onderwerp());
    v.put("postOntvanger", brief.ontvangerNaam() == null ? "de geadresseerde in de brief" : brief.ontvangerNaam());
    v.put(GEVRAAGDE_VERZENDWIJZE, wijze);
    v.put(Postbevestiging.VELD_VERZENDWIJZE, wijze);
    v.put("postVerzendwijzeTekst", Postbevestiging.VERZENDWIJZEN.get(wijze));
    v.put("postOpgesteldOp", Date.from(brief.opgesteldOp().toInstant()));
    v.put("postOpgesteldTekst", Postbevestiging.DATUM_NL.format(opgesteld));
    v.put("postBriefLink", "/archief/" + brief.referentie() + "/stukken/" + brief.archiefstukId());
    v.put("postUiterlijk", Date.from(termijn.eindeVanDag(termijnDag).toInstant()));
    v.put("postUiterlijkTekst", Postbevestiging.DATUM_NL.format(termijnDag));
    // bookkeeping of the engine, not an action of whoever caused the letter: no authorization needed
    Authentication wie = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      runtimeService.startProcessInstanceByKey(PROCES, brief.referentie(), v);
    } finally {
      if (wie != null) {
        identityService.setAuthentication(wie);
      }
    }
  }
}
