package nl.deurwaarder.avg.verwerkingsregister;

import java.time.Period;

/**
 * A retention period: the readable text, the machine-readable period (ISO-8601, e.g. {@code P10Y}; {@code null} =
 * without end), the event it counts from, and its reference in PH-ALG-05 (or "kantoorbeleid").
 */
public record Bewaartermijn(String tekst, String periode, String aanvang, String bron) {

  /** The period, or null when the data is kept without end (the repertorium, PH-ALG-05 §3.2). */
  public Period alsPeriode() {
    return periode == null || periode.isBlank() ? null : Period.parse(periode);
  }

  public boolean zonderEindtermijn() {
    return periode == null || periode.isBlank();
  }
}
