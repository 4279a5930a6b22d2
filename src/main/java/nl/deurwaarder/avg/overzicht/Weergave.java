package nl.deurwaarder.avg.overzicht;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * Dutch words for the register values (spec/domain.md vocabulary) on the overview page and in the report. The
 * grounds of a request are not here: their short labels are in bpmn/verzoekgronden.dmn
 * ({@code verzoek.Verzoekgronden}).
 */
public final class Weergave {

  public static final Locale NL = Locale.forLanguageTag("nl-NL");
  static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("d MMMM yyyy", NL);
  static final DateTimeFormatter KORT = DateTimeFormatter.ofPattern("d-M-yyyy", NL);
  static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm", NL);

  private static final Map<String, String> WOORDEN = Map.ofEntries(
      Map.entry("INZAGE", "Inzage"), Map.entry("VERWIJDERING", "Verwijdering"), Map.entry("CORRECTIE", "Correctie"),
      Map.entry("BEPERKING", "Beperking"),
      Map.entry("ONTVANGEN", "Ontvangen"), Map.entry("VERIFICATIE", "Verificatie"),
      Map.entry("BEOORDELING", "Beoordeling"), Map.entry("FG_ADVIES", "FG-advies"),
      Map.entry("IN_BEHANDELING", "In behandeling"), Map.entry("VERLENGD", "Verlengd"),
      Map.entry("AFGEWEZEN", "Afgewezen"), Map.entry("AFGEHANDELD", "Afgehandeld"),
      Map.entry("INGETROKKEN", "Ingetrokken"),
      Map.entry("GEMELD", "Gemeld"), Map.entry("MELDING_AP", "Melding AP"), Map.entry("NAZORG", "Nazorg"),
      Map.entry("AFGESLOTEN", "Afgesloten"), Map.entry("GEEVALUEERD", "Geëvalueerd"),
      Map.entry("BESCHIKBAARHEID", "Beschikbaarheid"), Map.entry("VERTROUWELIJKHEID", "Vertrouwelijkheid"),
      Map.entry("INTEGRITEIT", "Integriteit"),
      Map.entry("GEEN_DATALEK", "Geen datalek"), Map.entry("BEPERKT", "Beperkt"),
      Map.entry("MATIG_TOT_ERNSTIG", "Matig tot ernstig"),
      Map.entry("WACHT_OP_POST", "Wacht op verzending per post"), Map.entry("ONZEKER", "Verzending onzeker"),
      Map.entry("NIEUW", "Nieuwe verwerking"), Map.entry("WIJZIGING", "Gewijzigde verwerking"),
      Map.entry("VERVALLEN", "Vervallen verwerking"),
      Map.entry("CONCEPT", "Concept (bij de FG)"), Map.entry("BIJ_DIRECTIE", "Bij de directie"),
      Map.entry("VASTGESTELD", "Vastgesteld"),
      Map.entry("AKKOORD", "Akkoord"), Map.entry("NIET_AKKOORD", "Niet akkoord"));

  private Weergave() {
  }

  /** The Dutch word for a register value; the value itself (lower case, spaces) when unknown. */
  public static String woord(String waarde) {
    if (waarde == null || waarde.isBlank()) {
      return "–";
    }
    return WOORDEN.getOrDefault(waarde, waarde.replace('_', ' ').toLowerCase(NL));
  }

  public static String categorie(String c) {
    return woord(c);
  }

  /** A comma-separated list of register values in Dutch words. */
  public static String lijst(String waarden) {
    if (waarden == null || waarden.isBlank()) {
      return "–";
    }
    return String.join(", ", java.util.Arrays.stream(waarden.split(",")).map(String::strip)
        .filter(s -> !s.isEmpty()).map(Weergave::woord).toList());
  }

  public static String datum(LocalDate d) {
    return d == null ? "–" : KORT.format(d);
  }

  public static String moment(OffsetDateTime t) {
    return t == null ? "–" : MOMENT.format(t.atZoneSameInstant(Privacycijfers.AMSTERDAM));
  }

  public static String procent(Double p) {
    return p == null ? "n.v.t." : String.format(NL, "%.0f%%", p);
  }
}
