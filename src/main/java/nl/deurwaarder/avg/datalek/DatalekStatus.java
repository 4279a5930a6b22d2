package nl.deurwaarder.avg.datalek;

/** Where a breach is in PH-PRO-04. */
public enum DatalekStatus {
  /** Registered; the coordinator works out the details (§2.2). */
  GEMELD,
  /** Judged a breach; size and follow-up (§3). */
  IN_BEHANDELING,
  /** AP notification being prepared or decided (§4.1). */
  MELDING_AP,
  /** Data subjects and third parties (§4.2, §4.3). */
  NAZORG,
  /** Closed in the register (also "no breach"). */
  AFGESLOTEN,
  /** Closed and evaluated (§6.1). */
  GEEVALUEERD
}
