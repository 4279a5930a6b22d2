package nl.deurwaarder.avg.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.deurwaarder.avg.IngebouwdePostgres;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On a fresh PostgreSQL database the application creates, after the engine built its schema, the statistics, the
 * two settings of its database user and the due-date index of {@link TasklistIndexen}; on the now existing database
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

  private void allesAanwezig() {
    assertThat(jdbc.queryForList("SELECT stxname FROM pg_statistic_ext ORDER BY stxname", String.class))
        .contains("avg_stat_auth_perms_read", "avg_stat_auth_perms_read_task");
    assertThat(jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE tablename = 'act_ru_task'", String.class))
        .contains("avg_idx_task_due_date");
    assertThat(jdbc.queryForList("SELECT unnest(setconfig) FROM pg_db_role_setting s JOIN pg_roles r "
        + "ON r.oid = s.setrole JOIN pg_database d ON d.oid = s.setdatabase WHERE r.rolname = current_user "
        + "AND d.datname = current_database()", String.class))
        .contains("plan_cache_mode=force_custom_plan", "random_page_cost=1.1");
    // a new session of the application's user gets the settings
    assertThat(jdbc.queryForObject("SHOW plan_cache_mode", String.class)).isEqualTo("force_custom_plan");
  }

  @Test
  void freshDatabaseGetsEverythingAndAnExistingOneTakesItAgain() {
    allesAanwezig();

    List<String> opnieuw = tasklistIndexen.aanmaken();

    assertThat(opnieuw).hasSize(TasklistIndexen.MAATREGELEN.size() + 2);
    allesAanwezig();
  }
}
