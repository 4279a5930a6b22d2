package nl.deurwaarder.avg.verzoek;

import java.util.regex.Pattern;

/**
 * A mobile number for the second channel of a secure delivery (SMS). Accepted: a Dutch mobile number (06 12345678,
 * +31 6 12345678, 0031 6 ...) or an international number with country code (+32 470 12 34 56); spaces, dashes, dots
 * and brackets are ignored. Stored in international form without spaces: +31612345678.
 */
public final class Telefoonnummer {

  private static final Pattern OPMAAK = Pattern.compile("[\\s\\-.()]");
  private static final Pattern NEDERLANDS_MOBIEL = Pattern.compile("^\\+316\\d{8}$");
  private static final Pattern INTERNATIONAAL = Pattern.compile("^\\+[1-9]\\d{7,14}$");

  private Telefoonnummer() {
  }

  /** The number in international form, or the input unchanged (trimmed) when it is no phone number; null stays null. */
  public static String normaliseer(String invoer) {
    if (invoer == null || invoer.isBlank()) {
      return null;
    }
    String n = OPMAAK.matcher(invoer.strip()).replaceAll("");
    if (n.startsWith("00")) {
      n = "+" + n.substring(2);
    } else if (n.startsWith("06")) {
      n = "+31" + n.substring(1);
    }
    return geldigGenormaliseerd(n) ? n : invoer.strip();
  }

  public static boolean geldig(String invoer) {
    String n = normaliseer(invoer);
    return n != null && geldigGenormaliseerd(n);
  }

  private static boolean geldigGenormaliseerd(String n) {
    if (n.startsWith("+31")) {
      return NEDERLANDS_MOBIEL.matcher(n).matches(); // a Dutch number must be a mobile one: an SMS has to arrive
    }
    return INTERNATIONAAL.matcher(n).matches();
  }
}
