package nl.deurwaarder.avg.brief;

/** Status of a letter in {@code avg_brief}. */
public enum Verzendstatus {
  /** Written and archived; not yet sent (or the send failed and the job will retry). */
  OPGESTELD,
  /** Handed to the mail server right now; committed before the SMTP dialogue starts. */
  VERZENDEN,
  /**
   * An attempt to send was interrupted (the node died during the SMTP dialogue): whether the mail went out is unknown.
   * The letter is not mailed again until a person has checked the mail server's log and decided.
   */
  ONZEKER,
  /** Accepted by the mail server, or posted (confirmed by a person: date, way, barcode or writ number). */
  VERZONDEN,
  /**
   * The letter goes by post (no e-mail address, or registered post / writ chosen): written and archived, and a
   * "Brief afdrukken en versturen" task asks a person to print and post it. Not sent until that person confirms the
   * posting (then VERZONDEN with the posting date).
   */
  WACHT_OP_POST
}
