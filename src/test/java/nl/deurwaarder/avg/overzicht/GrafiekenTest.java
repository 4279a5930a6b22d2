package nl.deurwaarder.avg.overzicht;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.deurwaarder.avg.security.Functiescheiding;
import nl.deurwaarder.avg.security.FunctiescheidingInstellingen;
import javax.xml.parsers.DocumentBuilderFactory;
import nl.deurwaarder.avg.overzicht.Privacycijfers.Maandcijfer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The charts' model, its SVG (well-formed XML, also inside the PDF's XHTML) and who sees which part of the page. */
class GrafiekenTest {

  /** The default incompatible pairs of application.yaml (PH-ORG-02 §2.1). */
  private static final Functiescheiding SCHEIDING = new Functiescheiding(null, new FunctiescheidingInstellingen(
      java.util.List.of(java.util.List.of("fg", "directie"), java.util.List.of("fg", "ictmanagement"),
          java.util.List.of("fg", "hrmanagement"), java.util.List.of("fg", "kantoormanagement"))));

  @Test
  void requestsPerMonthIsWellFormedSvgWithABarPerMonthAndTheOnTimeLine() throws Exception {
    List<Maandcijfer> maanden = List.of(new Maandcijfer(YearMonth.of(2026, 1), 12, 10, 8),
        new Maandcijfer(YearMonth.of(2026, 2), 0, 0, 0), new Maandcijfer(YearMonth.of(2026, 3), 7, 4, 4));
    Grafiek g = Grafieken.verzoekenPerMaand(maanden);
    Document svg = parse(g.svg());
    // 1 legend square + 3 bars (one of height 0)
    assertThat(svg.getElementsByTagName("rect").getLength()).isEqualTo(4);
    // two months with handled requests: two dots plus the legend dot, no line across the empty month
    assertThat(svg.getElementsByTagName("circle").getLength()).isEqualTo(3);
    assertThat(g.svg()).contains(">jan<").contains(">mrt<").contains(">2026<").contains(">12<")
        .contains("aria-label=\"Verzoeken per maand en aandeel op tijd afgehandeld\"");
    assertThat(maanden.get(0).aandeelOpTijd()).isEqualTo(80.0);
    assertThat(maanden.get(1).aandeelOpTijd()).isNull();
  }

  @Test
  void breachesPerCategoryDrawAlsoWithJava2d() throws Exception {
    Map<String, Map<String, Integer>> per = new LinkedHashMap<>();
    per.put("VERTROUWELIJKHEID", Map.of("BEPERKT", 3, "MATIG_TOT_ERNSTIG", 1));
    per.put("INTEGRITEIT", Map.of("BEPERKT", 0, "MATIG_TOT_ERNSTIG", 2));
    Grafiek g = Grafieken.datalekkenPerCategorieEnErnst(per);
    assertThat(parse(g.svg()).getElementsByTagName("rect").getLength()).isEqualTo(2 + 4);
    assertThat(g.svg()).contains(">Vertrouwelijkheid<").contains(">matig tot ernstig<");
    BufferedImage img = new BufferedImage(640, 240, BufferedImage.TYPE_INT_RGB);
    var g2 = img.createGraphics();
    g.teken(g2, 640, 240);
    g2.dispose();
    boolean rood = false;
    for (int x = 0; x < 640 && !rood; x++) {
      for (int y = 0; y < 240 && !rood; y++) {
        rood = img.getRGB(x, y) == (0xff000000 | 0xb3261e);
      }
    }
    assertThat(rood).as("a red bar for 'matig tot ernstig'").isTrue();
  }

  @Test
  void scaleStepsAreRound() {
    assertThat(Grafieken.schaalstap(3)).isEqualTo(1);
    assertThat(Grafieken.schaalstap(14)).isEqualTo(5);
    assertThat(Grafieken.schaalstap(480)).isEqualTo(100);
  }

  @Test
  void eachRoleSeesItsParts() {
    assertThat(Onderdeel.zichtbaarVoor(Set.of("fg"), SCHEIDING)).isEqualTo(EnumSet.allOf(Onderdeel.class));
    assertThat(Onderdeel.zichtbaarVoor(Set.of("directie", "medewerker"), SCHEIDING)).containsExactlyInAnyOrder(
        Onderdeel.VERZOEKEN, Onderdeel.DATALEKKEN, Onderdeel.VERWERKERS, Onderdeel.AFWIJKINGEN,
        Onderdeel.RAPPORTAGES);
    assertThat(Onderdeel.zichtbaarVoor(Set.of("privacycoordinator", "medewerker"), SCHEIDING)).containsExactlyInAnyOrder(
        Onderdeel.VERZOEKEN, Onderdeel.DATALEKKEN, Onderdeel.VERWERKERS, Onderdeel.BRIEVEN, Onderdeel.INCIDENTEN);
    assertThat(Onderdeel.zichtbaarVoor(Set.of("medewerker", "ict"), SCHEIDING)).isEmpty();
    assertThat(Onderdeel.zichtbaarVoor(Set.of("fg", "directie"), SCHEIDING)).as("function separation").isEmpty();
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
