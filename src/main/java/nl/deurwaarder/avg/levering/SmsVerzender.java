package nl.deurwaarder.avg.levering;

/**
 * The second channel of a secure delivery: a text message to a mobile number. {@link #verstuur} returns only when
 * the gateway accepted the message (or it is in the outbox); otherwise it throws and the job retries.
 */
public interface SmsVerzender {

  void verstuur(String aan, String tekst);

  /** For the start-up log: where messages go (no secrets). */
  String omschrijving();
}
