package nl.deurwaarder.avg.verzoek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.brief.BriefType;
import nl.deurwaarder.avg.brief.Verzendregister;
import nl.deurwaarder.avg.termijn.Termijnberekening;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The first version of the erasure, correction and restriction procedures (to be detailed per PH-PRO-05/06/07):
 * acknowledgement letter, handling by the coordinator within the office deadline, register closed.
 */
@AvgSpringTest
class VerzoekProcedureEersteVersieTest {

  @Autowired
  ProcessEngine processEngine;
  @Autowired
  VerzoekIntake intake;
  @Autowired
  VerzoekRegister register;
  @Autowired
  Verzendregister verzendregister;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  Termijnberekening termijn;

  @BeforeEach
  void init() {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 6, 1, 10, 0, 0, 0, ZoneId.of("Europe/Amsterdam"))
        .toInstant()));
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
  }

  private Verzoek registreer(VerzoekType type) {
    // no date of receipt: received now (the engine clock)
    return intake.registreer(new NieuwVerzoek(type, Kanaal.EMAIL, null,
        new Betrokkene("Anna Jansen", "anna." + type.name().toLowerCase() + "@example.org", null, null, null),
        null, "Verwijder mijn oude adres."), "coordinator");
  }

  @org.springframework.boot.test.web.server.LocalServerPort
  int port;

  /** Over /engine-rest, a refused form gives 400 with the Dutch message, and the task stays open. */
  @org.junit.jupiter.api.Test
  void badTaskInputOverRestIs400WithTheDutchMessage() throws Exception {
    Verzoek v = registreer(VerzoekType.CORRECTIE);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(v.referentie())
        .singleResult()).isWaitingAt("Task_OntvangstbevestigingVerzenden");
    execute(job());
    String taskId = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(v.referentie())
        .singleResult().getId();
    var http = java.net.http.HttpClient.newHttpClient();
    var r = http.send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create("http://localhost:" + port + "/engine-rest/task/" + taskId + "/complete"))
        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
            "coordinator:coordinator".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"variables\":{\"uitkomst\":{\"value\":\"MISSCHIEN\"},\"verzendwijze\":{\"value\":\"BEVEILIGDE_EMAIL\"}}}"))
        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("Ongeldige waarde 'MISSCHIEN' voor 'uitkomst'").doesNotContain("ENGINE-");
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(value = VerzoekType.class, names = {"VERWIJDERING", "CORRECTIE", "BEPERKING"})
  void acknowledgedHandledAndClosed(VerzoekType type) {
    Verzoek v = registreer(type);
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(v.referentie())
        .singleResult();
    assertThat(pi).isWaitingAt("Task_OntvangstbevestigingVerzenden");
    execute(job());
    assertThat(verzendregister.vanReferentie(v.referentie())).singleElement()
        .satisfies(b -> assertThat(b.briefType()).isEqualTo(BriefType.ONTVANGSTBEVESTIGING));
    assertThat(pi).isWaitingAt("Task_VerzoekAfhandelen");
    assertThat(task()).hasCandidateGroup("privacycoordinator")
        .hasDueDate(Date.from(termijn.eindeVanDag(v.uitersteReactiedatum()).toInstant()));
    assertThat(register.haal(v.referentie()).status()).isEqualTo(VerzoekStatus.IN_BEHANDELING);
    // the server refuses what the form would refuse: a rejection without reasons
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> complete(task(),
            withVariables("uitkomst", "AFGEWEZEN", "verzendwijze", "BEVEILIGDE_EMAIL")))
        .hasMessageContaining("Vul 'afwijzingsmotivering' in");
    complete(task(), withVariables("uitkomst", "AFGEHANDELD", "verzendwijze", "AANGETEKENDE_POST"));
    assertThat(pi).isEnded();
    Verzoek na = register.haal(v.referentie());
    assertThat(na.status()).isEqualTo(VerzoekStatus.AFGEHANDELD);
    assertThat(na.verzendwijze()).isEqualTo("AANGETEKENDE_POST");
    assertThat(na.verzondenOp()).isNotNull();
    assertThat(na.afgeslotenOp()).isNotNull();
  }
}
