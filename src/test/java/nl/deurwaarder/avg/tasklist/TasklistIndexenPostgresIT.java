package nl.deurwaarder.avg.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.deurwaarder.avg.IngebouwdePostgres;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On a fresh PostgreSQL database the application creates, after the engine built its schema, the statistics, the
 * setting of its database user and the due-date index of {@link TasklistIndexen}; on the now existing database
 * it does so again without error (docs/performance.md, "Tasklist at scale").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(IngebouwdePostgres.Levensduur.class)
@DirtiesContext
class TasklistIndexenPostgresIT {

  static final EmbeddedPostgres POSTGRES = IngebouwdePostgres.instantie();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    IngebouwdePostgres.gebruik(registry);
  }

  @Autowired
  TasklistIndexen tasklistIndexen;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TransactionTemplate transacties;
  @Autowired
  TaskService taskService;
  @Autowired
  RuntimeService runtimeService;

  private void allesAanwezig() {
    assertThat(jdbc.queryForList("SELECT stxname FROM pg_statistic_ext ORDER BY stxname", String.class))
        .contains("avg_stat_auth_perms_read", "avg_stat_auth_perms_read_task");
    assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'act_ru_task'", String.class))
        .contains("avg_idx_task_due_date");
    assertThat(jdbc.queryForList("SELECT unnest(setconfig) FROM pg_db_role_setting s JOIN pg_roles r "
        + "ON r.oid = s.setrole JOIN pg_database d ON d.oid = s.setdatabase WHERE r.rolname = current_user "
        + "AND d.datname = current_database()", String.class))
        .contains("random_page_cost=1.1").noneMatch(s -> s.startsWith("plan_cache_mode"));
    // a new session of the application's user gets the setting
    assertThat(jdbc.queryForObject("SHOW random_page_cost", String.class)).isEqualTo("1.1");
    // custom plans only in the transaction of a task query (TaakqueryPlannen), not for the session
    assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("auto");
    String inTaakquery = transacties.execute(status -> {
      taskService.createTaskQuery().taskCandidateGroup("privacycoordinator").count();
      return jdbc.queryForObject("SHOW plan_cache_mode", String.class);
    });
    assertThat(inTaakquery).isEqualTo("force_custom_plan");
    String inAndereQuery = transacties.execute(status -> {
      runtimeService.createProcessInstanceQuery().count();
      return jdbc.queryForObject("SHOW plan_cache_mode", String.class);
    });
    assertThat(inAndereQuery).as("other queries keep PostgreSQL's own choice").isEqualTo("auto");
  }

  @Test
  void freshDatabaseGetsEverythingAndAnExistingOneTakesItAgain() {
    allesAanwezig();

    // a database of an earlier version carries the user setting for every statement: it is removed at start
    jdbc.execute(TasklistIndexen.INGETROKKEN.get(0).aanmaken());
    List<String> opnieuw = tasklistIndexen.aanmaken();

    assertThat(opnieuw).hasSize(TasklistIndexen.MAATREGELEN.size() + TasklistIndexen.INGETROKKEN.size() + 2);
    allesAanwezig();
  }
}
