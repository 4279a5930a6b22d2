package nl.deurwaarder.avg.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.deurwaarder.avg.AvgSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The extra index for the Tasklist filters exists once the application has started (Camunda built its schema
 * first), creating it again is harmless, and the PostgreSQL-only measures are only issued on PostgreSQL 14+.
 */
@AvgSpringTest
class TasklistIndexenTest {

  @Autowired
  TasklistIndexen tasklistIndexen;
  @Autowired
  JdbcTemplate jdbc;

  private int dueDateIndexen() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'ACT_RU_TASK' "
        + "AND INDEX_NAME = 'AVG_IDX_TASK_DUE_DATE'", Integer.class);
  }

  @Test
  void theDueDateIndexExistsAfterStartAndCreatingItAgainIsHarmless() {
    assertThat(dueDateIndexen()).isEqualTo(1);

    List<String> uitgevoerd = tasklistIndexen.aanmaken();

    assertThat(uitgevoerd).containsExactly("CREATE INDEX IF NOT EXISTS avg_idx_task_due_date ON act_ru_task (due_date_)");
    assertThat(dueDateIndexen()).isEqualTo(1);
  }

  @Test
  void thePostgresqlMeasuresOnlyOnPostgresql14AndLater() {
    assertThat(TasklistIndexen.opdrachten("H2", 2)).hasSize(1).allMatch(o -> o.contains("avg_idx_task_due_date"));
    assertThat(TasklistIndexen.opdrachten("PostgreSQL", 13))
        .noneMatch(o -> o.contains("STATISTICS") || o.contains("ALTER ROLE"))
        .anyMatch(o -> o.contains("avg_idx_task_due_date"));
    assertThat(TasklistIndexen.opdrachten("PostgreSQL", 16))
        .anyMatch(o -> o.startsWith("CREATE STATISTICS IF NOT EXISTS avg_stat_auth_perms_read ON (perms_ & 2)"))
        .anyMatch(o -> o.startsWith("CREATE STATISTICS IF NOT EXISTS avg_stat_auth_perms_read_task ON (perms_ & 64)"))
        .noneMatch(o -> o.contains(" SET plan_cache_mode")) // per task query now (TaakqueryPlannen)
        .anyMatch(o -> o.contains("RESET plan_cache_mode")) // the earlier user setting is withdrawn
        .anyMatch(o -> o.contains("SET random_page_cost = 1.1"))
        .anyMatch(o -> o.contains("avg_idx_task_due_date"))
        .endsWith("ANALYZE act_ru_authorization", "ANALYZE act_ru_task");
  }
}
