package nl.deurwaarder.avg.verzoek;

import java.time.OffsetDateTime;

/**
 * One advice of the FG on a request, as kept in the register (table {@code avg_fg_advies}): on an intended decision
 * (PH-PRO-01 §4; {@code fgAdvies} AKKOORD or NIET_AKKOORD with its explanation) or on doubt while screening (§5.4; the
 * coordinator's question and the FG's advice as explanation). Who gave it and when.
 */
public record FgAdvies(
    Onderwerp onderwerp,
    String vraag,
    String fgAdvies,
    String toelichting,
    String gegevenDoor,
    OffsetDateTime gegevenOp) {

  /** What the FG was asked about. */
  public enum Onderwerp {
    VOORGENOMEN_BESLUIT("Advies over het voorgenomen besluit"),
    SCREENEN("Advies bij twijfel over het screenen");

    private final String omschrijving;

    Onderwerp(String omschrijving) {
      this.omschrijving = omschrijving;
    }

    public String omschrijving() {
      return omschrijving;
    }
  }
}
