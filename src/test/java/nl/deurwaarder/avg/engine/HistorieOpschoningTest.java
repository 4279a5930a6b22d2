package nl.deurwaarder.avg.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import nl.deurwaarder.avg.AvgSpringTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** History is cleaned up every night, and every process says how long its history is kept. */
@AvgSpringTest
class HistorieOpschoningTest {

  @Autowired
  HistoryService historyService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  ProcessEngine processEngine;

  @Test
  void historyCleanupIsScheduledInTheNightlyWindow() {
    List<Job> jobs = historyService.findHistoryCleanupJobs();
    assertThat(jobs).isNotEmpty();
    for (Job job : jobs) {
      ZonedDateTime due = job.getDuedate().toInstant().atZone(ZoneId.of("Europe/Amsterdam"));
      assertThat(due.getHour()).as("cleanup starts in the 01:00–05:00 window").isBetween(1, 4);
    }
  }

  @Test
  void removalTimeIsCountedFromTheEndOfTheInstance() {
    var config = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
        processEngine.getProcessEngineConfiguration();
    assertThat(config.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    assertThat(config.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
  }

  @Test
  void everyDeployedProcessHasAHistoryTimeToLive() {
    List<ProcessDefinition> definities = repositoryService.createProcessDefinitionQuery().latestVersion().list();
    assertThat(definities).isNotEmpty();
    assertThat(definities).allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull()
        .isPositive());
  }
}
