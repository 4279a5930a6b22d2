package nl.deurwaarder.avg.brief;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import nl.deurwaarder.avg.engine.Invoercontrole;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;

/**
 * What the person who posted a letter confirms in "Brief afdrukken en versturen": the posting date, the way it went
 * (ordinary post, registered post with its barcode, or served by writ with the writ number). {@link #lees} checks it
 * the same way for Tasklist and for a completion over REST, and refuses bad input with a Dutch message.
 */
public record Postbevestiging(LocalDate gepostOp, String verzendwijze, String kenmerk) {

  public static final String GEWONE_POST = "GEWONE_POST";
  public static final String AANGETEKENDE_POST = "AANGETEKENDE_POST";
  public static final String BETEKENING_EXPLOOT = "BETEKENING_EXPLOOT";

  /** The ways a letter can go by post, with their Dutch names. */
  public static final Map<String, String> VERZENDWIJZEN = Map.of(GEWONE_POST, "gewone post",
      AANGETEKENDE_POST, "aangetekende post", BETEKENING_EXPLOOT, "betekening bij exploot");

  /** Form fields (task variables) of "Brief afdrukken en versturen". */
  public static final String VELD_GEPOST_OP = "gepostOp";
  public static final String VELD_VERZENDWIJZE = "postVerzendwijze";
  public static final String VELD_BARCODE = "barcode";
  public static final String VELD_EXPLOOTNUMMER = "explootnummer";

  /** UPU S10 item number (e.g. RR123456785NL): 2 letters, 8 digits, a check digit, the country code. */
  private static final Pattern S10 = Pattern.compile("[A-Z]{2}(\\d{8})(\\d)[A-Z]{2}");
  /** PostNL barcode (e.g. 3SABCD1234567): 3S, a 4-letter customer code, a serial number. */
  private static final Pattern POSTNL = Pattern.compile("3S[A-Z]{4}\\d{5,11}");
  /** A writ or deed number as bailiff offices write it: letters, digits, and - / . between. */
  private static final Pattern EXPLOOTNUMMER = Pattern.compile("[A-Z0-9][A-Z0-9./ -]{1,48}[A-Z0-9]",
      Pattern.CASE_INSENSITIVE);
  /** "5 december 2026". */
  public static final DateTimeFormatter DATUM_NL = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-NL"));
  private static final int[] S10_GEWICHTEN = {8, 6, 4, 2, 3, 5, 9, 7};

  /**
   * Reads and checks the confirmation. {@code gevraagd} is the way the letter had to go (GEWONE_POST when no way was
   * prescribed, e.g. no e-mail address known); {@code opgesteldOp} the day the letter was written; {@code vandaag}
   * today (Amsterdam, engine clock).
   */
  public static Postbevestiging lees(Map<String, Object> velden, String gevraagd, LocalDate opgesteldOp,
      LocalDate vandaag) {
    Object datumWaarde = velden.get(VELD_GEPOST_OP);
    LocalDate datum = Invoercontrole.alsDatum(datumWaarde);
    if (datum == null) {
      throw new OngeldigeInvoerException("Vul de datum in waarop de brief is gepost of betekend (jjjj-mm-dd).");
    }
    if (datum.isAfter(vandaag)) {
      throw new OngeldigeInvoerException("De verzenddatum ligt in de toekomst. Bevestig de verzending pas nadat "
          + "de brief is gepost of betekend.");
    }
    if (opgesteldOp != null && datum.isBefore(opgesteldOp)) {
      throw new OngeldigeInvoerException("De verzenddatum ligt vóór de dag waarop de brief is opgesteld ("
          + DATUM_NL.format(opgesteldOp) + "). Controleer de datum.");
    }
    String wijze = tekst(velden.get(VELD_VERZENDWIJZE));
    if (!VERZENDWIJZEN.containsKey(wijze)) {
      throw new OngeldigeInvoerException("Kies hoe de brief is verzonden: gewone post, aangetekende post of "
          + "betekening bij exploot.");
    }
    if (Set.of(AANGETEKENDE_POST, BETEKENING_EXPLOOT).contains(gevraagd) && !gevraagd.equals(wijze)) {
      throw new OngeldigeInvoerException("Deze brief moet per " + VERZENDWIJZEN.get(gevraagd) + " worden "
          + "verzonden, niet per " + VERZENDWIJZEN.get(wijze) + ". Verstuur hem zo en bevestig dan.");
    }
    return switch (wijze) {
      case AANGETEKENDE_POST -> new Postbevestiging(datum, wijze, barcode(velden.get(VELD_BARCODE)));
      case BETEKENING_EXPLOOT -> new Postbevestiging(datum, wijze, explootnummer(velden.get(VELD_EXPLOOTNUMMER)));
      default -> new Postbevestiging(datum, wijze, null);
    };
  }

  /** The barcode of a registered item, without spaces, in capitals; refused when it is no valid barcode. */
  static String barcode(Object waarde) {
    String code = tekst(waarde).replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    if (code.isEmpty()) {
      throw new OngeldigeInvoerException("Vul de barcode van de aangetekende zending in (bijvoorbeeld "
          + "RR123456785NL of 3SABCD1234567).");
    }
    var s10 = S10.matcher(code);
    if (s10.matches()) {
      if (s10Controlecijfer(s10.group(1)) != s10.group(2).charAt(0) - '0') {
        throw new OngeldigeInvoerException("De barcode " + code + " klopt niet (controlecijfer). Neem hem "
            + "opnieuw over van het verzendbewijs.");
      }
      return code;
    }
    if (POSTNL.matcher(code).matches()) {
      return code;
    }
    throw new OngeldigeInvoerException("'" + code + "' is geen barcode van een aangetekende zending. Een barcode "
        + "is bijvoorbeeld RR123456785NL (internationaal formaat) of 3SABCD1234567 (PostNL).");
  }

  /** S10 check digit: weights 8 6 4 2 3 5 9 7, 11 minus the remainder; 10 → 0, 11 → 5. */
  static int s10Controlecijfer(String acht) {
    int som = 0;
    for (int i = 0; i < 8; i++) {
      som += (acht.charAt(i) - '0') * S10_GEWICHTEN[i];
    }
    int c = 11 - som % 11;
    return c == 10 ? 0 : c == 11 ? 5 : c;
  }

  private static String explootnummer(Object waarde) {
    String nummer = tekst(waarde);
    if (nummer.isEmpty()) {
      throw new OngeldigeInvoerException("Vul het nummer van het exploot in.");
    }
    if (!EXPLOOTNUMMER.matcher(nummer).matches()) {
      throw new OngeldigeInvoerException("'" + nummer + "' is geen explootnummer: gebruik letters, cijfers en "
          + "- / . (3 tot 50 tekens).");
    }
    return nummer;
  }

  private static String tekst(Object waarde) {
    return waarde == null ? "" : waarde.toString().strip();
  }
}
