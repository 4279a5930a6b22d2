package nl.deurwaarder.avg.verwerkingsregister;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The published register as CSV (RFC 4180, UTF-8, header row): one row per data type with its processing's fields,
 * for the AP or an auditor. Text a spreadsheet would run as a formula (starting with = + - @) gets a leading quote.
 */
@Component
public class VerwerkingsregisterCsv {

  static final List<String> KOLOMMEN = List.of(
      "versienummer", "versiedatum", "sectieCode", "sectie", "procesCode", "proces", "verwerkingCode", "verwerking",
      "doeleind", "grondslagVerwerking", "grondslagToelichting", "art9UitzonderingVerwerking", "bedrijfsvoering",
      "eigenaar", "categorieenBetrokkenen", "categorieenOntvangers", "bewaartermijnVerwerking",
      "doorgifteBuitenEer", "doorgifteGrondslag", "beveiligingVerwerking", "hoogRisico",
      "gezamenlijkeVerantwoordelijken", "gegevenstype", "betrokkene", "grondslag", "bron", "verwerkers",
      "ontvangers", "systemen", "bewaartermijn", "bewaartermijnPeriode", "bewaartermijnAanvang", "bewaartermijnBron",
      "beveiliging", "bijzonderPersoonsgegeven", "bijzondereCategorie", "art9Uitzondering");

  public String export(RegisterVersie r) {
    StringBuilder csv = new StringBuilder();
    csv.append(String.join(",", KOLOMMEN)).append("\r\n");
    for (Sectie s : r.secties()) {
      for (Proces p : s.processen()) {
        for (Verwerking v : p.verwerkingen()) {
          for (Gegevenstype g : v.gegevenstypen()) {
            List<Object> rij = new ArrayList<>(List.of(
                r.versienummer(), r.versiedatum().toLocalDate(), s.code(), s.naam(), p.code(), p.naam(), v.code(),
                v.naam(), v.doeleind()));
            rij.add(grondslag(v.grondslag()));
            rij.add(v.grondslagToelichting());
            rij.add(v.art9Uitzondering() == null ? null : v.art9Uitzondering().volledig());
            rij.add(v.bedrijfsvoering() ? "ja" : "nee");
            rij.add(v.eigenaar());
            rij.add(String.join("; ", v.categorieenBetrokkenen()));
            rij.add(String.join("; ", v.categorieenOntvangers()));
            rij.add(v.bewaartermijn().tekst());
            rij.add(v.doorgifteBuitenEer() == null ? "geen" : v.doorgifteBuitenEer());
            rij.add(v.doorgifteGrondslag());
            rij.add(v.beveiliging());
            rij.add(v.hoogRisico() ? "ja" : "nee");
            rij.add(String.join("; ", v.gezamenlijkeVerantwoordelijken()));
            rij.add(g.naam());
            rij.add(g.betrokkene());
            rij.add(grondslag(g.grondslag()));
            rij.add(g.bron());
            rij.add(String.join("; ", g.verwerkers()));
            rij.add(String.join("; ", g.ontvangers()));
            rij.add(String.join("; ", g.systemen()));
            rij.add(g.bewaartermijn().tekst());
            rij.add(g.bewaartermijn().zonderEindtermijn() ? "zonder eindtermijn" : g.bewaartermijn().periode());
            rij.add(g.bewaartermijn().aanvang());
            rij.add(g.bewaartermijn().bron());
            rij.add(g.beveiliging());
            rij.add(g.bijzonder() ? "ja" : "nee");
            rij.add(g.bijzondereCategorie() == null ? null : g.bijzondereCategorie().omschrijving());
            rij.add(g.art9Uitzondering() == null ? null : g.art9Uitzondering().volledig());
            csv.append(rij.stream().map(VerwerkingsregisterCsv::veld).collect(Collectors.joining(",")))
                .append("\r\n");
          }
        }
      }
    }
    return csv.toString();
  }

  private static String grondslag(Grondslag g) {
    return g == null ? null : g.volledig();
  }

  static String veld(Object waarde) {
    return nl.deurwaarder.avg.api.Csv.veld(waarde);
  }
}
