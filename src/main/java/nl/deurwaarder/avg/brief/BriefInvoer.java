package nl.deurwaarder.avg.brief;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The input of one letter, as the templates read it: {@code ${in.tekst('toelichting')}},
 * {@code ${in.datum('uitersteReactiedatum')}} ("21 november 2026"), {@code ${in.lijst('ontvangers')}}. Values may be
 * whatever a process variable holds: text, numbers, booleans, {@link Date}, java.time types, ISO date text,
 * collections, or text with one item per line. Texts are returned as is: templates print them with {@code th:text},
 * which escapes them.
 */
public final class BriefInvoer {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final DateTimeFormatter NEDERLANDS = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));

  private final Map<String, Object> waarden;

  public BriefInvoer(Map<String, Object> waarden) {
    this.waarden = waarden;
  }

  public boolean heeft(String sleutel) {
    Object w = waarden.get(sleutel);
    if (w == null) {
      return false;
    }
    if (w instanceof String s) {
      return !s.isBlank();
    }
    if (w instanceof Collection<?> c) {
      return !c.isEmpty();
    }
    return true;
  }

  /** The value as trimmed text, or {@code null}. */
  public String tekst(String sleutel) {
    if (!heeft(sleutel)) {
      return null;
    }
    Object w = waarden.get(sleutel);
    if (w instanceof Collection<?> c) {
      return String.join(", ", c.stream().map(String::valueOf).toList());
    }
    return String.valueOf(w).strip();
  }

  public boolean ja(String sleutel) {
    Object w = waarden.get(sleutel);
    return w instanceof Boolean b ? b : w != null && "true".equalsIgnoreCase(String.valueOf(w).strip());
  }

  /** The value as a Dutch date ("21 november 2026"), or {@code null}. */
  public String datum(String sleutel) {
    LocalDate d = alsDatum(waarden.get(sleutel));
    return d == null ? null : lang(d);
  }

  /** The value as a list of texts: a collection, or text with one item per line. Empty when absent. */
  public List<String> lijst(String sleutel) {
    Object w = waarden.get(sleutel);
    if (w == null) {
      return List.of();
    }
    List<String> items = new ArrayList<>();
    if (w instanceof Collection<?> c) {
      c.forEach(i -> items.add(String.valueOf(i)));
    } else if (w instanceof Object[] a) {
      Arrays.stream(a).forEach(i -> items.add(String.valueOf(i)));
    } else if (String.valueOf(w).strip().startsWith("[") && String.valueOf(w).strip().endsWith("]")) {
      // a Json array as Tasklist's Camunda Forms submit a checklist: ["A","B"]
      items.addAll(nl.deurwaarder.avg.engine.Invoercontrole.alsLijst(String.valueOf(w)));
    } else {
      items.addAll(Arrays.asList(String.valueOf(w).split("\\R")));
    }
    return items.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /**
   * The "term: uitleg" lines of {@code sleutel} as [term, uitleg] pairs, each term once (quotes, case and spacing
   * ignored) and none of the terms the letter shows already ({@code alGetoond}), e.g. a legend without duplicate rows.
   */
  public List<List<String>> termen(String sleutel, String... alGetoond) {
    java.util.Set<String> gezien = new java.util.HashSet<>();
    Arrays.stream(alGetoond).map(BriefInvoer::term).forEach(gezien::add);
    List<List<String>> regels = new ArrayList<>();
    for (String regel : lijst(sleutel)) {
      int dp = regel.indexOf(':');
      String term = (dp < 0 ? regel : regel.substring(0, dp)).strip();
      String uitleg = dp < 0 ? "" : regel.substring(dp + 1).strip();
      if (!term.isEmpty() && gezien.add(term(term))) {
        regels.add(List.of(term, uitleg));
      }
    }
    return regels;
  }

  private static String term(String tekst) {
    return tekst.replaceAll("[\"'‘’“”`]", "").strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** "21 november 2026". */
  public static String lang(LocalDate datum) {
    return NEDERLANDS.format(datum);
  }

  static LocalDate alsDatum(Object w) {
    if (w == null) {
      return null;
    }
    if (w instanceof LocalDate d) {
      return d;
    }
    if (w instanceof Date d) {
      return d.toInstant().atZone(AMSTERDAM).toLocalDate();
    }
    if (w instanceof OffsetDateTime o) {
      return o.atZoneSameInstant(AMSTERDAM).toLocalDate();
    }
    if (w instanceof ZonedDateTime z) {
      return z.withZoneSameInstant(AMSTERDAM).toLocalDate();
    }
    if (w instanceof Instant i) {
      return i.atZone(AMSTERDAM).toLocalDate();
    }
    if (w instanceof LocalDateTime l) {
      return l.toLocalDate();
    }
    String s = String.valueOf(w).strip();
    if (s.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(s).atZoneSameInstant(AMSTERDAM).toLocalDate();
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException("Geen datum: '" + s + "'");
      }
    }
  }
}
