package nl.deurwaarder.avg.brief;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import nl.deurwaarder.avg.brief.Verzendregister.Verzending;

/**
 * A letter whose previous send attempt was interrupted mid-send: it may or may not have reached the mail server, so
 * it is not mailed again automatically. The job fails straight into an incident ({@link OnzekereVerzendingPlugin});
 * a person decides on the page {@code /beheer/brieven} after checking the mail server's log. The message names no
 * person (reference, letter id and Message-ID only), because it is stored in the job and the incident.
 */
public class VerzendingOnzekerException extends RuntimeException {

  private static final DateTimeFormatter TIJD = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss")
      .withZone(ZoneId.of("Europe/Amsterdam"));

  private final long briefId;

  public VerzendingOnzekerException(Verzending v) {
    super(bericht(v));
    this.briefId = v.id();
  }

  public long briefId() {
    return briefId;
  }

  /** The marker that ties a job's exception message to its letter, e.g. {@code [brief 42]}. */
  public static String kenmerk(long briefId) {
    return "[brief " + briefId + "]";
  }

  private static String bericht(Verzending v) {
    OffsetDateTime gestart = v.verzendingGestartOp();
    return "Verzending onzeker " + kenmerk(v.id()) + ": " + v.briefType() + " bij " + v.referentie()
        + ". De vorige poging werd onderbroken tijdens het verzenden"
        + (gestart == null ? "" : " (begonnen " + TIJD.format(gestart) + ")")
        + "; de brief wordt niet automatisch opnieuw verzonden. Controleer in het logboek van de mailserver of het "
        + "bericht met Message-ID " + v.messageId() + " is aangenomen en leg de uitkomst vast op /beheer/brieven.";
  }
}
