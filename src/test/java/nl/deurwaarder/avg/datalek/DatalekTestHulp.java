package nl.deurwaarder.avg.datalek;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import nl.deurwaarder.avg.mail.OutboxMailSender;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/** Test helpers for the breach procedure: tasks with their groups, jobs, mails in the outbox. */
record DatalekTestHulp(TaskService taskService, ManagementService managementService, OutboxMailSender outbox) {

  /** The open task of this instance; asserts its definition key and candidate groups. */
  Task taak(String processInstanceId, String key, String... groepen) {
    Task t = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key)
        .singleResult();
    assertThat(t).as("taak " + key).isNotNull();
    List<String> kandidaten = taskService.getIdentityLinksForTask(t.getId()).stream()
        .filter(l -> "candidate".equals(l.getType())).map(IdentityLink::getGroupId).toList();
    assertThat(kandidaten).containsExactlyInAnyOrder(groepen);
    return t;
  }

  void voltooi(String processInstanceId, String key, Map<String, Object> vars, String... groepen) {
    taskService.complete(taak(processInstanceId, key, groepen).getId(), vars);
  }

  /** Executes every job of the instance that is due now (async steps, due timers), until none is left. */
  int voerJobsUit(String processInstanceId) {
    int n = 0;
    for (int ronde = 0; ronde < 20; ronde++) {
      List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (jobs.isEmpty()) {
        return n;
      }
      for (Job j : jobs) {
        managementService.executeJob(j.getId());
        n++;
      }
    }
    return n;
  }

  List<Job> timers(String processInstanceId) {
    return managementService.createJobQuery().processInstanceId(processInstanceId).timers().list();
  }

  /** The mails in the outbox whose subject names the reference: "subject → recipients". */
  List<String> mails(String referentie) throws Exception {
    List<String> uit = new ArrayList<>();
    Path dir = outbox.outbox();
    if (!Files.isDirectory(dir)) {
      return uit;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.sorted().toList()) {
        try (InputStream in = Files.newInputStream(p)) {
          MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
          if (m.getSubject() != null && m.getSubject().contains(referentie)) {
            uit.add(m.getSubject() + " → " + String.join(",", Stream.of(m.getAllRecipients())
                .map(Object::toString).sorted().toList()));
          }
        }
      }
    }
    return uit;
  }
}
