package nl.deurwaarder.avg.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.verzoek.Betrokkene;
import nl.deurwaarder.avg.verzoek.Kanaal;
import nl.deurwaarder.avg.verzoek.NieuwVerzoek;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekIntake;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A task completed over /engine-rest (as Tasklist does through the webapp API) with a value its form would refuse:
 * 400 with the Dutch message of the server-side check, not Camunda's 500 with an engine prefix; the task stays open.
 */
@AvgSpringTest
class OngeldigeTaakinvoerTest {

  @LocalServerPort
  int port;
  @Autowired
  VerzoekIntake intake;
  @Autowired
  ManagementService managementService;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;

  private HttpResponse<String> voltooi(String taskId, String variabelen) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/task/" + taskId + "/complete"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "coordinator:coordinator".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":" + variabelen + "}")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void refusedFormInputIs400WithTheDutchMessageAndTheTaskStaysOpen() throws Exception {
    Verzoek v = intake.registreer(new NieuwVerzoek(VerzoekType.INZAGE, Kanaal.EMAIL, null,
        new Betrokkene("Rest Invoer", "rest.invoer@example.org", null, null, null), null, "Inzage."), "coordinator");
    managementService.createJobQuery().processInstanceId(v.processInstanceId()).list()
        .forEach(j -> managementService.executeJob(j.getId()));
    String taskId = taskService.createTaskQuery().processInstanceBusinessKey(v.referentie()).singleResult().getId();

    HttpResponse<String> onbekend = voltooi(taskId, "{\"verzoekDuidelijk\":{\"value\":\"MISSCHIEN\"}}");
    assertThat(onbekend.statusCode()).as(onbekend.body()).isEqualTo(400);
    assertThat(onbekend.body()).contains("Veld 'Is het verzoek duidelijk?' (verzoekDuidelijk): 'MISSCHIEN' hoort niet bij de opties")
        .doesNotContain("ENGINE-");
    HttpResponse<String> zonderVraag = voltooi(taskId, "{\"verzoekDuidelijk\":{\"value\":\"NEE\"}}");
    assertThat(zonderVraag.statusCode()).isEqualTo(400);
    assertThat(zonderVraag.body()).contains("verduidelijkingsvraag");
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }

  @Test
  void aRefusedStartFormIs400WithTheDutchMessageNotTheEngineInternals() throws Exception {
    long voor = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("avg-herstel-na-backup")
        .count();
    HttpResponse<String> antwoord = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
            "http://localhost:" + port + "/engine-rest/process-definition/key/avg-herstel-na-backup/submit-form"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "coordinator:coordinator".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{\"backupDatum\":{\"value\":\"31-02-2039\"}}}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(antwoord.statusCode()).as(antwoord.body()).isEqualTo(400);
    assertThat(antwoord.body()).contains("'31-02-2039' is geen datum").doesNotContain("ENGINE-")
        .doesNotContain("Cannot instantiate");
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("avg-herstel-na-backup")
        .count()).isEqualTo(voor);
  }
}
