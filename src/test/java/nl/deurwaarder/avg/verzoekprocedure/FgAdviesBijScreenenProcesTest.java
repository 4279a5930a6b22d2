package nl.deurwaarder.avg.verzoekprocedure;

import static nl.deurwaarder.avg.verzoekprocedure.ProcesTestSteun.lijst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.verzoek.FgAdvies;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekCsv;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import nl.deurwaarder.avg.verzoek.VerzoekerRol;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Nothing the FG said is lost (issue 12 point 6): the FG's advice on doubt while screening is shown read-only, with who
 * and when, in the returning "Gegevens screenen" task, is kept in the register entry (API, CSV) with the question and
 * its explanation, and is still there after Camunda's history cleanup removed the finished procedure's history.
 */
@AvgSpringTest
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class FgAdviesBijScreenenProcesTest {

  static final String VRAAG = "Is de notitie van de opdrachtgever over *betalingsonmacht* een persoonsgegeven?";
  static final String ADVIES = "Ja, verstrekken; de naam van de opdrachtgever weglaten.\nDe rest integraal.";

  @Autowired
  ProcesTestSteun t;
  @Autowired
  IdentityService identityService;
  @Autowired
  HistoryService historyService;
  @Autowired
  VerzoekCsv csv;
  @LocalServerPort
  int port;

  ProcessInstance pi;

  @AfterEach
  void herstel() {
    identityService.clearAuthentication();
    ClockUtil.reset();
    if (pi != null && t.runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0) {
      t.runtime.deleteProcessInstance(pi.getId(), "einde test");
    }
  }

  @Test
  void theFgAdviceIsShownInTheReturningTaskKeptInTheRegisterAndSurvivesHistoryCleanup() throws Exception {
    t.klok(LocalDate.of(2026, 3, 2), 10);
    String ref = t.registreer(VerzoekType.INZAGE, VerzoekerRol.BETROKKENE).referentie();
    pi = t.procedure(ref, "avg-inzageverzoek");
    t.voerJobsUit(pi.getId());
    t.rondAf(ref, "Task_VerzoekBeoordelenDuidelijkheid", "verzoekDuidelijk", "JA");
    t.rondAf(ref, "Task_IdentiteitVerifieren", "verificatieStap", "RESULTAAT", "verificatieResultaat", "POSITIEF",
        "verificatieMethode", lijst("IDENTITEITSBEWIJS"));
    t.voerJobsUit(pi.getId());
    t.rondAf(ref, "Task_VerzoekBeoordelen", "voorgenomenBesluit", "TOEWIJZEN");
    t.rondAf(ref, "Task_VerantwoordelijkeAanwijzen", "verantwoordelijke", "medewerker");
    t.taken.complete(t.taak(ref, "Task_GegevensVerzamelen").getId(), GegevensVerzamelenProcesTest.checklist(true));
    t.voerJobsUit(pi.getId());

    assertThat((String) t.runtime.getVariable(pi.getId(), "screeningAdviesTekst")).as("no advice yet").isEmpty();
    t.rondAf(ref, "Task_GegevensScreenen", "screeningUitkomst", "FG_ADVIES_NODIG", "screeningVraag", VRAAG);
    t.klok(LocalDate.of(2026, 3, 4), 14);
    String fgTaak = t.taak(ref, "Task_FgAdviesBijScreenen").getId();
    t.taken.claim(fgTaak, "fg"); // as in Tasklist: the FG claims the task and completes it, logged in
    identityService.setAuthentication("fg", List.of("fg"));
    try {
      t.taken.complete(fgTaak, ProcesTestSteun.vars("screeningAdvies", ADVIES));
    } finally {
      identityService.clearAuthentication();
    }

    // the returning screening task shows the advice read-only (a text field of the form), with who and when
    assertThat(pi).isWaitingAt("Task_GegevensScreenen");
    String getoond = (String) t.runtime.getVariable(pi.getId(), "screeningAdviesTekst");
    assertThat(getoond).contains("Advies van de FG").contains("(fg)").contains("4 maart 2026 om 14:00")
        .contains("de naam van de opdrachtgever weglaten").contains("De rest integraal")
        .contains("\\*betalingsonmacht\\*"); // the question's markdown characters are shown, not acted on

    // the register entry holds it: question, advice, who, when
    Verzoek v = t.register.haal(ref);
    assertThat(v.fgAdviezen()).singleElement().satisfies(a -> {
      assertThat(a.onderwerp()).isEqualTo(FgAdvies.Onderwerp.SCREENEN);
      assertThat(a.vraag()).isEqualTo(VRAAG);
      assertThat(a.toelichting()).isEqualTo(ADVIES);
      assertThat(a.gegevenDoor()).isEqualTo("fg");
      assertThat(a.gegevenOp().toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 4));
    });

    // finish the request
    t.rondAf(ref, "Task_GegevensScreenen", "screeningUitkomst", "GESCREEND", "screenKopie", true,
        "screenAlleenBetrokkene", true, "screenPersoonsgegevens", true, "screenInzagerecht", true,
        "screenDerden", true, "screenMetadata", true, "screenPapier", true, "screenGearchiveerd", true,
        "hoedanigheden", lijst("DEBITEUR"));
    t.gescreendStuk(ref);
    t.mobielNummer(ref);
    t.rondAf(ref, "Task_ReactieSamenstellen", "verzendwijze", "BEVEILIGDE_EMAIL");
    t.voerJobsUit(pi.getId());
    assertThat(pi).isEnded();
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(ref)
        .taskDefinitionKey("Task_FgAdviesBijScreenen").count()).isEqualTo(1);

    // Camunda's history cleanup, after the history time-to-live (1095 days from the end) has passed
    HistoricProcessInstance historie = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(pi.getId()).singleResult();
    assertThat(historie.getRemovalTime()).isNotNull();
    t.klok(new Date(historie.getRemovalTime().getTime() + 24L * 3600 * 1000));
    ruimHistorieOp();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(ref).count())
        .as("the procedure's history is gone").isZero();
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(ref).count()).isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("screeningAdvies").count()).isZero();

    // ... the register still has what the FG said
    assertThat(t.register.haal(ref).fgAdviezen()).singleElement()
        .satisfies(a -> assertThat(a.toelichting()).isEqualTo(ADVIES));
    JsonNode api = new ObjectMapper().readTree(get("/api/verzoeken/" + ref));
    JsonNode advies = api.get("fgAdviezen").get(0);
    assertThat(advies.get("onderwerp").asText()).isEqualTo("SCREENEN");
    assertThat(advies.get("vraag").asText()).isEqualTo(VRAAG);
    assertThat(advies.get("toelichting").asText()).isEqualTo(ADVIES);
    assertThat(advies.get("gegevenDoor").asText()).isEqualTo("fg");
    assertThat(advies.get("gegevenOp").asText()).startsWith("2026-03-04T14:00");
    assertThat(csv.export(List.of(t.register.haal(ref)))).contains("SCREENEN fg 2026-03-04T14:00");
  }

  /** Runs Camunda's history cleanup now, as its nightly job does (removal-time based). */
  private void ruimHistorieOp() {
    Job job = historyService.cleanUpHistoryAsync(true);
    for (int i = 0; i < 20 && job != null; i++) {
      t.beheer.executeJob(job.getId());
      job = t.beheer.createJobQuery().jobId(job.getId()).singleResult();
      if (job != null && job.getDuedate() != null && job.getDuedate().after(ClockUtil.getCurrentTime())) {
        break; // rescheduled: nothing left to clean now
      }
    }
  }

  private String get(String pad) throws Exception {
    HttpRequest r = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pad))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("coordinator:coordinator"
            .getBytes(StandardCharsets.UTF_8))).GET().build();
    HttpResponse<String> a = HttpClient.newHttpClient().send(r, HttpResponse.BodyHandlers.ofString());
    assertThat(a.statusCode()).isEqualTo(200);
    return a.body();
  }
}
