package nl.deurwaarder.avg.api;

/**
 * CSV fields for the register exports (RFC 4180, UTF-8): quoted when needed; text a spreadsheet would run as a
 * formula (starting with = + - @) gets a leading single quote, so an export opened in Excel never executes anything.
 */
public final class Csv {

  private Csv() {
  }

  public static String veld(Object waarde) {
    if (waarde == null) {
      return "";
    }
    String s = String.valueOf(waarde);
    if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      s = "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
