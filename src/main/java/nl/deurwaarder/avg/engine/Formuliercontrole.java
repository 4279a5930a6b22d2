package nl.deurwaarder.avg.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Checks the values a task is completed with against its {@link Formulier}: required fields, types, allowed choices
 * (also choices from a {@code valuesKey} variable), {@code minLength}/{@code maxLength}, {@code min}/{@code max},
 * {@code pattern}. A field its {@code conditional.hide} hides is not checked (Tasklist does not submit it). Read-only
 * fields hold what the app wrote and are not checked. Variables that are no field of the form are not looked at.
 * Broken rules throw {@link OngeldigeInvoerException} with a Dutch message naming each field's label and key.
 */
public final class Formuliercontrole {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Formuliercontrole() {
  }

  /** Throws OngeldigeInvoerException naming every field that breaks the form's rules, one sentence each. */
  public static void controleer(Formulier formulier, Function<String, Object> waarden) {
    List<String> fouten = fouten(formulier, waarden);
    if (!fouten.isEmpty()) {
      throw new OngeldigeInvoerException(String.join(" ", fouten));
    }
  }

  /** Every broken rule, one Dutch message per field. */
  public static List<String> fouten(Formulier formulier, Function<String, Object> waarden) {
    List<String> fouten = new ArrayList<>();
    for (Formulierveld veld : formulier.velden()) {
      if (veld.alleenLezen() || (veld.verberg() != null && veld.verberg().verbergt(waarden))) {
        continue;
      }
      String fout = fout(veld, waarden.apply(veld.sleutel()), waarden);
      if (fout != null) {
        fouten.add(melding(veld, fout));
      }
    }
    return fouten;
  }

  /** "Veld 'Label' (sleutel): problem." — the label for the person, the variable name for a REST client. */
  public static String melding(Formulierveld veld, String probleem) {
    return melding(veld.naam(), veld.sleutel(), probleem);
  }

  public static String melding(String label, String sleutel, String probleem) {
    return "Veld '" + label + "' (" + sleutel + "): " + probleem;
  }

  private static String fout(Formulierveld veld, Object waarde, Function<String, Object> waarden) {
    boolean leeg = waarde == null || (waarde instanceof String s && s.isBlank());
    switch (veld.type()) {
      case "checkbox" -> {
        if (waarde == null) {
          return veld.verplicht() ? "vink dit aan." : null;
        }
        Boolean b = waarde instanceof Boolean x ? x : null;
        if (b == null) {
          return "beantwoord met aangevinkt (true) of niet aangevinkt (false), niet '" + kort(waarde) + "'.";
        }
        return veld.verplicht() && !b ? "vink dit aan." : null;
      }
      case "checklist", "taglist" -> {
        List<String> lijst = lijst(waarde);
        if (lijst == null) {
          return "kies uit de opties (een lijst), niet '" + kort(waarde) + "'.";
        }
        if (lijst.isEmpty()) {
          return veld.verplicht() ? "kies ten minste één van de opties." : null;
        }
        List<String> keuzes = keuzes(veld, waarden);
        List<String> fout = lijst.stream().filter(w -> !keuzes.contains(w)).toList();
        return fout.isEmpty() ? null : "'" + kort(String.join(", ", fout)) + "' hoort niet bij de opties; kies uit "
            + opsomming(keuzes) + ".";
      }
      default -> {
        // single values below
      }
    }
    if (leeg) {
      if (!veld.verplicht()) {
        return null;
      }
      return veld.isEnkeleKeuze() ? "kies een van de opties." : "vul dit veld in.";
    }
    if (veld.isEnkeleKeuze()) {
      List<String> keuzes = keuzes(veld, waarden);
      return keuzes.contains(waarde.toString()) ? null : "'" + kort(waarde) + "' hoort niet bij de opties; kies een "
          + "van de opties (" + opsomming(keuzes) + ").";
    }
    if ("number".equals(veld.type())) {
      BigDecimal getal = getal(waarde);
      if (getal == null) {
        return "vul een getal in, niet '" + kort(waarde) + "'.";
      }
      if (veld.minimum() != null && getal.compareTo(veld.minimum()) < 0) {
        return "ten minste " + veld.minimum().toPlainString() + ".";
      }
      if (veld.maximum() != null && getal.compareTo(veld.maximum()) > 0) {
        return "hoogstens " + veld.maximum().toPlainString() + ".";
      }
      return null;
    }
    if ("datetime".equals(veld.type())) {
      return moment(veld.subtype(), waarde) ? null : switch (veld.subtype() == null ? "" : veld.subtype()) {
        case "date" -> "vul een datum in (jjjj-mm-dd).";
        case "time" -> "vul een tijd in (uu:mm).";
        default -> "vul een datum en tijd in (jjjj-mm-ddTuu:mm).";
      };
    }
    if (veld.isTekst()) {
      String tekst = waarde.toString();
      if (veld.maxLengte() != null && tekst.length() > veld.maxLengte()) {
        return "te lang: hoogstens " + veld.maxLengte() + " tekens (nu " + tekst.length() + ").";
      }
      if (veld.minLengte() != null && tekst.length() < veld.minLengte()) {
        return "te kort: ten minste " + veld.minLengte() + " tekens.";
      }
      if (veld.patroon() != null && !Pattern.compile(veld.patroon()).matcher(tekst).matches()) {
        return "'" + kort(tekst) + "' heeft niet de gevraagde vorm.";
      }
    }
    return null;
  }

  private static boolean moment(String subtype, Object waarde) {
    if (waarde instanceof Date) {
      return true;
    }
    String s = waarde.toString().strip();
    try {
      if ("date".equals(subtype)) {
        LocalDate.parse(s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s);
      } else if ("time".equals(subtype)) {
        LocalTime.parse(s.length() > 5 ? s.substring(0, 5) : s);
      } else {
        try {
          OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
          LocalDateTime.parse(s);
        }
      }
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static BigDecimal getal(Object waarde) {
    if (waarde instanceof BigDecimal b) {
      return b;
    }
    if (waarde instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    try {
      return new BigDecimal(waarde.toString().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The choices of the field: its fixed values, or the {@code value}s of the list in its valuesKey variable. */
  static List<String> keuzes(Formulierveld veld, Function<String, Object> waarden) {
    if (veld.keuzesVariabele() == null) {
      return veld.keuzes();
    }
    Object lijst = waarden.apply(veld.keuzesVariabele());
    List<String> keuzes = new ArrayList<>();
    if (lijst instanceof Collection<?> c) {
      for (Object o : c) {
        keuzes.add(o instanceof Map<?, ?> m ? String.valueOf(m.get("value")) : String.valueOf(o));
      }
      return keuzes;
    }
    if (lijst != null) {
      try {
        for (JsonNode k : JSON.readTree(lijst.toString())) {
          keuzes.add(k.isObject() ? k.path("value").asText() : k.asText());
        }
      } catch (IOException e) {
        // not a list of choices: nothing to choose from
      }
    }
    return keuzes;
  }

  /** A list value as Tasklist (JSON array) or a Java client (collection) submits it; null when it is no list. */
  static List<String> lijst(Object waarde) {
    if (waarde == null) {
      return List.of();
    }
    if (waarde instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).toList();
    }
    String s = waarde.toString().strip();
    if (s.isEmpty()) {
      return List.of();
    }
    try {
      JsonNode n = JSON.readTree(s);
      if (!n.isArray()) {
        return null;
      }
      List<String> l = new ArrayList<>();
      n.forEach(x -> l.add(x.asText()));
      return l;
    } catch (IOException e) {
      return null;
    }
  }

  private static String opsomming(List<String> keuzes) {
    return keuzes.isEmpty() ? "geen opties beschikbaar" : String.join(", ", keuzes);
  }

  private static String kort(Object waarde) {
    String s = String.valueOf(waarde);
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
