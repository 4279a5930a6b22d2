package nl.deurwaarder.avg.verwerkingsregister;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.AvgSpringTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Jaarlijkse review verwerkingsregister": started by its yearly timer (the job is executed after moving the engine's
 * clock past its due date), one review task per section, the FG's sign-off, the review record.
 */
@AvgSpringTest
class JaarlijkseReviewProcesTest {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @Autowired
  ProcessEngine processEngine;
  @Autowired
  ManagementService managementService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  Verwerkingsregister register;
  @Autowired
  Reviews reviews;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
  }

  @AfterEach
  void herstel() {
    ClockUtil.reset();
  }

  private Job timer() {
    return managementService.createJobQuery().processDefinitionKey("avg-jaarlijkse-review").timers().singleResult();
  }

  private static Date eindeVanDag(int jaar, int maand, int dag) {
    return Date.from(ZonedDateTime.of(jaar, maand, dag, 23, 59, 59, 0, AMSTERDAM).toInstant());
  }

  @Test
  void theYearlyTimerStartsAReviewPerSectionTheFgSignsOffAndTheReviewIsRecorded() {
    Job timer = timer();
    ZonedDateTime gepland = timer.getDuedate().toInstant().atZone(AMSTERDAM);
    assertThat(gepland.getMonthValue()).isEqualTo(1);
    assertThat(gepland.getDayOfMonth()).isEqualTo(15);
    assertThat(gepland.getHour()).isEqualTo(9);
    // not yet due: nothing to execute
    ClockUtil.setCurrentTime(Date.from(gepland.minusMinutes(1).toInstant()));
    assertThat(managementService.createJobQuery().processDefinitionKey("avg-jaarlijkse-review").executable()
        .count()).isZero();

    ClockUtil.setCurrentTime(Date.from(gepland.plusSeconds(1).toInstant()));
    assertThat(managementService.createJobQuery().processDefinitionKey("avg-jaarlijkse-review").executable()
        .singleResult().getId()).isEqualTo(timer.getId());
    managementService.executeJob(timer.getId());

    // the next review is planned one year later
    assertThat(timer().getDuedate().toInstant()).isEqualTo(gepland.plusYears(1).toInstant());

    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processDefinitionKey("avg-jaarlijkse-review")
        .active().singleResult();
    assertThat(pi).isWaitingAt("Task_SectieBeoordelen").hasBusinessKey("Review " + gepland.getYear());
    RegisterVersie r = register.gepubliceerd().orElseThrow();
    List<Task> secties = taskService.createTaskQuery().processInstanceId(pi.getId()).orderByTaskName().asc().list();
    assertThat(secties).hasSize(r.secties().size());
    assertThat(secties).allSatisfy(t -> {
      assertThat(t.getDueDate()).isEqualTo(eindeVanDag(gepland.getYear(), 2, 15));
      assertThat(taskService.getIdentityLinksForTask(t.getId())).anySatisfy(l ->
          assertThat(l.getGroupId()).isEqualTo("privacycoordinator"));
    });
    Task gerechtelijk = secties.stream().filter(t -> t.getName().equals("Sectie beoordelen: 40 Gerechtelijke incasso"))
        .findFirst().orElseThrow();
    assertThat((String) taskService.getVariable(gerechtelijk.getId(), "sectieOverzicht"))
        .contains("40.3 Ontvangst en inboeken vonnis", "40.3.1 Verwerken vonnis");
    assertThat(taskService.getVariable(gerechtelijk.getId(), "sectieOordeel")).isNull();

    // "wijziging nodig" needs remarks
    assertThatThrownBy(() -> taskService.complete(gerechtelijk.getId(), Map.of("sectieOordeel", "WIJZIGING_NODIG")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("(sectieOpmerkingen): vul dit veld in");
    taskService.claim(gerechtelijk.getId(), "coordinator");
    taskService.complete(gerechtelijk.getId(), Map.of("sectieOordeel", "WIJZIGING_NODIG",
        "sectieOpmerkingen", "Digitaal procederen toevoegen als systeem bij 40.1.1."));
    // the next section's form starts empty: answers stay with their own section
    Task volgende = taskService.createTaskQuery().processInstanceId(pi.getId()).list().get(0);
    assertThat(taskService.getVariable(volgende.getId(), "sectieOordeel")).isNull();
    for (Task t : taskService.createTaskQuery().processInstanceId(pi.getId()).list()) {
      taskService.complete(t.getId(), Map.of("sectieOordeel", "ACTUEEL"));
    }

    assertThat(pi).isWaitingAt("Task_ReviewAftekenen");
    Task fg = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(fg.getDueDate()).isEqualTo(eindeVanDag(gepland.getYear(), 3, 15));
    assertThat(taskService.getIdentityLinksForTask(fg.getId())).anySatisfy(l ->
        assertThat(l.getGroupId()).isEqualTo("fg"));
    assertThat((String) runtimeService.getVariable(pi.getId(), "reviewSamenvatting"))
        .contains("**Sectie 40:** wijziging nodig — Digitaal procederen", "**Sectie 10:** actueel");
    assertThatThrownBy(() -> taskService.complete(fg.getId(), Map.of("fgAftekening", "AFGETEKEND_MET_OPMERKINGEN")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("(fgOpmerkingen): vul dit veld in");
    taskService.claim(fg.getId(), "fg");
    taskService.complete(fg.getId(), Map.of("fgAftekening", "AFGETEKEND_MET_OPMERKINGEN",
        "fgOpmerkingen", "Wijziging 40.1.1 voor 1 maart doorvoeren."));

    assertThat(pi).isEnded().hasPassedInOrder("StartEvent_JaarlijksReviewmoment", "Task_ReviewVoorbereiden",
        "Task_SectieBeoordelen", "Task_ReviewAftekenen", "Task_ReviewVastleggen", "EndEvent_ReviewVastgelegd");
    long reviewId = ((Number) historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("reviewId").singleResult().getValue()).longValue();
    Reviews.Review review = reviews.haal(reviewId);
    assertThat(review.jaar()).isEqualTo(gepland.getYear());
    assertThat(review.versienummer()).isEqualTo(r.versienummer());
    assertThat(review.afgerondOp()).isNotNull();
    assertThat(Duration.between(review.gestartOp(), review.afgerondOp()).isNegative()).isFalse();
    assertThat(review.fgAftekening()).isEqualTo("AFGETEKEND_MET_OPMERKINGEN");
    assertThat(review.fgOpmerkingen()).isEqualTo("Wijziging 40.1.1 voor 1 maart doorvoeren.");
    assertThat(review.afgetekendDoor()).isEqualTo("fg");
    assertThat(review.secties()).hasSize(r.secties().size());
    assertThat(review.secties()).filteredOn(s -> s.sectieCode().equals("40")).singleElement().satisfies(s -> {
      assertThat(s.oordeel()).isEqualTo("WIJZIGING_NODIG");
      assertThat(s.beoordeeldDoor()).isEqualTo("coordinator");
    });
    assertThat(review.secties()).filteredOn(s -> !s.sectieCode().equals("40"))
        .allSatisfy(s -> assertThat(s.oordeel()).isEqualTo("ACTUEEL"));

    // every flow node and sequence flow of the diagram was passed (the model is a straight line)
    var model = repositoryService.getBpmnModelInstance(pi.getProcessDefinitionId());
    List<String> doorlopen = historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .list().stream().map(HistoricActivityInstance::getActivityId).toList();
    assertThat(doorlopen).containsAll(model.getModelElementsByType(FlowNode.class).stream()
        .map(FlowNode::getId).toList());
    assertThat(model.getModelElementsByType(SequenceFlow.class)).allSatisfy(f ->
        assertThat(doorlopen).contains(f.getSource().getId(), f.getTarget().getId()));
  }
}
