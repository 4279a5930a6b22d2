package nl.deurwaarder.avg.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.security.Rol;
import nl.deurwaarder.avg.verzoek.Betrokkene;
import nl.deurwaarder.avg.verzoek.Kanaal;
import nl.deurwaarder.avg.verzoek.NieuwVerzoek;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekIntake;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In Tasklist's list, the coordinator sees each task's reference and data subject (the filters' variables). */
@AvgSpringTest
class TasklijstVariabelenTest {

  @LocalServerPort
  int port;
  @Autowired
  VerzoekIntake intake;
  @Autowired
  ManagementService managementService;
  @Autowired
  FilterService filterService;

  @Test
  void theGroupFilterListShowsReferenceAndDataSubject() throws Exception {
    Verzoek v = intake.registreer(new NieuwVerzoek(VerzoekType.INZAGE, Kanaal.EMAIL, null,
        new Betrokkene("Lotte Lijstweergave", "lotte@example.org", null, null, null), null, "Inzage graag."),
        "coordinator");
    managementService.createJobQuery().processInstanceId(v.processInstanceId()).list()
        .forEach(j -> managementService.executeJob(j.getId()));
    String filterId = filterService.createFilterQuery()
        .filterName(TasklistFilters.groepsfilterNaam(Rol.PRIVACYCOORDINATOR)).singleResult().getId();
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/filter/" + filterId + "/list?maxResults=500"))
        .header("Accept", "application/hal+json")
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "coordinator:coordinator".getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    List<String> waarden = new java.util.ArrayList<>();
    for (JsonNode taak : new ObjectMapper().readTree(r.body()).path("_embedded").path("task")) {
      taak.path("_embedded").path("variable").forEach(n -> waarden.add(n.path("value").asText()));
    }
    assertThat(waarden).contains(v.referentie(), "Lotte Lijstweergave");
  }
}
