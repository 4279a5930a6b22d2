package nl.deurwaarder.avg.verwerkingsregister;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * The information of AVG art. 15 lid 1 for an access reply (PH-PRO-01; spec/domain.md "reactie op inzageverzoek"):
 * purposes, categories of personal data, recipients, retention and source, taken from the PUBLISHED register for the
 * data subject categories that apply (e.g. "Debiteur"). Publishing a change changes the next reply; drafts never do.
 */
@Service
public class Artikel15Informatie {

  /** One purpose with its processing and legal basis. */
  public record Doel(String verwerkingCode, String verwerking, String doeleind, String grondslag) {
  }

  /** One category of personal data, with whether it is a special category (and which). */
  public record Gegevenscategorie(String naam, String verwerkingCode, boolean bijzonder, String bijzondereCategorie) {
  }

  /** One retention period, per processing. */
  public record Termijn(String verwerkingCode, String verwerking, String bewaartermijn) {
  }

  /** Everything the reply letter needs, with the register version it came from. */
  public record Overzicht(
      int registerversie,
      OffsetDateTime versiedatum,
      List<String> betrokkenen,
      List<Doel> doelen,
      List<Gegevenscategorie> categorieenPersoonsgegevens,
      List<String> ontvangers,
      List<Termijn> bewaartermijnen,
      List<String> bronnen,
      List<String> gezamenlijkeVerantwoordelijken) {

    public boolean leeg() {
      return doelen.isEmpty();
    }
  }

  private final Verwerkingsregister register;

  public Artikel15Informatie(Verwerkingsregister register) {
    this.register = register;
  }

  /** The data subject categories used in the published register, to choose from. */
  public Set<String> betrokkenen() {
    Set<String> alle = new TreeSet<>();
    register.gepubliceerd().ifPresent(r -> r.verwerkingen()
        .forEach(v -> v.gegevenstypen().forEach(g -> alle.add(g.betrokkene()))));
    return alle;
  }

  public Overzicht voor(String betrokkene) {
    return voor(List.of(betrokkene));
  }

  /**
   * The art. 15(1) information for the given data subject categories. A category matches a data type's betrokkene when
   * it equals it, or its main word or the word in brackets ("Debiteur" matches "Gedaagde (debiteur)"), ignoring case.
   */
  public Overzicht voor(Collection<String> betrokkenen) {
    RegisterVersie r = register.gepubliceerd()
        .orElseThrow(() -> new GeenRegisterVersieException("Er is nog geen versie van het verwerkingsregister"
            + " gepubliceerd."));
    Set<Doel> doelen = new LinkedHashSet<>();
    Set<Gegevenscategorie> categorieen = new LinkedHashSet<>();
    Set<String> ontvangers = new LinkedHashSet<>();
    Set<Termijn> termijnen = new LinkedHashSet<>();
    Set<String> bronnen = new LinkedHashSet<>();
    Set<String> gezamenlijk = new LinkedHashSet<>();
    r.verwerkingen().forEach(v -> {
      List<Gegevenstype> typen = v.gegevenstypen().stream()
          .filter(g -> betrokkenen.stream().anyMatch(b -> past(b, g.betrokkene()))).toList();
      if (typen.isEmpty()) {
        return;
      }
      doelen.add(new Doel(v.code(), v.naam(), v.doeleind(), v.grondslag().volledig()));
      for (Gegevenstype g : typen) {
        categorieen.add(new Gegevenscategorie(g.naam(), v.code(), g.bijzonder(),
            g.bijzondereCategorie() == null ? null : g.bijzondereCategorie().omschrijving()));
        g.ontvangers().forEach(ontvangers::add);
        termijnen.add(new Termijn(v.code(), v.naam(), g.bewaartermijn().tekst()));
        bronnen.add(g.bron());
      }
      r.gezamenlijkeVerantwoordelijken().stream()
          .filter(gv -> v.gezamenlijkeVerantwoordelijken().contains(gv.code()))
          .forEach(gv -> gezamenlijk.add(gv.naam()));
    });
    return new Overzicht(r.versienummer(), r.versiedatum(), List.copyOf(betrokkenen), List.copyOf(doelen),
        List.copyOf(categorieen), List.copyOf(ontvangers), List.copyOf(termijnen), List.copyOf(bronnen),
        List.copyOf(gezamenlijk));
  }

  /** What a register entry says when a processing provides no data to anyone. */
  public static final String GEEN_VERSTREKKING = "Geen verstrekking aan derden";

  /** The processings of the published register, in register order, to choose from. */
  public List<Verwerking> verwerkingen() {
    return register.gepubliceerd().map(r -> r.verwerkingen().toList()).orElse(List.of());
  }

  /** The published register's version number, or empty when none has been published. */
  public java.util.Optional<Integer> versie() {
    return register.gepubliceerd().map(RegisterVersie::versienummer);
  }

  /**
   * The codes of the published processings that hold data of the given data subject categories (matched as in
   * {@link #voor(Collection)}), in register order: the processings that apply to someone in that capacity.
   */
  public List<String> verwerkingenVoor(Collection<String> betrokkenen) {
    return verwerkingen().stream()
        .filter(v -> v.gegevenstypen().stream().anyMatch(g -> betrokkenen.stream().anyMatch(b -> past(b, g.betrokkene()))))
        .map(Verwerking::code).toList();
  }

  /**
   * The art. 15(1) information for exactly the chosen processings (codes of the published register), for a data
   * subject in the given categories. Per processing only the data types of those categories count; a chosen processing
   * without such a data type counts with all of its data types (the coordinator chose it for this person). Everything
   * is de-duplicated (ignoring case); "Geen verstrekking aan derden" is a recipient only when there is no other, and a
   * recipient that is the data subject himself (e.g. "Debiteur" for the letters sent to him) is left out. Refuses
   * unknown codes.
   */
  public Overzicht voorVerwerkingen(Collection<String> codes, Collection<String> betrokkenen) {
    RegisterVersie r = register.gepubliceerd()
        .orElseThrow(() -> new GeenRegisterVersieException("Er is nog geen versie van het verwerkingsregister"
            + " gepubliceerd."));
    List<String> onbekend = codes.stream().filter(c -> r.verwerking(c).isEmpty()).toList();
    if (!onbekend.isEmpty()) {
      throw new IllegalArgumentException("Onbekende verwerking(en) in versie " + r.versienummer()
          + " van het verwerkingsregister: " + String.join(", ", onbekend));
    }
    Set<Doel> doelen = new LinkedHashSet<>();
    java.util.Map<String, Gegevenscategorie> categorieen = new java.util.LinkedHashMap<>();
    java.util.Map<String, String> ontvangers = new java.util.LinkedHashMap<>();
    Set<Termijn> termijnen = new LinkedHashSet<>();
    java.util.Map<String, String> bronnen = new java.util.LinkedHashMap<>();
    Set<String> gezamenlijk = new LinkedHashSet<>();
    r.verwerkingen().filter(v -> codes.contains(v.code())).forEach(v -> {
      List<Gegevenstype> typen = v.gegevenstypen().stream()
          .filter(g -> betrokkenen.stream().anyMatch(b -> past(b, g.betrokkene()))).toList();
      if (typen.isEmpty()) {
        typen = v.gegevenstypen();
      }
      doelen.add(new Doel(v.code(), v.naam(), v.doeleind(), v.grondslag().volledig()));
      for (Gegevenstype g : typen) {
        String sleutel = basis(g.naam());
        Gegevenscategorie eerder = categorieen.get(sleutel);
        boolean bijzonder = g.bijzonder() || eerder != null && eerder.bijzonder();
        String bijzondereCategorie = g.bijzondereCategorie() != null ? g.bijzondereCategorie().omschrijving()
            : eerder == null ? null : eerder.bijzondereCategorie();
        // the same kind of data in other words ("E-mailadres en telefoonnummer" / "Telefoonnummer en e-mailadres",
        // "Gegevens van de vordering" / "... (factuur, hoofdsom)"): once, with the most detailed name
        String naam = eerder == null || g.naam().length() > eerder.naam().length() ? g.naam() : eerder.naam();
        categorieen.put(sleutel, new Gegevenscategorie(naam, eerder == null ? v.code() : eerder.verwerkingCode(),
            bijzonder, bijzondereCategorie));
        // a recipient without a condition covers the same recipient with one ("Opdrachtgever (bij ...)")
        g.ontvangers().stream().filter(o -> betrokkenen.stream().noneMatch(b -> past(b, o)))
            .forEach(o -> ontvangers.merge(basis(o), o.strip(), (a, b) -> a.length() <= b.length() ? a : b));
        termijnen.add(new Termijn(v.code(), v.naam(), g.bewaartermijn().tekst()));
        if (g.bron() != null) {
          java.util.Arrays.stream(g.bron().split(";")).map(String::strip).filter(b -> !b.isEmpty())
              .map(b -> betrokkenen.stream().anyMatch(x -> past(x, b)) ? ZELF : hoofdletter(b))
              .forEach(b -> bronnen.merge(basis(b), b, (x, y) -> x.length() >= y.length() ? x : y));
        }
      }
      r.gezamenlijkeVerantwoordelijken().stream()
          .filter(gv -> v.gezamenlijkeVerantwoordelijken().contains(gv.code()))
          .forEach(gv -> gezamenlijk.add(gv.naam()));
    });
    String geen = basis(GEEN_VERSTREKKING);
    List<String> echteOntvangers = ontvangers.entrySet().stream().filter(e -> !e.getKey().equals(geen))
        .map(java.util.Map.Entry::getValue).toList();
    return new Overzicht(r.versienummer(), r.versiedatum(), List.copyOf(betrokkenen), List.copyOf(doelen),
        List.copyOf(categorieen.values()),
        echteOntvangers.isEmpty() ? List.of(GEEN_VERSTREKKING) : zonderAfkortingen(echteOntvangers),
        List.copyOf(termijnen), zonderAfkortingen(List.copyOf(bronnen.values())), List.copyOf(gezamenlijk));
  }

  /** Leaves out an abbreviation that another item spells out: "BRP" beside "Basisregistratie Personen (BRP)". */
  static List<String> zonderAfkortingen(List<String> items) {
    return items.stream().filter(a -> items.stream().noneMatch(b -> b != a
        && b.toLowerCase(Locale.ROOT).contains("(" + a.strip().toLowerCase(Locale.ROOT) + ")"))).toList();
  }

  /** A source that is the data subject himself ("Debiteur" for a debtor). */
  public static final String ZELF = "De betrokkene zelf";

  /** The words of a text without its explanations in brackets, lower case, in alphabetical order. */
  static String basis(String tekst) {
    String t = tekst == null ? "" : tekst.replaceAll("\\([^)]*\\)", " ");
    return java.util.Arrays.stream(t.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}-]+"))
        .filter(w -> !w.isEmpty() && !w.equals("en")).sorted().collect(java.util.stream.Collectors.joining(" "));
  }

  private static String hoofdletter(String tekst) {
    return tekst.isEmpty() ? tekst : tekst.substring(0, 1).toUpperCase(Locale.ROOT) + tekst.substring(1);
  }

  static boolean past(String gevraagd, String betrokkene) {
    if (gevraagd == null || betrokkene == null) {
      return false;
    }
    String q = gevraagd.trim().toLowerCase(Locale.ROOT);
    String b = betrokkene.trim().toLowerCase(Locale.ROOT);
    if (b.equals(q)) {
      return true;
    }
    int haak = b.indexOf('(');
    if (haak > 0) {
      String hoofd = b.substring(0, haak).trim();
      String tussen = b.substring(haak + 1, b.indexOf(')', haak) < 0 ? b.length() : b.indexOf(')', haak)).trim();
      return hoofd.equals(q) || tussen.equals(q);
    }
    return false;
  }
}
