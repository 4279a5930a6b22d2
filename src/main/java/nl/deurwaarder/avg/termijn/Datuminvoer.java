package nl.deurwaarder.avg.termijn;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date a person types on the application's own pages, written the Dutch way: {@value #VORM} (31-01-2026; also
 * 31-1-2026, 31.01.2026 or 31/01/2026), as on Tasklist's forms. The pages use a text field, not the browser's date
 * field: that one shows its dates in the browser's language (mm/dd/yyyy in an English browser), whatever the page
 * says. A link or program may still send the ISO form 2026-01-31.
 */
public final class Datuminvoer {

  public static final String VORM = "dd-mm-jjjj";
  private static final Pattern NEDERLANDS = Pattern.compile("(\\d{1,2})([-./])(\\d{1,2})\\2(\\d{4})");
  private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final DateTimeFormatter SCHRIJF = DateTimeFormatter.ofPattern("dd-MM-yyyy");
  private static final Pattern ISO_MET_TIJD = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ].*");
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private Datuminvoer() {
  }

  /**
   * The date, or null when nothing was typed.
   *
   * @throws OngeldigeDatumException with a Dutch message ("schrijf de datum als dd-mm-jjjj, …" or "deze datum bestaat
   *     niet") when the text is no date
   */
  public static LocalDate lees(String tekst) {
    return lees(tekst, true);
  }

  /** As {@link #lees(String)}, but only the Dutch way: a task form that asks for {@value #VORM} refuses 2026-01-31. */
  public static LocalDate leesNederlands(String tekst) {
    return lees(tekst, false);
  }

  private static LocalDate lees(String tekst, boolean ookIso) {
    if (tekst == null || tekst.isBlank()) {
      return null;
    }
    String t = tekst.strip();
    int jaar;
    int maand;
    int dag;
    Matcher nl = NEDERLANDS.matcher(t);
    Matcher iso = ISO.matcher(t);
    if (nl.matches()) {
      dag = Integer.parseInt(nl.group(1));
      maand = Integer.parseInt(nl.group(3));
      jaar = Integer.parseInt(nl.group(4));
    } else if (ookIso && iso.matches()) {
      jaar = Integer.parseInt(iso.group(1));
      maand = Integer.parseInt(iso.group(2));
      dag = Integer.parseInt(iso.group(3));
    } else {
      throw new OngeldigeDatumException("schrijf de datum als " + VORM + ", bijvoorbeeld 31-01-2026");
    }
    try {
      return LocalDate.of(jaar, maand, dag);
    } catch (DateTimeException e) {
      throw new OngeldigeDatumException("deze datum bestaat niet");
    }
  }

  /**
   * A date a Camunda task or start form hands over: a {@link Date} (the day in Amsterdam), a {@link LocalDate}, text
   * as {@link #lees(String)} reads it, or ISO text with a time part ("2026-01-31T00:00:00", the day counts). Null when
   * empty. The callers put the field's name in their own message.
   *
   * @throws OngeldigeDatumException when the text is no date
   */
  public static LocalDate leesFormulierwaarde(Object waarde) {
    if (waarde == null || String.valueOf(waarde).isBlank()) {
      return null;
    }
    if (waarde instanceof LocalDate d) {
      return d;
    }
    if (waarde instanceof Date d) {
      return d.toInstant().atZone(AMSTERDAM).toLocalDate();
    }
    String s = String.valueOf(waarde).strip();
    return lees(ISO_MET_TIJD.matcher(s).matches() ? s.substring(0, 10) : s, true);
  }

  /** The date as the text field shows it ({@value #VORM}); "" for none. */
  public static String schrijf(LocalDate datum) {
    return datum == null ? "" : SCHRIJF.format(datum);
  }

  /** Text that is no date; the message is Dutch and starts in lower case, to follow the field's name. */
  public static class OngeldigeDatumException extends IllegalArgumentException {
    OngeldigeDatumException(String melding) {
      super(melding);
    }
  }
}
