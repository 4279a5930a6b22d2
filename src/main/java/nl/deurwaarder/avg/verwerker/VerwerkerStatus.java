package nl.deurwaarder.avg.verwerker;

import java.time.LocalDate;

/**
 * Where a processor's agreement stands (PH-ORG-05 §12, §10). Derived from the register's dates, never typed in, so
 * that it cannot contradict them.
 */
public enum VerwerkerStatus {
  OVEREENKOMST_VASTLEGGEN("Overeenkomst vastleggen"),
  ACTIEF("Actief"),
  VERKLARING_VERKRIJGEN("Beëindigd: verklaring van verwijdering of teruggave verkrijgen"),
  AFGEROND("Beëindigd en afgerond");

  private final String omschrijving;

  VerwerkerStatus(String omschrijving) {
    this.omschrijving = omschrijving;
  }

  public String omschrijving() {
    return omschrijving;
  }

  static VerwerkerStatus bepaal(LocalDate getekendOp, LocalDate eindigtOp, LocalDate verklaringOp, LocalDate vandaag) {
    if (verklaringOp != null) {
      return AFGEROND;
    }
    if (eindigtOp != null && eindigtOp.isBefore(vandaag)) {
      return VERKLARING_VERKRIJGEN;
    }
    return getekendOp == null ? OVEREENKOMST_VASTLEGGEN : ACTIEF;
  }
}
