package nl.deurwaarder.avg.verzoekprocedure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.verzoek.Betrokkene;
import nl.deurwaarder.avg.verzoek.Kanaal;
import nl.deurwaarder.avg.verzoek.NieuwVerzoek;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekIntake;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import nl.deurwaarder.avg.verzoek.Verzoeker;
import nl.deurwaarder.avg.verzoek.VerzoekerRol;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13.5: the request's text and key facts in the task form, without downloading anything: a task of a request
 * carries {@code verzoekInTaak} (from the register, the requester's text escaped), and every form of the request
 * procedures shows it right under the reference.
 */
@AvgSpringTest
class VerzoekInTaakTest {

  @Autowired
  VerzoekIntake intake;
  @Autowired
  ManagementService managementService;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;

  @Test
  void theFirstTaskOfARequestShowsItsTextAndKeyFacts() {
    Verzoek v = intake.registreer(new NieuwVerzoek(VerzoekType.INZAGE, Kanaal.BRIEF,
        OffsetDateTime.parse("2026-03-02T10:00:00+01:00"),
        new Betrokkene("Tekst In Taak", "tekst.taak@example.org", null, null, null),
        new Verzoeker(VerzoekerRol.BEWINDVOERDER, "Mr. B. Bewind", "b@bewind.example", "Bewind & Co"),
        "Ik wil weten welke gegevens u heeft.\nZie [deze link](https://kwaad.example) en **vet**."), "coordinator");
    managementService.createJobQuery().processInstanceId(v.processInstanceId()).list()
        .forEach(j -> managementService.executeJob(j.getId()));
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(v.referentie()).list().get(0);

    String md = (String) taskService.getVariableLocal(task.getId(), VerzoekInTaak.VARIABELE);
    assertThat(md).contains("**Soort:** inzageverzoek (PH-PRO-01)")
        .contains("**Ontvangen:** 2 maart 2026 via brief")
        .contains("**Verzoeker:** bewindvoerder — Mr\\. B\\. Bewind (Bewind \\& Co)")
        .contains("**Uiterste reactiedatum:** ")
        .contains("**Tekst van het verzoek:**")
        .contains("Ik wil weten welke gegevens u heeft\\.  \nZie \\[deze link\\]\\(https://kwaad\\.example\\) en "
            + "\\*\\*vet\\*\\*\\.");
  }

  /**
   * engine.HistorieZonderKopieen: the display copy (on every task) and the letter step's input parameter (briefType of
   * the acknowledgement) are not in Camunda's history; what the coordinator entered and the process variables are.
   */
  @Test
  void displayCopiesAndLetterInputsStayOutOfTheHistoryWhatWasEnteredStaysIn() {
    Verzoek v = intake.registreer(new NieuwVerzoek(VerzoekType.INZAGE, Kanaal.EMAIL,
        OffsetDateTime.parse("2026-03-02T10:00:00+01:00"),
        new Betrokkene("Historie Kopie", "historie.kopie@example.org", null, null, null), null,
        "Welke gegevens heeft u van mij?"), "coordinator");
    String pi = v.processInstanceId();
    managementService.createJobQuery().processInstanceId(pi).list()
        .forEach(j -> managementService.executeJob(j.getId()));
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(v.referentie()).list().get(0);
    assertThat((String) taskService.getVariableLocal(task.getId(), VerzoekInTaak.VARIABELE)).contains("Welke gegevens");
    taskService.complete(task.getId(), java.util.Map.of("verzoekDuidelijk", "JA"));
    Task volgende = taskService.createTaskQuery().processInstanceBusinessKey(v.referentie()).list().get(0);
    assertThat(taskService.getVariableLocal(volgende.getId(), VerzoekInTaak.VARIABELE)).isNotNull();

    for (String weg : List.of(VerzoekInTaak.VARIABELE, "briefType")) {
      assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName(weg).count())
          .as(weg).isZero();
      assertThat(historyService.createHistoricDetailQuery().processInstanceId(pi).variableUpdates().list())
          .as(weg).noneMatch(d -> weg.equals(((org.camunda.bpm.engine.history.HistoricVariableUpdate) d)
              .getVariableName()));
    }
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi)
        .variableName("verzoekDuidelijk").singleResult().getValue()).isEqualTo("JA");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName("referentie")
        .singleResult().getValue()).isEqualTo(v.referentie());
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi)
        .activityId("Task_OntvangstbevestigingVerzenden").finished().count()).isOne();
  }

  @Test
  void aRequestWithTheLongestTextTheIntakeAcceptsStillGetsItsFirstTaskWithTheTextShortenedAndSaidSo() {
    // 10 000 characters is the intake's limit; escaped Markdown doubles the dots. The display copy on each task is
    // kept within an engine text column (4 000 characters; before engine.LangeTekstPlugin a longer one failed the
    // task).
    String tekst = "Begin van mijn verzoek. " + "Welke gegevens verwerkt u over mij. ".repeat(274);
    assertThat(tekst.length()).isLessThanOrEqualTo(10000);
    Verzoek v = intake.registreer(new NieuwVerzoek(VerzoekType.INZAGE, Kanaal.EMAIL,
        OffsetDateTime.parse("2026-03-02T10:00:00+01:00"),
        new Betrokkene("Lange Tekst", "lange.tekst@example.org", null, null, null), null, tekst), "coordinator");
    managementService.createJobQuery().processInstanceId(v.processInstanceId()).list()
        .forEach(j -> managementService.executeJob(j.getId()));
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(v.referentie()).list().get(0);

    String md = (String) taskService.getVariableLocal(task.getId(), VerzoekInTaak.VARIABELE);
    assertThat(md.length()).isLessThanOrEqualTo(VerzoekInTaak.MAX_LENGTE);
    assertThat(md).contains("Begin van mijn verzoek\\.")
        .endsWith("_(ingekort: de volledige tekst staat in het Register AVG-verzoeken en in het archief)_");
  }

  @Test
  void escapingLeavesNoMarkdownOfTheRequester() {
    assertThat(VerzoekInTaak.escape("# Kop\n- punt <b>x</b> ![img](x)"))
        .isEqualTo("\\# Kop\n\\- punt \\<b\\>x\\</b\\> \\!\\[img\\]\\(x\\)");
  }

  @Test
  void everyFormOfTheRequestProceduresShowsTheRequestUnderItsReference() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> zonder = new ArrayList<>();
    int formulieren = 0;
    try (Stream<Path> paden = Files.list(Path.of("forms"))) {
      for (Path pad : paden.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
        JsonNode componenten = json.readTree(pad.toFile()).path("components");
        List<String> ids = new ArrayList<>();
        componenten.forEach(c -> ids.add(c.path("id").asText()));
        int kern = ids.indexOf("Tekst_Kerngegevens");
        if (kern < 0 || !componenten.get(kern).path("text").asText().startsWith("## Verzoek {{referentie}}")) {
          continue; // not a form of a request procedure
        }
        formulieren++;
        JsonNode volgende = componenten.get(kern + 1);
        if (volgende == null || !"Tekst_VerzoekInTaak".equals(volgende.path("id").asText())
            || !"{{verzoekInTaak}}".equals(volgende.path("text").asText())) {
          zonder.add(pad.getFileName().toString());
        }
      }
    }
    assertThat(formulieren).isGreaterThan(20);
    assertThat(zonder).as("forms without the request's text").isEmpty();
  }
}
