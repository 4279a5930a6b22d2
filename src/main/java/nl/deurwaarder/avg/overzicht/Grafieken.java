package nl.deurwaarder.avg.overzicht;

import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.deurwaarder.avg.overzicht.Grafiek.Lijn;
import nl.deurwaarder.avg.overzicht.Grafiek.Rechthoek;
import nl.deurwaarder.avg.overzicht.Grafiek.Stip;
import nl.deurwaarder.avg.overzicht.Grafiek.Tekst;
import nl.deurwaarder.avg.overzicht.Privacycijfers.Maandcijfer;

/** The two charts of the overview page and the privacy report, built from the figures of {@link Privacycijfers}. */
public final class Grafieken {

  static final Locale NL = Locale.forLanguageTag("nl-NL");
  static final String BLAUW = "#2f6db5";
  static final String GROEN = "#2e8540";
  static final String ORANJE = "#e07b00";
  static final String ROOD = "#b3261e";
  static final String GRIJS = "#6b6b6b";
  static final String RASTER = "#d9d9d9";
  static final String TEKST = "#222222";

  private Grafieken() {
  }

  /**
   * Requests received per month (bars, left axis) and the share of the handled ones that were handled on time
   * (green dots joined by a line, right axis 0–100 %).
   */
  public static Grafiek verzoekenPerMaand(List<Maandcijfer> maanden) {
    double b = 640;
    double h = 260;
    double links = 44;
    double rechts = 48;
    double boven = 28;
    double onder = 46;
    double plotB = b - links - rechts;
    double plotH = h - boven - onder;
    Grafiek gr = new Grafiek("Verzoeken per maand en aandeel op tijd afgehandeld", b, h);
    int max = Math.max(1, maanden.stream().mapToInt(Maandcijfer::ontvangen).max().orElse(0));
    int stap = schaalstap(max);
    int top = ((max + stap - 1) / stap) * stap;
    for (int v = 0; v <= top; v += stap) {
      double y = boven + plotH - plotH * v / top;
      gr.voeg(new Lijn(links, y, links + plotB, y, RASTER, 1));
      gr.voeg(new Tekst(links - 6, y + 4, Integer.toString(v), 11, "end", GRIJS, false));
    }
    for (int p = 0; p <= 100; p += 25) {
      double y = boven + plotH - plotH * p / 100.0;
      gr.voeg(new Tekst(links + plotB + 6, y + 4, p + "%", 11, "start", GROEN, false));
    }
    int n = Math.max(1, maanden.size());
    double vak = plotB / n;
    double vorigeX = -1;
    double vorigeY = -1;
    for (int i = 0; i < maanden.size(); i++) {
      Maandcijfer m = maanden.get(i);
      double x = links + i * vak;
      double staaf = plotH * m.ontvangen() / top;
      gr.voeg(new Rechthoek(x + vak * 0.2, boven + plotH - staaf, vak * 0.6, staaf, BLAUW));
      if (m.ontvangen() > 0) {
        gr.voeg(new Tekst(x + vak / 2, boven + plotH - staaf - 4, Integer.toString(m.ontvangen()), 10, "middle",
            TEKST, false));
      }
      gr.voeg(new Tekst(x + vak / 2, boven + plotH + 16,
          m.maand().getMonth().getDisplayName(TextStyle.SHORT, NL).replace(".", ""), 11, "middle", TEKST, false));
      if (i == 0 || m.maand().getMonthValue() == 1) {
        gr.voeg(new Tekst(x + vak / 2, boven + plotH + 30, Integer.toString(m.maand().getYear()), 10, "middle",
            GRIJS, false));
      }
      Double aandeel = m.aandeelOpTijd();
      if (aandeel != null) {
        double px = x + vak / 2;
        double py = boven + plotH - plotH * aandeel / 100.0;
        if (vorigeX >= 0) {
          gr.voeg(new Lijn(vorigeX, vorigeY, px, py, GROEN, 2));
        }
        gr.voeg(new Stip(px, py, 3.5, GROEN));
        vorigeX = px;
        vorigeY = py;
      } else {
        vorigeX = -1;
      }
    }
    gr.voeg(new Lijn(links, boven + plotH, links + plotB, boven + plotH, GRIJS, 1));
    // legend
    gr.voeg(new Rechthoek(links, 8, 12, 12, BLAUW));
    gr.voeg(new Tekst(links + 16, 18, "ontvangen verzoeken", 11, "start", TEKST, false));
    gr.voeg(new Stip(links + 176, 14, 4, GROEN));
    gr.voeg(new Tekst(links + 186, 18, "aandeel van de afgehandelde verzoeken op tijd", 11, "start", TEKST, false));
    return gr;
  }

  /** Breaches per category, one bar per severity (limited: orange, moderate to severe: red). */
  public static Grafiek datalekkenPerCategorieEnErnst(Map<String, Map<String, Integer>> perCategorie) {
    double b = 640;
    double h = 240;
    double links = 44;
    double boven = 28;
    double onder = 34;
    double plotB = b - links - 20;
    double plotH = h - boven - onder;
    Grafiek gr = new Grafiek("Datalekken per categorie en ernst", b, h);
    int max = Math.max(1, perCategorie.values().stream().flatMap(m -> m.values().stream())
        .mapToInt(Integer::intValue).max().orElse(0));
    int stap = schaalstap(max);
    int top = ((max + stap - 1) / stap) * stap;
    for (int v = 0; v <= top; v += stap) {
      double y = boven + plotH - plotH * v / top;
      gr.voeg(new Lijn(links, y, links + plotB, y, RASTER, 1));
      gr.voeg(new Tekst(links - 6, y + 4, Integer.toString(v), 11, "end", GRIJS, false));
    }
    List<String> ernsten = Privacycijfers.ERNSTEN;
    List<String> kleuren = List.of(ORANJE, ROOD);
    int n = Math.max(1, perCategorie.size());
    double vak = plotB / n;
    int i = 0;
    for (Map.Entry<String, Map<String, Integer>> c : perCategorie.entrySet()) {
      double x = links + i * vak;
      double staafB = vak * 0.7 / ernsten.size();
      for (int e = 0; e < ernsten.size(); e++) {
        int waarde = c.getValue().getOrDefault(ernsten.get(e), 0);
        double staaf = plotH * waarde / top;
        double sx = x + vak * 0.15 + e * staafB;
        gr.voeg(new Rechthoek(sx + 2, boven + plotH - staaf, staafB - 4, staaf, kleuren.get(e)));
        gr.voeg(new Tekst(sx + staafB / 2, boven + plotH - staaf - 4, Integer.toString(waarde), 10, "middle",
            TEKST, false));
      }
      gr.voeg(new Tekst(x + vak / 2, boven + plotH + 18, Weergave.categorie(c.getKey()), 12, "middle", TEKST,
          false));
      i++;
    }
    gr.voeg(new Lijn(links, boven + plotH, links + plotB, boven + plotH, GRIJS, 1));
    gr.voeg(new Rechthoek(links, 8, 12, 12, ORANJE));
    gr.voeg(new Tekst(links + 16, 18, "beperkt", 11, "start", TEKST, false));
    gr.voeg(new Rechthoek(links + 90, 8, 12, 12, ROOD));
    gr.voeg(new Tekst(links + 106, 18, "matig tot ernstig", 11, "start", TEKST, false));
    return gr;
  }

  /** A round step for the value axis: about five grid lines. */
  static int schaalstap(int max) {
    int ruw = Math.max(1, (int) Math.ceil(max / 5.0));
    int macht = 1;
    while (macht * 10 <= ruw) {
      macht *= 10;
    }
    for (int f : new int[] {1, 2, 5, 10}) {
      if (f * macht >= ruw) {
        return f * macht;
      }
    }
    return 10 * macht;
  }
}
