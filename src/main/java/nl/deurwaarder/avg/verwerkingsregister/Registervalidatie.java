package nl.deurwaarder.avg.verwerkingsregister;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The rules a processing must meet before it can be published (PH-PRO-03 §3.3, §3.4). The central one: a bailiff,
 * as a public authority, may not rely on basis f (gerechtvaardigd belang), except for processings of ordinary business
 * operations (bedrijfsvoering), such as the personnel administration.
 */
@Component
public class Registervalidatie {

  private final nl.deurwaarder.avg.kantoor.Verwerkers verwerkers;

  /** @param verwerkers the register of processors: a data type names its processors by their name there */
  public Registervalidatie(nl.deurwaarder.avg.kantoor.Verwerkers verwerkers) {
    this.verwerkers = verwerkers;
  }

  static final Pattern CODE = Pattern.compile("\\d{2}\\.\\d{1,2}\\.\\d{1,2}");

  public static String grondslagFNietToegestaan(String code, String wat) {
    return "Verwerking " + code + ": grondslag f (gerechtvaardigd belang) is niet toegestaan" + wat + ". Een"
        + " gerechtsdeurwaarder mag zich als bestuursorgaan niet op grondslag f beroepen, behalve bij verwerkingen in"
        + " het kader van de reguliere bedrijfsvoering, zoals de personeelsadministratie (PH-PRO-03 §3.3). Kies een"
        + " andere grondslag of merk de verwerking aan als bedrijfsvoering en licht dat toe.";
  }

  /** Every broken rule as a Dutch sentence; empty when the processing may be published. */
  public List<String> fouten(Verwerking v) {
    List<String> f = new ArrayList<>();
    String code = v.code() == null ? "(zonder code)" : v.code();
    if (v.code() == null || !CODE.matcher(v.code()).matches()) {
      f.add("Verwerking " + code + ": de code moet de vorm sectie.proces.verwerking hebben, bijvoorbeeld 40.3.1.");
    }
    verplicht(f, code, v.naam(), "de naam");
    verplicht(f, code, v.doeleind(), "het doeleind");
    verplicht(f, code, v.eigenaar(), "de eigenaar");
    verplicht(f, code, v.grondslagToelichting(), "de toelichting op de grondslag");
    verplicht(f, code, v.beveiliging(), "de beveiligingsmaatregelen");
    if (v.categorieenBetrokkenen().isEmpty()) {
      f.add("Verwerking " + code + ": vul de categorieën betrokkenen in.");
    }
    if (v.categorieenOntvangers().isEmpty()) {
      f.add("Verwerking " + code + ": vul de categorieën ontvangers in (of 'Geen verstrekking aan derden').");
    }
    if (v.grondslag() == null) {
      f.add("Verwerking " + code + ": kies een grondslag (a t/m f van AVG art. 6).");
    } else if (v.grondslag() == Grondslag.F && !v.bedrijfsvoering()) {
      f.add(grondslagFNietToegestaan(code, ""));
    }
    termijn(f, code, "", v.bewaartermijn());
    boolean doorgifte = v.doorgifteBuitenEer() != null && !v.doorgifteBuitenEer().isBlank();
    if (doorgifte && (v.doorgifteGrondslag() == null || v.doorgifteGrondslag().isBlank())) {
      f.add("Verwerking " + code + ": vermeld op welke grondslag gegevens buiten de EER worden doorgegeven"
          + " (AVG hoofdstuk V).");
    }
    if (v.gegevenstypen().isEmpty()) {
      f.add("Verwerking " + code + ": vermeld ten minste één gegevenstype.");
    }
    Set<String> namen = new HashSet<>();
    for (Gegevenstype g : v.gegevenstypen()) {
      String wat = " bij gegevenstype '" + g.naam() + "'";
      if (g.naam() == null || g.naam().isBlank()) {
        f.add("Verwerking " + code + ": een gegevenstype heeft geen naam.");
        continue;
      }
      if (!namen.add(g.naam().toLowerCase())) {
        f.add("Verwerking " + code + ": gegevenstype '" + g.naam() + "' staat er twee keer in.");
      }
      if (g.betrokkene() == null || g.betrokkene().isBlank()) {
        f.add("Verwerking " + code + ": vul de betrokkene in" + wat + ".");
      }
      if (g.bron() == null || g.bron().isBlank()) {
        f.add("Verwerking " + code + ": vul de bron in" + wat + ".");
      }
      if (g.grondslag() == null) {
        f.add("Verwerking " + code + ": kies een grondslag" + wat + ".");
      } else if (g.grondslag() == Grondslag.F && !v.bedrijfsvoering()) {
        f.add(grondslagFNietToegestaan(code, wat));
      }
      termijn(f, code, wat, g.bewaartermijn());
      for (String verwerker : g.verwerkers()) {
        if (verwerkers.naamInRegister(verwerker).isEmpty()) {
          f.add("Verwerking " + code + ": verwerker '" + verwerker + "' staat niet in het register van verwerkers"
              + wat + ". Leg de verwerker eerst vast op de pagina Register van verwerkers, of kies een naam die daar"
              + " staat.");
        }
      }
      if (g.bijzonder() && g.bijzondereCategorie() == null) {
        f.add("Verwerking " + code + ": kies de bijzondere categorie (AVG art. 9 lid 1)" + wat + ".");
      }
      if (!g.bijzonder() && g.bijzondereCategorie() != null) {
        f.add("Verwerking " + code + ": een bijzondere categorie is gekozen maar het gegeven is niet als bijzonder"
            + " persoonsgegeven aangemerkt" + wat + ".");
      }
      if (g.bijzonder() && g.art9Uitzondering() == null && v.art9Uitzondering() == null) {
        f.add("Verwerking " + code + ": een bijzonder persoonsgegeven mag alleen worden verwerkt met een uitzondering"
            + " van AVG art. 9 lid 2; vermeld die" + wat + ".");
      }
    }
    return f;
  }

  private static void verplicht(List<String> f, String code, String waarde, String wat) {
    if (waarde == null || waarde.isBlank()) {
      f.add("Verwerking " + code + ": vul " + wat + " in.");
    }
  }

  private static void termijn(List<String> f, String code, String wat, Bewaartermijn t) {
    if (t == null || t.tekst() == null || t.tekst().isBlank()) {
      f.add("Verwerking " + code + ": vul de bewaartermijn in" + wat + ".");
      return;
    }
    if (t.bron() == null || t.bron().isBlank()) {
      f.add("Verwerking " + code + ": vermeld de bron van de bewaartermijn (PH-ALG-05 of kantoorbeleid)" + wat + ".");
    }
    if (t.aanvang() == null || t.aanvang().isBlank()) {
      f.add("Verwerking " + code + ": vermeld vanaf welk moment de bewaartermijn loopt" + wat + ".");
    }
    if (t.periode() != null && !t.periode().isBlank()) {
      try {
        Period p = Period.parse(t.periode());
        if (p.isNegative()) {
          f.add("Verwerking " + code + ": de bewaartermijn kan niet negatief zijn" + wat + ".");
        }
      } catch (DateTimeParseException e) {
        f.add("Verwerking " + code + ": de termijn '" + t.periode() + "' is geen periode; schrijf bijvoorbeeld P10Y"
            + " (10 jaar), P6M (6 maanden) of P4W (4 weken)" + wat + ".");
      }
    }
  }
}
