package nl.deurwaarder.avg.brief;

/** Status of a letter in {@code avg_brief}. */
public enum Verzendstatus {
  /** Written and archived; not yet sent (or the send failed and the job will retry). */
  OPGESTELD,
  /** Accepted by the mail server. */
  VERZONDEN,
  /** No e-mail address known: a person must post the archived PDF. */
  PER_POST
}
