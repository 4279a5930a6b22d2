package nl.deurwaarder.avg.bewaartermijn;

import java.time.OffsetDateTime;

/**
 * A capability that stores personal data removes them itself when their retention period has passed (PH-ALG-05
 * §6.2/§6.3). The nightly job {@link Bewaartermijn} knows no table: it asks every {@link Bewaarregister} which
 * requests and breaches are due and then calls every implementation of this interface, so a capability that adds a
 * table adds its clean-up next to it. The canary test (BewaartermijnCanaryIT) finds a table or file that was
 * forgotten.
 *
 * <p>Implementations are idempotent (a second call changes nothing) and log counts and references only.
 */
public interface PersoonsgegevensOpruimer {

  /**
   * Removes the personal data this capability holds about one request or breach whose period has passed. Runs in
   * the job's transaction for that reference: if any implementation fails, everything of the reference is rolled
   * back and retried the next night. Returns the number of rows or files changed.
   */
  int ruimOp(String referentie);

  /**
   * The number of things this capability must still keep for the reference because its procedure still runs (it is
   * then reported to the coordinator, never silently kept). Default: none.
   */
  default int wachtend(String referentie) {
    return 0;
  }

  /**
   * Removes personal data that belong to no single reference (a restore after a backup, a mail without a reference)
   * and date from before {@code grens}. Runs once per night in its own transaction. Default: none.
   */
  default int ruimOpVoor(OffsetDateTime grens) {
    return 0;
  }
}
