package nl.deurwaarder.avg.verzoekprocedure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.brief.Briefteksten;
import nl.deurwaarder.avg.brief.BriefType;
import nl.deurwaarder.avg.brief.Brieven;
import nl.deurwaarder.avg.engine.ProcesDeployment;
import nl.deurwaarder.avg.verzoek.Grondentabel;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import nl.deurwaarder.avg.verzoek.VerzoekerRol;
import nl.deurwaarder.avg.verzoek.Verzoekgronden;
import nl.deurwaarder.avg.verzoek.VerzoekgrondenInFormulieren;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The grounds come from one place, bpmn/verzoekgronden.dmn: the running application reads the deployed table, the
 * deployed forms carry its rows, and a new version of the table changes the letter sentence, the FG's summary and
 * the form option without any other file changing.
 */
@AvgSpringTest
class VerzoekgrondenEenPlaatsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BRIEFZIN = "U heeft minder dan drie maanden geleden hetzelfde verzoek bij ons ingediend.";

  @Autowired
  ProcesTestSteun t;
  @Autowired
  Verzoekgronden verzoekgronden;
  @Autowired
  Briefteksten briefteksten;
  @Autowired
  Brieven brieven;
  @Autowired
  ProcesDeployment procesDeployment;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  IdentityService identityService;

  private final List<String> testDeployments = new ArrayList<>();

  @AfterEach
  void opruimen() {
    identityService.clearAuthentication();
    testDeployments.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  @Test
  void theRunningTableIsTheFileAndTheDeployedFormsCarryIt() throws IOException {
    Grondentabel bestand = Grondentabel.uitDmn(Files.readAllBytes(Path.of(Grondentabel.BESTAND)));
    Grondentabel tabel = verzoekgronden.tabel();
    assertThat(tabel.alle()).isEqualTo(bestand.alle()).hasSize(29);
    assertThat(verzoekgronden.afwijzingsgronden()).containsExactly("HERHAALD_VERZOEK", "ONDUIDELIJK",
        "ONREDELIJK_BELASTEND", "GEEN_PERSOONSGEGEVENS", "STRIJD_MET_WETTELIJKE_VERPLICHTING",
        "STRIJD_MET_BEWAARTERMIJN", "KLACHT_OF_PROCEDURE", "AMBTELIJKE_REGISTERRAADPLEGING",
        "GEEN_GROND_VOOR_BEPERKING");

    Deployment app = repositoryService.createDeploymentQuery().deploymentName(ProcesDeployment.DEPLOYMENT_NAAM)
        .orderByDeploymentTime().desc().list().get(0);
    for (VerzoekType type : VerzoekType.values()) {
      String formulier = VerzoekgrondenInFormulieren.formulier(type);
      JsonNode gedeployed;
      try (InputStream in = repositoryService.getResourceAsStream(app.getId(), formulier)) {
        gedeployed = JSON.readTree(in);
      }
      for (String soort : Grondentabel.SOORTEN) {
        assertThat(keuzes(gedeployed, soort)).as(formulier + " " + soort).isEqualTo(tabel.gronden(type, soort)
            .stream().map(g -> List.of(g.code(), g.formulierLabel())).toList());
      }
    }
  }

  @Test
  void aNewVersionOfTheTableChangesTheLetterTheFgSummaryAndTheFormOption() throws IOException {
    String origineel = Files.readString(Path.of(Grondentabel.BESTAND));
    String gewijzigd = origineel
        .replace(BRIEFZIN, "U diende dit verzoek al eerder in (testversie van de tabel).")
        .replace("\"herhaald identiek verzoek binnen 3 maanden\"", "\"herhaald verzoek (testversie)\"")
        .replace("\"Herhaald identiek verzoek binnen 3 maanden\"", "\"Herhaald verzoek (testversie)\"");
    assertThat(gewijzigd).isNotEqualTo(origineel);
    assertThat(briefteksten.afwijzingsgrond("HERHAALD_VERZOEK")).startsWith(BRIEFZIN);

    // a process owner deploys the changed table; a Tasklist user (no rights on decision definitions) is signed in
    Deployment nieuw = repositoryService.createDeployment().name("test-verzoekgronden")
        .addString(Grondentabel.BESTAND, gewijzigd).deploy();
    testDeployments.add(nieuw.getId());
    identityService.setAuthentication("coordinator-zonder-rechten", List.of("privacycoordinator"));

    // the letter
    assertThat(briefteksten.afwijzingsgrond("HERHAALD_VERZOEK"))
        .startsWith("U diende dit verzoek al eerder in (testversie van de tabel). Dat verzoek hebben wij al");
    assertThat(identityService.getCurrentAuthentication().getUserId()).isEqualTo("coordinator-zonder-rechten");
    identityService.clearAuthentication();
    Verzoek v = t.registreer(VerzoekType.INZAGE, VerzoekerRol.BETROKKENE);
    String brief = ProcesTestSteun.pdfTekst(brieven.opstellen(BriefType.AFWIJZING, v.referentie(),
        Map.of("afwijzingsgronden", List.of("HERHAALD_VERZOEK"))));
    assertThat(brief).contains("U diende dit verzoek al eerder in (testversie van de tabel).")
        .doesNotContain("minder dan drie maanden geleden");

    // the FG's summary in the shared call activity
    t.runtime.deleteProcessInstance(v.processInstanceId(), "alleen de deelprocedure wordt getest");
    ProcessInstance fg = t.runtime.startProcessInstanceByKey("avg-fg-advies", v.referentie(), ProcesTestSteun.vars(
        "voorgenomenBesluit", "AFWIJZEN", "onderwerp", "Inzageverzoek: voorgenomen afwijzing",
        "besluitMotivering", "Derde verzoek.", "afwijzingsgronden", ProcesTestSteun.lijst("HERHAALD_VERZOEK",
            "ONDUIDELIJK"), "referentie", v.referentie(), "betrokkeneNaam", "Pieter de Vries",
        "termijnTekst", "3 april 2026", "uitersteReactiedatum", t.datum(v.uitersteReactiedatum())));
    assertThat((String) t.runtime.getVariable(fg.getId(), "grondenTekst"))
        .isEqualTo("herhaald verzoek (testversie); verzoek blijft onduidelijk na navraag");
    t.runtime.deleteProcessInstance(fg.getId(), "test");

    // the form option, as the deployment step writes it from the same file
    Map<String, byte[]> bestanden = new LinkedHashMap<>(ProcesDeployment.inhoud(procesDeployment.bronbestanden()));
    bestanden.put(Grondentabel.BESTAND, gewijzigd.getBytes(StandardCharsets.UTF_8));
    JsonNode formulier = JSON.readTree(procesDeployment.metKeuzes(bestanden)
        .get("forms/inzageverzoek-beoordelen.form"));
    assertThat(keuzes(formulier, "afwijzingsgronden").get(0))
        .containsExactly("HERHAALD_VERZOEK", "Herhaald verzoek (testversie)");

    // the table's version is removed again: the next read is the application's table
    repositoryService.deleteDeployment(testDeployments.remove(0), true);
    assertThat(briefteksten.afwijzingsgrond("HERHAALD_VERZOEK")).startsWith(BRIEFZIN);
  }

  private static List<List<String>> keuzes(JsonNode formulier, String veld) {
    for (JsonNode c : formulier.path("components")) {
      if (veld.equals(c.path("key").asText())) {
        List<List<String>> keuzes = new ArrayList<>();
        c.path("values").forEach(k -> keuzes.add(List.of(k.path("value").asText(), k.path("label").asText())));
        return keuzes;
      }
    }
    return List.of();
  }
}
