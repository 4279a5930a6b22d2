package nl.deurwaarder.avg.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A form field's {@code conditional.hide} expression: the small part of FEEL the forms use — a variable compared
 * with {@code =} or {@code !=} to a string, number, {@code true}/{@code false} or {@code null}, a variable on its own
 * (truthy), {@code not(..)}, {@code and}, {@code or} and parentheses, e.g.
 * {@code =verificatieStap != "RESULTAAT" or verificatieResultaat != "NEGATIEF"}. Any other expression is refused when
 * the form is read ({@link IllegalArgumentException}), so a form using more FEEL fails loudly instead of being checked
 * wrongly.
 */
public final class Verbergvoorwaarde {

  private final String tekst;
  private final Knoop wortel;
  private final Set<String> variabelen;

  private Verbergvoorwaarde(String tekst, Knoop wortel, Set<String> variabelen) {
    this.tekst = tekst;
    this.wortel = wortel;
    this.variabelen = variabelen;
  }

  /** Reads a {@code =...} expression; throws IllegalArgumentException for anything outside the subset. */
  public static Verbergvoorwaarde lees(String expressie) {
    if (expressie == null || !expressie.strip().startsWith("=")) {
      throw new IllegalArgumentException("Geen FEEL-expressie (begint niet met '='): " + expressie);
    }
    Lezer lezer = new Lezer(expressie.strip().substring(1));
    Knoop k = lezer.of();
    lezer.spaties();
    if (!lezer.eind()) {
      throw new IllegalArgumentException("Niet ondersteunde FEEL in '" + expressie + "' bij positie " + lezer.pos);
    }
    return new Verbergvoorwaarde(expressie, k, Set.copyOf(lezer.namen));
  }

  /** True when the field is hidden for these variable values. */
  public boolean verbergt(Function<String, Object> waarden) {
    return waar(wortel.waarde(waarden));
  }

  public Set<String> variabelen() {
    return variabelen;
  }

  @Override
  public String toString() {
    return tekst;
  }

  private static boolean waar(Object w) {
    if (w instanceof Boolean b) {
      return b;
    }
    return w != null && !w.toString().isBlank();
  }

  private interface Knoop {
    Object waarde(Function<String, Object> waarden);
  }

  private static final class Lezer {
    private final String s;
    private int pos;
    private final List<String> namen = new ArrayList<>();

    Lezer(String s) {
      this.s = s;
    }

    boolean eind() {
      return pos >= s.length();
    }

    void spaties() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    boolean woord(String w) {
      spaties();
      if (s.startsWith(w, pos) && (pos + w.length() >= s.length()
          || !Character.isLetterOrDigit(s.charAt(pos + w.length())))) {
        pos += w.length();
        return true;
      }
      return false;
    }

    boolean teken(String t) {
      spaties();
      if (s.startsWith(t, pos)) {
        pos += t.length();
        return true;
      }
      return false;
    }

    Knoop of() {
      Knoop links = en();
      while (woord("or")) {
        Knoop a = links;
        Knoop b = en();
        links = w -> waar(a.waarde(w)) || waar(b.waarde(w));
      }
      return links;
    }

    Knoop en() {
      Knoop links = enkel();
      while (woord("and")) {
        Knoop a = links;
        Knoop b = enkel();
        links = w -> waar(a.waarde(w)) && waar(b.waarde(w));
      }
      return links;
    }

    Knoop enkel() {
      spaties();
      if (s.startsWith("not(", pos)) {
        pos += 4;
        Knoop binnen = of();
        verwacht(")");
        return w -> !waar(binnen.waarde(w));
      }
      if (teken("(")) {
        Knoop binnen = of();
        verwacht(")");
        return binnen;
      }
      String naam = naam();
      Knoop variabele = w -> w.apply(naam);
      if (teken("!=")) {
        Knoop rechts = rechts();
        return w -> !gelijk(variabele.waarde(w), rechts.waarde(w));
      }
      if (teken("=")) {
        Knoop rechts = rechts();
        return w -> gelijk(variabele.waarde(w), rechts.waarde(w));
      }
      return variabele;
    }

    /** The right side of a comparison: a literal or another variable ({@code apBesluit = fgApAdvies}). */
    Knoop rechts() {
      spaties();
      if (pos < s.length() && Character.isLetter(s.charAt(pos))
          && !(woordVooruit("null") || woordVooruit("true") || woordVooruit("false"))) {
        String naam = naam();
        return w -> w.apply(naam);
      }
      Object letterlijk = letterlijk();
      return w -> letterlijk;
    }

    private boolean woordVooruit(String w) {
      int voor = pos;
      boolean gevonden = woord(w);
      pos = voor;
      return gevonden;
    }

    String naam() {
      spaties();
      int start = pos;
      while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
        pos++;
      }
      if (start == pos || !Character.isLetter(s.charAt(start))) {
        throw new IllegalArgumentException("Niet ondersteunde FEEL in '=" + s + "' bij positie " + start);
      }
      String n = s.substring(start, pos);
      if (Set.of("and", "or", "not", "null", "true", "false").contains(n)) {
        throw new IllegalArgumentException("Niet ondersteunde FEEL in '=" + s + "': '" + n + "' als variabele");
      }
      namen.add(n);
      return n;
    }

    Object letterlijk() {
      spaties();
      if (teken("\"")) {
        int eind = s.indexOf('"', pos);
        if (eind < 0) {
          throw new IllegalArgumentException("Niet afgesloten tekst in '=" + s + "'");
        }
        String t = s.substring(pos, eind);
        pos = eind + 1;
        return t;
      }
      if (woord("null")) {
        return null;
      }
      if (woord("true")) {
        return Boolean.TRUE;
      }
      if (woord("false")) {
        return Boolean.FALSE;
      }
      int start = pos;
      while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.' || s.charAt(pos) == '-')) {
        pos++;
      }
      if (start == pos) {
        throw new IllegalArgumentException("Niet ondersteunde FEEL in '=" + s + "' bij positie " + start);
      }
      return new java.math.BigDecimal(s.substring(start, pos));
    }

    void verwacht(String t) {
      if (!teken(t)) {
        throw new IllegalArgumentException("'" + t + "' verwacht in '=" + s + "' bij positie " + pos);
      }
    }
  }

  private static boolean gelijk(Object links, Object rechts) {
    if (rechts == null) {
      return links == null;
    }
    if (links == null) {
      return false;
    }
    if (rechts instanceof java.math.BigDecimal getal) {
      try {
        return new java.math.BigDecimal(links.toString()).compareTo(getal) == 0;
      } catch (NumberFormatException e) {
        return false;
      }
    }
    if (rechts instanceof Boolean b) {
      return b.toString().equals(links.toString());
    }
    return rechts.toString().equals(links.toString());
  }
}
