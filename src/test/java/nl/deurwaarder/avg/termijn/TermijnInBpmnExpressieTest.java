package nl.deurwaarder.avg.termijn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bean as BPMN uses it: {@code camunda:dueDate} and timer {@code timeDate} expressions evaluated by a real
 * (in-memory, no Spring) Camunda 7 engine, so the expression language's argument coercion (a literal {@code 3}
 * is a Long) and the {@link Date} results are exercised as in production.
 */
class TermijnInBpmnExpressieTest {

    private static ProcessEngine engine;

    @BeforeAll
    static void startEngine() {
        ProcessEngineConfigurationImpl configuratie = (ProcessEngineConfigurationImpl)
                ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                        .setJdbcUrl("jdbc:h2:mem:termijn-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
                        // not "default": that name belongs to the shared Spring context's engine, which the webapps
                        // and /engine-rest look up in Camunda's static registry (closing this one unregistered it)
                        .setProcessEngineName("termijn-" + UUID.randomUUID())
                        .setJobExecutorActivate(false)
                        .setHistory(ProcessEngineConfiguration.HISTORY_NONE);
        configuratie.setBeans(Map.of("termijn", new Termijnberekening(Kantoorsluitingsdagen.zonderSluitingsdagen())));
        engine = configuratie.buildProcessEngine();

        BpmnModelInstance proces = Bpmn.createExecutableProcess("Proces_Termijnen")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_IdentiteitVerifieren")
                .camundaDueDate("${termijn.werkdagenNaDatum(ontvangenOp, 3)}")
                .userTask("Task_Beantwoorden")
                .camundaDueDate("${termijn.maandenNaOntvangst(ontvangenOp, 1)}")
                .boundaryEvent("Timer_Herinnering").cancelActivity(false)
                .timerWithDate("${termijn.werkdagenVoorDeadline(termijn.maandenNaOntvangst(ontvangenOp, 1), 5)}")
                .endEvent()
                .moveToActivity("Task_Beantwoorden")
                .intermediateCatchEvent("Timer_MeldenBijAp")
                .timerWithDate("${termijn.urenNaMoment(ontdekt, 72)}")
                .endEvent()
                .done();
        engine.getRepositoryService().createDeployment().addModelInstance("termijnen.bpmn", proces).deploy();
    }

    @AfterAll
    static void stopEngine() {
        if (engine != null) {
            engine.close();
        }
    }

    private static Instant moment(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }

    private Task taak(ProcessInstance instantie) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instantie.getId()).singleResult();
    }

    private Job timer(ProcessInstance instantie, String activiteit) {
        return engine.getManagementService().createJobQuery().processInstanceId(instantie.getId())
                .activityId(activiteit).singleResult();
    }

    private void doorlopen(ProcessInstance instantie) {
        Task verificatie = taak(instantie);
        assertThat(verificatie.getTaskDefinitionKey()).isEqualTo("Task_IdentiteitVerifieren");
        // Friday 6 March 2026 + 3 working days = Wednesday 11 March, end of day
        assertThat(verificatie.getDueDate().toInstant()).isEqualTo(moment("2026-03-11T23:59:59+01:00"));
        engine.getTaskService().complete(verificatie.getId());

        Task beantwoorden = taak(instantie);
        assertThat(beantwoorden.getTaskDefinitionKey()).isEqualTo("Task_Beantwoorden");
        // 6 April 2026 is Tweede Paasdag: the month ends on Tuesday 7 April
        assertThat(beantwoorden.getDueDate().toInstant()).isEqualTo(moment("2026-04-07T23:59:59+02:00"));
        // reminder 5 working days before 7 April (skipping Tweede Paasdag and the weekend): Monday 30 March 09:00
        assertThat(timer(instantie, "Timer_Herinnering").getDuedate().toInstant())
                .isEqualTo(moment("2026-03-30T09:00+02:00"));
        engine.getTaskService().complete(beantwoorden.getId());

        // 72 clock hours across the DST change of 29 March 2026
        assertThat(timer(instantie, "Timer_MeldenBijAp").getDuedate().toInstant())
                .isEqualTo(moment("2026-03-31T13:00+02:00"));
    }

    @Test
    void dueDatesAndTimersFromDateVariables() {
        Date ontvangenOp = Date.from(moment("2026-03-06T10:15+01:00"));
        Date ontdekt = Date.from(moment("2026-03-28T12:00+01:00"));

        ProcessInstance instantie = engine.getRuntimeService().startProcessInstanceByKey("Proces_Termijnen",
                Map.of("ontvangenOp", ontvangenOp, "ontdekt", ontdekt));

        doorlopen(instantie);
    }

    @Test
    void dueDatesAndTimersFromIsoStringVariables() {
        ProcessInstance instantie = engine.getRuntimeService().startProcessInstanceByKey("Proces_Termijnen",
                Map.of("ontvangenOp", "2026-03-06", "ontdekt", "2026-03-28T12:00"));

        doorlopen(instantie);
    }
}
