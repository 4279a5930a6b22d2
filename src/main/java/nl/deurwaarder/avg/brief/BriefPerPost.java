package nl.deurwaarder.avg.brief;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.deurwaarder.avg.brief.Verzendregister.Verzending;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Letters by post in the diagrams (bean {@code briefPerPost}).
 * <ul>
 *   <li>In a procedure, after a letter step: the gateway "Brief per post te versturen?"
 *       ({@code ${briefPerPost.wachtOp(execution, 'Task_ReactieVerzenden')}}) and the receive task "Wachten op
 *       verzending per post" (message {@value #BERICHT}) hold the procedure until the letter is posted: a reply is
 *       not AFGEHANDELD, a recipient or data subject not informed, before a person confirmed it.</li>
 *   <li>In {@code avg-brief-per-post}: the task "Brief afdrukken en versturen" checks and records the confirmation
 *       ({@link #bevestigen}), then {@link #procedureLatenDoorgaan} wakes the procedure that waits.</li>
 * </ul>
 */
@Component("briefPerPost")
public class BriefPerPost {

  private static final Logger LOG = LoggerFactory.getLogger(BriefPerPost.class);

  /** The message a waiting procedure receives when one of its letters has been posted. */
  public static final String BERICHT = "BriefPerPostVerzonden";

  /**
   * Key suffix of the posted access-code letter that belongs to a letter sent by secure link or encrypted PDF
   * (package {@code levering}): without it the data subject cannot open the letter, so the post check counts it.
   */
  public static final String CODEBRIEF = ":toegangscode";

  /** Replies whose posting date is the request's "verzonden op" (register, legal deadline). */
  private static final Set<BriefType> REACTIES = Set.of(BriefType.REACTIE_INZAGE, BriefType.REACTIE_VERWIJDERING,
      BriefType.REACTIE_CORRECTIE, BriefType.REACTIE_BEPERKING);
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private final Verzendregister verzendregister;
  private final Brieven brieven;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final List<PerPostVerzonden> volgers;
  private final Clock clock;

  public BriefPerPost(Verzendregister verzendregister, Brieven brieven, RuntimeService runtimeService,
      IdentityService identityService, List<PerPostVerzonden> volgers, Clock clock) {
    this.verzendregister = verzendregister;
    this.brieven = brieven;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.volgers = volgers;
    this.clock = clock;
  }

  /**
   * Gateway: the letter written by step {@code stap} of this process instance waits for the post. {@code stap} may
   * name several steps separated by commas (alternative paths); only the letters that were written count, each with
   * its posted access-code letter ({@link #CODEBRIEF}) if it has one.
   */
  public boolean wachtOp(DelegateExecution execution, String stap) {
    return wachtOp(execution, stap, null);
  }

  /** As above, for one of several letters of a step ({@code briefSleutel}, e.g. the recipient). */
  public boolean wachtOp(DelegateExecution execution, String stap, Object briefSleutel) {
    List<Verzending> geschreven = new java.util.ArrayList<>();
    for (String s : stap.split(",")) {
      String sleutel = execution.getProcessInstanceId() + ":" + s.strip()
          + (briefSleutel == null || String.valueOf(briefSleutel).isBlank() ? "" : ":" + briefSleutel);
      verzendregister.vind(sleutel).ifPresent(geschreven::add);
      verzendregister.vind(sleutel + CODEBRIEF).ifPresent(geschreven::add);
    }
    if (geschreven.isEmpty()) {
      throw new IllegalStateException("Geen brief van stap " + stap + " in " + execution.getProcessInstanceId());
    }
    return geschreven.stream().anyMatch(b -> b.status() == Verzendstatus.WACHT_OP_POST);
  }

  /**
   * Complete listener of "Brief afdrukken en versturen": checks the confirmation ({@link Postbevestiging}) and records
   * it with the letter (VERZONDEN, posting date, way, barcode or writ number, who, when) and in the file's history.
   */
  public void bevestigen(DelegateTask task) {
    long id = ((Number) task.getVariable(PostOpdrachten.BRIEF_ID)).longValue();
    Verzending brief = verzendregister.vind(id).orElseThrow(() -> new IllegalStateException("Onbekende brief " + id));
    if (brief.status() != Verzendstatus.WACHT_OP_POST) {
      throw new OngeldigeInvoerException("Deze brief is al als verzonden vastgelegd.");
    }
    Map<String, Object> velden = new HashMap<>();
    for (String veld : List.of(Postbevestiging.VELD_GEPOST_OP, Postbevestiging.VELD_VERZENDWIJZE,
        Postbevestiging.VELD_BARCODE, Postbevestiging.VELD_EXPLOOTNUMMER)) {
      velden.put(veld, task.getVariable(veld));
    }
    Object gevraagd = task.getVariable(PostOpdrachten.GEVRAAGDE_VERZENDWIJZE);
    Postbevestiging b = Postbevestiging.lees(velden, gevraagd == null ? Postbevestiging.GEWONE_POST : gevraagd.toString(),
        brief.opgesteldOp().atZoneSameInstant(AMSTERDAM).toLocalDate(), LocalDate.now(clock.withZone(AMSTERDAM)));
    String door = gebruiker(task);
    String regel = brief.briefType() + " per " + Postbevestiging.VERZENDWIJZEN.get(b.verzendwijze()) + " verzonden op "
        + Postbevestiging.DATUM_NL.format(b.gepostOp())
        + (b.kenmerk() == null ? "" : b.verzendwijze().equals(Postbevestiging.AANGETEKENDE_POST)
            ? " (barcode " + b.kenmerk() + ")" : " (exploot " + b.kenmerk() + ")")
        + (brief.ontvangerNaam() == null ? "" : " aan " + brief.ontvangerNaam()) + ", bevestigd door " + door;
    boolean vastgelegd = verzendregister.postVerzonden(id, b.gepostOp(), b.verzendwijze(), b.kenmerk(), door, () -> {
      brieven.logBrief(brief.referentie(), door, regel);
      Verzending verzonden = verzendregister.vind(id).orElseThrow();
      volgers.forEach(v -> v.verzonden(verzonden, b.gepostOp(), door));
    });
    if (!vastgelegd) {
      throw new OngeldigeInvoerException("Deze brief is al als verzonden vastgelegd.");
    }
    task.setVariable(Postbevestiging.VELD_GEPOST_OP, b.gepostOp().toString());
    LOG.info("Brief {} ({}) per post verzonden bevestigd", brief.briefType(), brief.referentie());
  }

  /**
   * After the confirmation: the procedure that wrote the letter (if it waits at "Wachten op verzending per post")
   * continues. A reply passes its posting date and barcode or writ number on as {@code verzondenOpDatum} and
   * {@code verzendkenmerk}, which the register takes as the date the reply was sent.
   */
  public void procedureLatenDoorgaan(DelegateExecution execution) {
    long id = ((Number) execution.getVariable(PostOpdrachten.BRIEF_ID)).longValue();
    Verzending brief = verzendregister.vind(id).orElseThrow();
    int dubbelepunt = brief.sleutel().indexOf(':');
    if (dubbelepunt <= 0) {
      return; // a letter sent outside a procedure: nobody waits
    }
    String procesId = brief.sleutel().substring(0, dubbelepunt);
    var correlatie = runtimeService.createMessageCorrelation(BERICHT).processInstanceId(procesId);
    if (REACTIES.contains(brief.briefType()) && brief.post() != null && brief.post().gepostOp() != null) {
      correlatie.setVariable("verzondenOpDatum", brief.post().gepostOp().toString());
      if (brief.post().kenmerk() != null) {
        correlatie.setVariable("verzendkenmerk", brief.post().kenmerk());
      }
    }
    Authentication wie = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      correlatie.correlateAllWithResult();
    } finally {
      if (wie != null) {
        identityService.setAuthentication(wie);
      }
    }
  }

  private String gebruiker(DelegateTask task) {
    Authentication auth = identityService.getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      return auth.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : Verzendregister.SYSTEEM;
  }
}
