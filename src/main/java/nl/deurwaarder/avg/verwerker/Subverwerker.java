package nl.deurwaarder.avg.verwerker;

import java.time.LocalDate;

/**
 * A sub-processor a processor uses (PH-ORG-05 §4): when the office was told ({@code gemeldOp}), until when it may object
 * ({@code bezwaarUiterlijk}, the agreement's objection period), and the coordinator's decision with the FG's advice
 * ({@code besluit} null while open, {@code GEEN_BEZWAAR} or {@code BEZWAAR}).
 */
public record Subverwerker(
    long id,
    String naam,
    String dienst,
    String land,
    LocalDate gemeldOp,
    LocalDate bezwaarUiterlijk,
    String besluit,
    LocalDate besluitOp,
    String fgAdvies,
    String toelichting) {

  public boolean bezwaar() {
    return "BEZWAAR".equals(besluit);
  }
}
