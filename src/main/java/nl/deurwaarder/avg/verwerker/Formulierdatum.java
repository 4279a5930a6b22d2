package nl.deurwaarder.avg.verwerker;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;

/** A date typed on a task form as dd-mm-jjjj (Tasklist 7.24 has no date picker that submits plain dates). */
final class Formulierdatum {

  private static final Pattern DATUM = Pattern.compile("\\s*(\\d{1,2})-(\\d{1,2})-(\\d{4})\\s*");

  private Formulierdatum() {
  }

  /** The date, or null when empty; a Dutch {@link OngeldigeInvoerException} naming the field when unreadable. */
  static LocalDate lees(Object waarde, String label) {
    if (waarde == null || waarde.toString().isBlank()) {
      return null;
    }
    if (waarde instanceof LocalDate d) {
      return d;
    }
    Matcher m = DATUM.matcher(waarde.toString());
    if (!m.matches()) {
      throw new OngeldigeInvoerException(label + ": schrijf de datum als dd-mm-jjjj.");
    }
    try {
      return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
    } catch (DateTimeException e) {
      throw new OngeldigeInvoerException(label + ": deze datum bestaat niet.");
    }
  }
}
