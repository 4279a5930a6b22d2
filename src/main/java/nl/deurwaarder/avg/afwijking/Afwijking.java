package nl.deurwaarder.avg.afwijking;

import java.time.OffsetDateTime;

/**
 * One decision against the FG's advice: what was decided, what the FG advised (and why), the motivation for
 * deviating, who decided and when, and when the FG was told (null: not told by the application).
 */
public record Afwijking(long id, Afwijkingssoort soort, String referentie, String onderwerp, String fgAdvies,
    String fgToelichting, String besluit, String motivering, String beslotenDoor, OffsetDateTime beslotenOp,
    OffsetDateTime fgBerichtOp) {

  /** A decision or advice code as words for a reader: {@code NIET_MELDEN} → "niet melden"; other text unchanged. */
  public static String inWoorden(String code) {
    if (code == null || !code.matches("[A-Z][A-Z0-9_]*")) {
      return code;
    }
    return code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
  }

  public String fgAdviesInWoorden() {
    return inWoorden(fgAdvies);
  }

  public String besluitInWoorden() {
    return inWoorden(besluit);
  }
}
