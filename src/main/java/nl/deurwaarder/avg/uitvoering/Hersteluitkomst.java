package nl.deurwaarder.avg.uitvoering;

/** Outcome of re-applying a request's executions after a restore. */
public enum Hersteluitkomst {
  /** Erased, corrected or restricted again in every listed system. */
  OPNIEUW_TOEGEPAST,
  /** Not needed: the restored backup did not hold these data (reason in the remark). */
  NIET_NODIG
}
