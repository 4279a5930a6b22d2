package nl.deurwaarder.avg.verwerker;

import java.time.LocalDate;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import nl.deurwaarder.avg.termijn.Datuminvoer;

/**
 * A date typed on a task form as dd-mm-jjjj (Tasklist 7.24 has no date picker that submits plain dates), read by
 * {@link Datuminvoer#leesNederlands}.
 */
final class Formulierdatum {

  private Formulierdatum() {
  }

  /** The date, or null when empty; a Dutch {@link OngeldigeInvoerException} naming the field when unreadable. */
  static LocalDate lees(Object waarde, String label) {
    if (waarde instanceof LocalDate d) {
      return d;
    }
    try {
      return Datuminvoer.leesNederlands(waarde == null ? null : waarde.toString());
    } catch (Datuminvoer.OngeldigeDatumException e) {
      throw new OngeldigeInvoerException(label + ": " + e.getMessage() + ".");
    }
  }
}
