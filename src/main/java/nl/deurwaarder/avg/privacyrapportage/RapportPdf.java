package nl.deurwaarder.avg.privacyrapportage;

import java.util.LinkedHashMap;
import java.util.Map;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import nl.deurwaarder.avg.brief.PdfOpmaak;
import nl.deurwaarder.avg.kantoor.KantoorProfiel;
import nl.deurwaarder.avg.overzicht.Grafiek;
import nl.deurwaarder.avg.overzicht.Grafieken;
import nl.deurwaarder.avg.overzicht.Privacycijfers.Periodecijfers;
import nl.deurwaarder.avg.overzicht.Weergave;
import nl.deurwaarder.avg.verzoek.Grondentabel;
import nl.deurwaarder.avg.verzoek.Verzoekgrond;
import nl.deurwaarder.avg.verzoek.Verzoekgronden;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The Dutch PDF of the half-yearly privacy report (PH-ORG-01 §7.3): the figures of the period as tables and two
 * charts (drawn as PDF vector graphics from the same chart model as the overview page's SVG), then the FG's
 * conclusions and recommendations and the directie's decision once they exist. Figures only: no personal data.
 */
@Component
public class RapportPdf {

  /** The {@code type} of the object elements the chart drawer handles. */
  static final String GRAFIEK_TYPE = "image/x-avg-grafiek";

  /** The texts added after drafting; null while they do not exist yet. */
  public record Teksten(String conclusies, String aanbevelingen, String fgDoor, String fgOp, String besluit,
      String directieDoor, String directieOp) {

    static final Teksten GEEN = new Teksten(null, null, null, null, null, null, null);
  }

  private final PdfOpmaak pdf;
  private final KantoorProfiel kantoor;
  private final Verzoekgronden verzoekgronden;

  public RapportPdf(PdfOpmaak pdf, KantoorProfiel kantoor, Verzoekgronden verzoekgronden) {
    this.pdf = pdf;
    this.kantoor = kantoor;
    this.verzoekgronden = verzoekgronden;
  }

  public byte[] maak(String referentie, String periode, Periodecijfers c, String verwerkers, Teksten t) {
    Map<String, Grafiek> grafieken = new LinkedHashMap<>();
    grafieken.put("verzoeken", Grafieken.verzoekenPerMaand(c.perMaand()));
    grafieken.put("datalekken", Grafieken.datalekkenPerCategorieEnErnst(c.datalekkenPerCategorieEnErnst()));
    DefaultObjectDrawerFactory tekenaars = new DefaultObjectDrawerFactory();
    tekenaars.registerDrawer(GRAFIEK_TYPE, (e, x, y, b, h, uit, ctx, dpp) -> {
      Grafiek g = grafieken.get(e.getAttribute("data-grafiek"));
      if (g != null) {
        uit.drawWithGraphics((float) x, (float) y, (float) b / dpp, (float) h / dpp,
            g2 -> g.teken(g2, b / dpp, h / dpp));
      }
      return null;
    });
    return pdf.pdf(xhtml(referentie, periode, c, verwerkers, t), tekenaars);
  }

  String xhtml(String referentie, String periode, Periodecijfers c, String verwerkers, Teksten t) {
    StringBuilder s = new StringBuilder();
    s.append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"UTF-8\"/><title>Privacyrapportage ")
        .append(e(periode)).append("</title><style>")
        .append("@page { size: A4; margin: 20mm 18mm 20mm 18mm;")
        .append(" @bottom-right { content: \"").append(e(referentie)).append(" – pagina \" counter(page)")
        .append(" \" van \" counter(pages); font: 8pt 'Liberation Sans'; color: #555; } }")
        .append("body { font-family: 'Liberation Sans'; font-size: 10pt; color: #222; }")
        .append("h1 { font-size: 17pt; margin: 0 0 4pt 0; } h2 { font-size: 12.5pt; margin: 14pt 0 4pt 0;")
        .append(" color: #1d4f91; } p { margin: 3pt 0; }")
        .append("table { border-collapse: collapse; margin: 4pt 0 6pt 0; }")
        .append("th, td { border-bottom: 0.5pt solid #ccc; padding: 2pt 8pt 2pt 0; text-align: left; }")
        .append("td.n, th.n { text-align: right; } .zacht { color: #555; }")
        .append(".tekst { white-space: pre-wrap; border-left: 2pt solid #1d4f91; padding-left: 6pt; }")
        .append("div.grafiek { page-break-inside: avoid; margin: 4pt 0; }")
        .append("object { display: block; width: 170mm; height: 68mm; page-break-inside: avoid; }")
        .append("</style></head><body>");
    s.append("<h1>Privacyrapportage ").append(e(periode)).append("</h1>");
    s.append("<p class=\"zacht\">").append(e(kantoor.naam())).append(" – rapportage van de Functionaris")
        .append(" Gegevensbescherming aan de directie (PH-ORG-01 §7.3). Kenmerk ").append(e(referentie))
        .append(". Periode ").append(e(Weergave.datum(c.van()))).append(" t/m ")
        .append(e(Weergave.datum(c.totEnMet()))).append(". Alle cijfers komen uit de registers;")
        .append(" de rapportage bevat geen persoonsgegevens.</p>");

    s.append("<h2>1. AVG-verzoeken</h2>");
    s.append("<table><tr><th>Soort</th><th class=\"n\">Ontvangen</th><th class=\"n\">Afgehandeld</th>")
        .append("<th class=\"n\">Op tijd</th><th class=\"n\">Aandeel op tijd</th></tr>");
    for (String type : c.ontvangenPerType().keySet()) {
      int af = c.afgehandeldPerType().get(type);
      int op = c.opTijdPerType().get(type);
      s.append("<tr><td>").append(e(Weergave.woord(type))).append("</td>").append(n(c.ontvangenPerType().get(type)))
          .append(n(af)).append(n(op)).append("<td class=\"n\">")
          .append(e(Weergave.procent(af == 0 ? null : 100.0 * op / af))).append("</td></tr>");
    }
    s.append("<tr><th>Totaal</th>").append(nb(c.ontvangen())).append(nb(c.afgehandeld())).append(nb(c.opTijd()))
        .append("<th class=\"n\">").append(e(Weergave.procent(c.aandeelOpTijd()))).append("</th></tr></table>");
    s.append("<p>Mediaan van ontvangst tot antwoord: <b>")
        .append(c.mediaanDagen() == null ? "n.v.t." : e(String.format(Weergave.NL, "%.1f dagen",
            c.mediaanDagen())))
        .append("</b>. Verlengd: <b>").append(c.verlengd()).append("</b> van de in deze periode ontvangen verzoeken.")
        .append(" Afgehandeld = in de periode afgesloten (afgehandeld of afgewezen); op tijd = antwoord uiterlijk op")
        .append(" de (eventueel verlengde) uiterste reactiedatum.</p>");
    s.append("<div class=\"grafiek\"><object type=\"").append(GRAFIEK_TYPE)
        .append("\" data-grafiek=\"verzoeken\"></object></div>");

    s.append("<h2>2. Afwijzingen per grond</h2><p>Afgewezen in de periode: <b>").append(c.afgewezen())
        .append("</b>.</p><table><tr><th>Grond</th><th class=\"n\">Aantal</th></tr>");
    Grondentabel gronden = verzoekgronden.tabel();
    c.afwijzingenPerGrond().forEach((g, v) -> {
      if (v > 0) {
        String label = gronden.grond(g).map(Verzoekgrond::kortLabel).orElseGet(() -> Weergave.woord(g));
        s.append("<tr><td>").append(e(label)).append("</td>").append(n(v)).append("</tr>");
      }
    });
    if (c.afwijzingenPerGrond().values().stream().allMatch(v -> v == 0)) {
      s.append("<tr><td colspan=\"2\">Geen afwijzingen.</td></tr>");
    }
    s.append("</table>");

    s.append("<h2>3. Datalekken</h2><p>Meldingen (signalen): <b>").append(c.datalekSignalen())
        .append("</b>, waarvan datalek: <b>").append(c.datalekken()).append("</b> (beperkt: ")
        .append(c.datalekkenPerErnst().get("BEPERKT")).append(", matig tot ernstig: ")
        .append(c.datalekkenPerErnst().get("MATIG_TOT_ERNSTIG")).append(").</p>");
    s.append("<table><tr><th>Categorie</th><th class=\"n\">Beperkt</th><th class=\"n\">Matig tot ernstig</th></tr>");
    c.datalekkenPerCategorieEnErnst().forEach((cat, m) -> s.append("<tr><td>").append(e(Weergave.woord(cat)))
        .append("</td>").append(n(m.get("BEPERKT"))).append(n(m.get("MATIG_TOT_ERNSTIG"))).append("</tr>"));
    s.append("</table>");
    s.append("<div class=\"grafiek\"><object type=\"").append(GRAFIEK_TYPE)
        .append("\" data-grafiek=\"datalekken\"></object></div>");
    s.append("<p>Gemeld bij de Autoriteit Persoonsgegevens: <b>").append(c.apGemeld())
        .append("</b>, waarvan binnen 72 uur na ontdekking: <b>").append(c.apOpTijd()).append("</b> (")
        .append(e(Weergave.procent(c.apGemeld() == 0 ? null : 100.0 * c.apOpTijd() / c.apGemeld())))
        .append("). Besloten niet te melden: <b>").append(c.apNietGemeld())
        .append("</b>. Betrokkenen geïnformeerd: <b>").append(c.betrokkenenGeinformeerd()).append("</b>.</p>");

    s.append("<h2>4. Afwijkingen van het advies van de FG</h2><p>Besluiten tegen het advies van de FG in de")
        .append(" periode: <b>").append(c.afwijkingenFgAdvies()).append("</b>.</p>");
    if (c.afwijkingenFgAdvies() > 0) {
      s.append("<table><tr><th>Soort besluit</th><th class=\"n\">Aantal</th></tr>");
      c.afwijkingenPerSoort().forEach((o, v) -> s.append("<tr><td>").append(e(o)).append("</td>").append(n(v))
          .append("</tr>"));
      s.append("</table>");
    }

    s.append("<h2>5. Verwerkers</h2><p>").append(e(verwerkers)).append("</p>");

    s.append("<h2>6. Verwerkingsregister</h2><p>Gepubliceerde versies: <b>").append(c.registerVersies())
        .append("</b>. Daarin: ");
    StringBuilder voorstellen = new StringBuilder();
    c.voorstellenPerSoort().forEach((soort, v) -> voorstellen.append(voorstellen.isEmpty() ? "" : ", ")
        .append(e(Weergave.woord(soort).toLowerCase(Weergave.NL))).append(": ").append(v));
    s.append(voorstellen).append(". Jaarlijkse reviews gestart: <b>").append(c.reviewsGestart())
        .append("</b>, afgerond: <b>").append(c.reviewsAfgerond()).append("</b>.</p>");

    s.append("<h2>7. Conclusies en aanbevelingen van de FG</h2>");
    if (t.conclusies() == null) {
      s.append("<p class=\"zacht\">Nog in te vullen door de FG.</p>");
    } else {
      s.append("<p><b>Conclusies</b></p><p class=\"tekst\">").append(e(t.conclusies())).append("</p>")
          .append("<p><b>Aanbevelingen</b></p><p class=\"tekst\">").append(e(t.aanbevelingen())).append("</p>")
          .append("<p class=\"zacht\">Vastgelegd door ").append(e(t.fgDoor())).append(" op ").append(e(t.fgOp()))
          .append(".</p>");
    }
    s.append("<h2>8. Besluit van de directie</h2>");
    if (t.besluit() == null) {
      s.append("<p class=\"zacht\">Nog te nemen door de directie.</p>");
    } else {
      s.append("<p class=\"tekst\">").append(e(t.besluit())).append("</p><p class=\"zacht\">Vastgelegd door ")
          .append(e(t.directieDoor())).append(" op ").append(e(t.directieOp())).append(".</p>");
    }
    return s.append("</body></html>").toString();
  }

  private static String n(Integer v) {
    return "<td class=\"n\">" + (v == null ? 0 : v) + "</td>";
  }

  private static String nb(int v) {
    return "<th class=\"n\">" + v + "</th>";
  }

  private static String e(String s) {
    return HtmlUtils.htmlEscape(s == null ? "" : s, "UTF-8");
  }
}
