package nl.deurwaarder.avg.verzoek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.deurwaarder.avg.engine.Formulierinvulling;
import org.junit.jupiter.api.Test;

/**
 * bpmn/verzoekgronden.dmn and the four "Verzoek beoordelen" forms: the checked-in forms are an exact preview of what
 * the deployment step writes into them from the table, and a changed row reaches the deployed form.
 */
class VerzoekgrondenFormulierenTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Map<String, byte[]> bestanden() throws IOException {
    Map<String, byte[]> bestanden = new LinkedHashMap<>();
    bestanden.put(Grondentabel.BESTAND, Files.readAllBytes(Path.of(Grondentabel.BESTAND)));
    try (Stream<Path> forms = Files.list(Path.of("forms"))) {
      for (Path p : forms.filter(x -> x.toString().endsWith(".form")).sorted().toList()) {
        bestanden.put("forms/" + p.getFileName(), Files.readAllBytes(p));
      }
    }
    return bestanden;
  }

  /** key → [value, label] of every choice field whose key ends in "gronden". */
  static Map<String, List<List<String>>> grondvelden(byte[] formulier) throws IOException {
    Map<String, List<List<String>>> velden = new LinkedHashMap<>();
    for (JsonNode c : JSON.readTree(formulier).path("components")) {
      if (c.path("key").asText("").endsWith("gronden")) {
        List<List<String>> keuzes = new ArrayList<>();
        c.path("values").forEach(v -> keuzes.add(List.of(v.path("value").asText(), v.path("label").asText())));
        velden.put(c.path("key").asText(), keuzes);
      }
    }
    return velden;
  }

  @Test
  void everyGroundInEveryFormIsInTheTableWithTheSameLabelAndViceVersa() throws IOException {
    Map<String, byte[]> bestanden = bestanden();
    Grondentabel tabel = Grondentabel.uitDmn(bestanden.get(Grondentabel.BESTAND));
    int gronden = 0;
    for (VerzoekType type : VerzoekType.values()) {
      String naam = VerzoekgrondenInFormulieren.formulier(type);
      Map<String, List<List<String>>> inFormulier = grondvelden(bestanden.get(naam));
      Map<String, List<List<String>>> inTabel = new LinkedHashMap<>();
      for (String soort : Grondentabel.SOORTEN) {
        List<List<String>> rijen = tabel.gronden(type, soort).stream()
            .map(g -> List.of(g.code(), g.formulierLabel())).toList();
        if (!rijen.isEmpty()) {
          inTabel.put(soort, rijen);
        }
      }
      assertThat(inFormulier).as(naam + " (field → [code, label]) against " + Grondentabel.BESTAND)
          .isEqualTo(inTabel);
      gronden += inTabel.values().stream().mapToInt(List::size).sum();
    }
    // 21 rules; the four shared rejection rows count once per type
    // (inzage 3, erasure 6 + 6, correction 5, restriction 5 + 4)
    assertThat(gronden).isEqualTo(tabel.alle().size()).isEqualTo(29);
  }

  @Test
  void everyIdOfTheTableFitsTheEnginesHistoryColumns() throws IOException {
    // ACT_HI_DEC_OUT.RULE_ID_ and friends are VARCHAR(64): a longer rule id fails every evaluation at run time
    String dmn = Files.readString(Path.of(Grondentabel.BESTAND));
    java.util.regex.Matcher id = java.util.regex.Pattern.compile(" id=\"([^\"]*)\"").matcher(dmn);
    int ids = 0;
    while (id.find()) {
      assertThat(id.group(1)).as("id in " + Grondentabel.BESTAND).hasSizeLessThanOrEqualTo(64);
      ids++;
    }
    assertThat(ids).isGreaterThan(21 * 9);
  }

  @Test
  void theDeployedFormsAreTheCheckedInFormsByteForByte() throws IOException {
    Map<String, byte[]> bestanden = bestanden();
    Map<String, byte[]> gedeployed = Formulierinvulling.vulIn(bestanden, new VerzoekgrondenInFormulieren());
    assertThat(Formulierinvulling.gewijzigd(bestanden, gedeployed)).isEmpty();
  }

  @Test
  void aChangedRowChangesTheOptionOfTheDeployedForm() throws IOException {
    Map<String, byte[]> bestanden = bestanden();
    String dmn = new String(bestanden.get(Grondentabel.BESTAND), StandardCharsets.UTF_8);
    String oud = "<outputEntry id=\"Regel_Inzage_OnredelijkBelastend_Uit2\"><text>\"Onredelijk belastend verzoek\"";
    assertThat(dmn).contains(oud);
    bestanden.put(Grondentabel.BESTAND, dmn.replace(oud,
        "<outputEntry id=\"Regel_Inzage_OnredelijkBelastend_Uit2\"><text>\"Kennelijk buitensporig verzoek\"")
        .getBytes(StandardCharsets.UTF_8));

    Map<String, byte[]> gedeployed = Formulierinvulling.vulIn(bestanden, new VerzoekgrondenInFormulieren());

    assertThat(Formulierinvulling.gewijzigd(bestanden, gedeployed))
        .containsExactly("forms/inzageverzoek-beoordelen.form");
    assertThat(grondvelden(gedeployed.get("forms/inzageverzoek-beoordelen.form")).get("afwijzingsgronden"))
        .containsExactly(List.of("HERHAALD_VERZOEK", "Herhaald identiek verzoek binnen 3 maanden"),
            List.of("ONDUIDELIJK", "Verzoek blijft onduidelijk na navraag"),
            List.of("ONREDELIJK_BELASTEND", "Kennelijk buitensporig verzoek"));
    // the rest of the form is untouched
    JsonNode voor = JSON.readTree(bestanden.get("forms/inzageverzoek-beoordelen.form"));
    JsonNode na = JSON.readTree(gedeployed.get("forms/inzageverzoek-beoordelen.form"));
    assertThat(na.path("components").size()).isEqualTo(voor.path("components").size());
    assertThat(na.path("components").get(5)).isEqualTo(voor.path("components").get(5));
  }

  @Test
  void aRowAddedToAnotherTypeReachesOnlyThatForm() throws IOException {
    Map<String, byte[]> bestanden = bestanden();
    String dmn = new String(bestanden.get(Grondentabel.BESTAND), StandardCharsets.UTF_8);
    // the correction-only ground becomes one of the erasure's grounds as well
    String oud = "<inputEntry id=\"Regel_Correctie_AmbtelijkeRegisterraadpleging_In1\"><text>\"CORRECTIE\"";
    assertThat(dmn).contains(oud);
    bestanden.put(Grondentabel.BESTAND, dmn.replace(oud, oud + ", \"VERWIJDERING\"").getBytes(StandardCharsets.UTF_8));

    Map<String, byte[]> gedeployed = Formulierinvulling.vulIn(bestanden, new VerzoekgrondenInFormulieren());

    assertThat(Formulierinvulling.gewijzigd(bestanden, gedeployed))
        .containsExactly("forms/verwijderverzoek-beoordelen.form");
    assertThat(grondvelden(gedeployed.get("forms/verwijderverzoek-beoordelen.form")).get("afwijzingsgronden"))
        .extracting(k -> k.get(0)).containsExactly("HERHAALD_VERZOEK", "ONDUIDELIJK", "GEEN_PERSOONSGEGEVENS",
            "STRIJD_MET_WETTELIJKE_VERPLICHTING", "STRIJD_MET_BEWAARTERMIJN", "KLACHT_OF_PROCEDURE",
            "AMBTELIJKE_REGISTERRAADPLEGING");
  }

  @Test
  void aGroundForAFieldTheFormDoesNotHaveStopsTheDeployment() throws IOException {
    Map<String, byte[]> bestanden = bestanden();
    String dmn = new String(bestanden.get(Grondentabel.BESTAND), StandardCharsets.UTF_8);
    // a grant ground for access requests: the access form has no field "toewijzingsgronden"
    String oud = "<inputEntry id=\"Regel_Verwijdering_NietMeerNodig_In1\"><text>\"VERWIJDERING\"";
    assertThat(dmn).contains(oud);
    bestanden.put(Grondentabel.BESTAND, dmn.replace(oud, oud + ", \"INZAGE\"").getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> Formulierinvulling.vulIn(bestanden, new VerzoekgrondenInFormulieren()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("forms/inzageverzoek-beoordelen.form: geen veld 'toewijzingsgronden'");
  }

  @Test
  void aTableWhereOneCodeHasTwoLetterSentencesIsRefused() throws IOException {
    String dmn = Files.readString(Path.of(Grondentabel.BESTAND));
    String oud = "<outputEntry id=\"Regel_Inzage_HerhaaldVerzoek_Uit5\"><text>\"U heeft";
    assertThat(dmn).contains(oud);
    byte[] anders = dmn.replace(oud, "<outputEntry id=\"Regel_Inzage_HerhaaldVerzoek_Uit5\"><text>\"Anders: U heeft")
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Grondentabel.uitDmn(anders)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("grond 'HERHAALD_VERZOEK'").hasMessageContaining("briefzin");
  }

  @Test
  void aCodeThatIsNoCodeIsRefused() throws IOException {
    String dmn = Files.readString(Path.of(Grondentabel.BESTAND));
    String oud = "<outputEntry id=\"Regel_Inzage_OnredelijkBelastend_Uit1\"><text>\"ONREDELIJK_BELASTEND\"";
    assertThat(dmn).contains(oud);
    byte[] anders = dmn.replace(oud, "<outputEntry id=\"Regel_Inzage_OnredelijkBelastend_Uit1\"><text>"
        + "\"X') OR 1=1 --\"").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Grondentabel.uitDmn(anders)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("hoofdletters");
  }
}
