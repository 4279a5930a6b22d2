package nl.deurwaarder.avg.datalek;

/** The size of an incident (PH-PRO-04 §3.1); {@code GEEN_DATALEK} for a signal that is no breach (§2.3). */
public enum Ernst {
  GEEN_DATALEK, BEPERKT, MATIG_TOT_ERNSTIG
}
