package nl.deurwaarder.avg.verzoek;

import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The register as CSV (RFC 4180, UTF-8, header row) for the AP or an auditor. Text that a spreadsheet would run as a
 * formula (starting with = + - @) is prefixed with a single quote.
 */
@Component
public class VerzoekCsv {

  private record Kolom(String naam, Function<Verzoek, Object> waarde) {
  }

  private static final List<Kolom> KOLOMMEN = List.of(
      new Kolom("referentie", Verzoek::referentie),
      new Kolom("verzoekType", Verzoek::verzoekType),
      new Kolom("kanaal", Verzoek::kanaal),
      new Kolom("ontvangenOp", Verzoek::ontvangenOp),
      new Kolom("geregistreerdOp", Verzoek::geregistreerdOp),
      new Kolom("betrokkeneNaam", v -> v.betrokkene().naam()),
      new Kolom("betrokkeneEmail", v -> v.betrokkene().email()),
      new Kolom("betrokkeneDossiernummer", v -> v.betrokkene().dossiernummer()),
      new Kolom("verzoekerRol", Verzoek::verzoekerRol),
      new Kolom("verzoekerNaam", Verzoek::verzoekerNaam),
      new Kolom("behandelaar", Verzoek::behandelaar),
      new Kolom("status", Verzoek::status),
      new Kolom("uitersteReactiedatum", Verzoek::uitersteReactiedatum),
      new Kolom("wettelijkeUitersteDatum", Verzoek::wettelijkeUitersteDatum),
      new Kolom("verlengd", v -> v.verlengd() ? "ja" : "nee"),
      new Kolom("verificatieResultaat", Verzoek::verificatieResultaat),
      new Kolom("afwijzingsgronden", v -> String.join("|", v.afwijzingsgronden())),
      new Kolom("besluit", Verzoek::besluit),
      new Kolom("fgAdvies", Verzoek::fgAdvies),
      new Kolom("afwijkingMotivering", Verzoek::afwijkingMotivering),
      new Kolom("fgAdviezen", v -> String.join("|", v.fgAdviezen().stream().map(a -> a.onderwerp()
          + (a.fgAdvies() == null ? "" : " " + a.fgAdvies()) + " " + a.gegevenDoor() + " " + a.gegevenOp()).toList())),
      new Kolom("hoedanigheden", v -> String.join("|", v.hoedanigheden())),
      new Kolom("art15Verwerkingen", v -> String.join("|", v.art15Verwerkingen())),
      new Kolom("art15Registerversie", Verzoek::art15Registerversie),
      new Kolom("verzondenOp", Verzoek::verzondenOp),
      new Kolom("verzendwijze", Verzoek::verzendwijze),
      new Kolom("verzendingWachtOpPost", v -> v.verzendingWachtOpPost() ? "ja" : "nee"),
      new Kolom("opgehaaldOp", Verzoek::opgehaaldOp),
      new Kolom("uitgevoerdOp", Verzoek::uitgevoerdOp),
      new Kolom("mogelijkHerhaaldVan", Verzoek::mogelijkHerhaaldVan),
      new Kolom("afgeslotenOp", Verzoek::afgeslotenOp),
      new Kolom("geanonimiseerdOp", Verzoek::geanonimiseerdOp),
      // added with the register of processors (PH-ORG-05): at the end, so earlier columns keep their place
      new Kolom("verwerker", Verzoek::verwerker),
      new Kolom("verwerkerOntvangenOp", Verzoek::verwerkerOntvangenOp),
      new Kolom("verwerkerTijdig", Verzoek::verwerkerTijdig));

  public String export(List<Verzoek> verzoeken) {
    StringBuilder csv = new StringBuilder();
    csv.append(String.join(",", KOLOMMEN.stream().map(Kolom::naam).toList())).append("\r\n");
    for (Verzoek v : verzoeken) {
      csv.append(String.join(",", KOLOMMEN.stream().map(k -> veld(k.waarde().apply(v))).toList())).append("\r\n");
    }
    return csv.toString();
  }

  static String veld(Object waarde) {
    return nl.deurwaarder.avg.api.Csv.veld(waarde);
  }
}
