package nl.deurwaarder.avg.verwerkingsregister;

import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Turns what the coordinator filled in on the form "Verwerking voorstellen" / "Voorstel aanpassen" into a processing.
 * For a change, an empty field keeps the published value. Data types are given one per line:
 * {@code naam | betrokkene | grondslag | bron | bijzondere categorie | art. 9-uitzondering}; a data type that already
 * exists (same name) keeps its processors, recipients, systems, retention and security, a new one takes the
 * processing's.
 */
final class VoorstelFormulier {

  private VoorstelFormulier() {
  }

  static Voorstel.Soort soort(VariableScope s) {
    String soort = tekst(s, "soortWijziging");
    try {
      return Voorstel.Soort.valueOf(soort == null ? "" : soort);
    } catch (IllegalArgumentException e) {
      throw new OngeldigeInvoerException("Kies het soort wijziging: NIEUW, WIJZIGING of VERVALLEN.");
    }
  }

  static Verwerking verwerking(VariableScope s, Optional<Verwerking> bestaand) {
    List<String> fouten = new ArrayList<>();
    String code = tekst(s, "verwerkingCode");
    if (code == null) {
      throw new OngeldigeInvoerException("Vul de code van de verwerking in, bijvoorbeeld 40.3.1.");
    }
    Verwerking b = bestaand.orElse(null);
    Grondslag grondslag = letter(s, "grondslag", Grondslag::van, b == null ? null : b.grondslag(), fouten,
        "grondslag (a t/m f)");
    Art9Uitzondering art9 = letter(s, "art9Uitzondering", Art9Uitzondering::van,
        b == null ? null : b.art9Uitzondering(), fouten, "art. 9-uitzondering (a t/m j)");
    List<String> ontvangers = lijst(s, "categorieenOntvangers", b == null ? List.of() : b.categorieenOntvangers());
    List<String> betrokkenen = lijst(s, "categorieenBetrokkenen",
        b == null ? List.of() : b.categorieenBetrokkenen());
    Bewaartermijn termijn = new Bewaartermijn(
        of(tekst(s, "bewaartermijn"), b == null ? null : b.bewaartermijn().tekst()),
        of(tekst(s, "bewaartermijnPeriode"), b == null ? null : b.bewaartermijn().periode()),
        of(tekst(s, "bewaartermijnAanvang"), b == null ? null : b.bewaartermijn().aanvang()),
        of(tekst(s, "bewaartermijnBron"), b == null ? null : b.bewaartermijn().bron()));
    String beveiliging = of(tekst(s, "beveiliging"), b == null ? null : b.beveiliging());
    List<String> verwerkers = lijst(s, "verwerkers", b == null || b.gegevenstypen().isEmpty() ? List.of()
        : b.gegevenstypen().get(0).verwerkers());
    List<String> systemen = lijst(s, "systemen", b == null || b.gegevenstypen().isEmpty() ? List.of()
        : b.gegevenstypen().get(0).systemen());
    List<Gegevenstype> typen;
    String regels = tekst(s, "gegevenstypen");
    if (regels == null) {
      typen = b == null ? List.of() : b.gegevenstypen();
    } else {
      typen = new ArrayList<>();
      for (String regel : regels.split("\\R")) {
        if (regel.isBlank()) {
          continue;
        }
        String[] d = Arrays.stream(regel.split("\\|", -1)).map(String::trim).toArray(String[]::new);
        String naam = deel(d, 0);
        Optional<Gegevenstype> oud = b == null ? Optional.empty()
            : b.gegevenstypen().stream().filter(g -> g.naam().equalsIgnoreCase(naam)).findFirst();
        Grondslag g = grondslag;
        if (deel(d, 2) != null) {
          try {
            g = Grondslag.van(deel(d, 2));
          } catch (IllegalArgumentException e) {
            fouten.add("Gegevenstype '" + naam + "': onbekende grondslag '" + deel(d, 2) + "' (kies a t/m f).");
          }
        }
        BijzondereCategorie categorie = null;
        if (deel(d, 4) != null) {
          categorie = categorie(deel(d, 4));
          if (categorie == null) {
            fouten.add("Gegevenstype '" + naam + "': onbekende bijzondere categorie '" + deel(d, 4) + "'.");
          }
        }
        Art9Uitzondering uitzondering = null;
        if (deel(d, 5) != null) {
          try {
            uitzondering = Art9Uitzondering.van(deel(d, 5));
          } catch (IllegalArgumentException e) {
            fouten.add("Gegevenstype '" + naam + "': onbekende art. 9-uitzondering '" + deel(d, 5) + "' (a t/m j).");
          }
        }
        typen.add(new Gegevenstype(naam,
            of(deel(d, 1), betrokkenen.isEmpty() ? null : betrokkenen.get(0)), g,
            of(deel(d, 3), oud.map(Gegevenstype::bron).orElse(null)),
            oud.map(Gegevenstype::verwerkers).orElse(verwerkers),
            oud.map(Gegevenstype::ontvangers).orElse(ontvangers),
            oud.map(Gegevenstype::systemen).orElse(systemen),
            oud.map(Gegevenstype::bewaartermijn).orElse(termijn),
            oud.map(Gegevenstype::beveiliging).orElse(beveiliging),
            categorie != null, categorie, uitzondering));
      }
    }
    if (!fouten.isEmpty()) {
      throw new OngeldigeInvoerException(String.join(" ", fouten));
    }
    return new Verwerking(code,
        of(tekst(s, "verwerkingNaam"), b == null ? null : b.naam()),
        of(tekst(s, "doeleind"), b == null ? null : b.doeleind()),
        grondslag,
        of(tekst(s, "grondslagToelichting"), b == null ? null : b.grondslagToelichting()),
        art9,
        jaNee(s, "bedrijfsvoering", b != null && b.bedrijfsvoering()),
        of(tekst(s, "eigenaar"), b == null ? null : b.eigenaar()),
        betrokkenen, ontvangers, termijn,
        of(tekst(s, "doorgifteBuitenEer"), b == null ? null : b.doorgifteBuitenEer()),
        of(tekst(s, "doorgifteGrondslag"), b == null ? null : b.doorgifteGrondslag()),
        beveiliging,
        jaNee(s, "hoogRisico", b != null && b.hoogRisico()),
        b == null ? List.of() : b.gezamenlijkeVerantwoordelijken(),
        typen);
  }

  static String tekst(VariableScope s, String naam) {
    Object w = s.getVariable(naam);
    return w == null || w.toString().isBlank() ? null : w.toString().trim();
  }

  private static String of(String waarde, String anders) {
    return waarde != null ? waarde : anders;
  }

  private static String deel(String[] delen, int i) {
    return i < delen.length && !delen[i].isBlank() ? delen[i] : null;
  }

  private static boolean jaNee(VariableScope s, String naam, boolean anders) {
    String w = tekst(s, naam);
    if (w == null) {
      return anders;
    }
    return w.equalsIgnoreCase("JA") || w.equalsIgnoreCase("true");
  }

  private static <T> T letter(VariableScope s, String naam, Function<String, T> van, T anders, List<String> fouten,
      String wat) {
    String w = tekst(s, naam);
    if (w == null) {
      return anders;
    }
    try {
      return van.apply(w);
    } catch (IllegalArgumentException e) {
      fouten.add("Onbekende " + wat + ": '" + w + "'.");
      return anders;
    }
  }

  private static List<String> lijst(VariableScope s, String naam, List<String> anders) {
    String w = tekst(s, naam);
    if (w == null) {
      return anders;
    }
    return Arrays.stream(w.split("[;\\n\\r]+")).map(String::trim).filter(x -> !x.isEmpty()).toList();
  }

  private static BijzondereCategorie categorie(String tekst) {
    String t = tekst.trim().toLowerCase(Locale.ROOT);
    for (BijzondereCategorie c : BijzondereCategorie.values()) {
      if (c.name().equalsIgnoreCase(t) || c.omschrijving().equalsIgnoreCase(t)) {
        return c;
      }
    }
    return null;
  }

  /** The register's text of one processing, as Markdown for the FG's and the coordinator's task forms. */
  static String samenvatting(Voorstel.Soort soort, Verwerking v, String toelichting) {
    StringBuilder md = new StringBuilder();
    md.append("**").append(switch (soort) {
      case NIEUW -> "Nieuwe verwerking";
      case WIJZIGING -> "Wijziging van verwerking";
      case VERVALLEN -> "Vervallen van verwerking";
    }).append(" ").append(v.code()).append(" ").append(nz(v.naam())).append("**\n\n");
    if (toelichting != null) {
      md.append("*Toelichting:* ").append(toelichting).append("\n\n");
    }
    md.append("- **Doeleind:** ").append(nz(v.doeleind())).append("\n");
    md.append("- **Grondslag:** ").append(v.grondslag() == null ? "–" : v.grondslag().volledig())
        .append(v.bedrijfsvoering() ? " — bedrijfsvoering" : "").append("; ").append(nz(v.grondslagToelichting()))
        .append("\n");
    if (v.art9Uitzondering() != null) {
      md.append("- **Bijzondere persoonsgegevens:** ").append(v.art9Uitzondering().volledig()).append("\n");
    }
    md.append("- **Eigenaar:** ").append(nz(v.eigenaar())).append("\n");
    md.append("- **Betrokkenen:** ").append(String.join("; ", v.categorieenBetrokkenen())).append("\n");
    md.append("- **Ontvangers:** ").append(String.join("; ", v.categorieenOntvangers())).append("\n");
    md.append("- **Bewaartermijn:** ").append(nz(v.bewaartermijn().tekst())).append(" (")
        .append(nz(v.bewaartermijn().bron())).append(")\n");
    md.append("- **Doorgifte buiten de EER:** ").append(v.doorgifteBuitenEer() == null ? "geen"
        : v.doorgifteBuitenEer() + " — " + nz(v.doorgifteGrondslag())).append("\n");
    md.append("- **Beveiliging:** ").append(nz(v.beveiliging())).append("\n");
    md.append("- **Hoog risico (PIA):** ").append(v.hoogRisico() ? "ja" : "nee").append("\n");
    md.append("- **Gegevenstypen:** ");
    md.append(String.join("; ", v.gegevenstypen().stream().map(g -> g.naam() + " (" + g.betrokkene() + ", "
        + (g.grondslag() == null ? "–" : g.grondslag().name().toLowerCase()) + (g.bijzonder()
        ? ", bijzonder: " + g.bijzondereCategorie().omschrijving() : "") + ")").toList()));
    return md.append("\n").toString();
  }

  private static String nz(String s) {
    return s == null ? "–" : s;
  }
}
