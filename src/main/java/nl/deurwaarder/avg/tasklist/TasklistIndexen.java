package nl.deurwaarder.avg.tasklist;

import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Extra indexes on Camunda's own tables for the queries behind the shared Tasklist filters (measured by
 * {@code bench.TasklistSchaalBenchmark}, see docs/performance-tasklist.md). Camunda creates its ACT_* schema when
 * the engine starts, after Flyway has run, so a Flyway migration cannot index these tables on a fresh database;
 * this component runs once the engine (and so its schema) exists, at every start, with
 * {@code CREATE INDEX IF NOT EXISTS} (same statement on H2 and PostgreSQL; harmless on an existing database).
 */
@Component
@Order(5)
public class TasklistIndexen implements ApplicationRunner {

  /** One extra index: name (prefix AVG_ so it never collides with Camunda's ACT_IDX_*), table, columns. */
  public record Index(String naam, String tabel, String kolommen, String waarom) {

    public String aanmaken() {
      return "CREATE INDEX IF NOT EXISTS " + naam + " ON " + tabel + " (" + kolommen + ")";
    }
  }

  public static final List<Index> INDEXEN = List.of(
      new Index("AVG_IDX_TASK_DUE_DATE", "ACT_RU_TASK", "DUE_DATE_",
          "the deadline filters select a due-date range and every filter sorts by due date"));

  private static final Logger LOG = LoggerFactory.getLogger(TasklistIndexen.class);

  private final JdbcTemplate jdbc;

  public TasklistIndexen(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
  }

  @Override
  public void run(ApplicationArguments args) {
    aanmaken();
  }

  public void aanmaken() {
    for (Index index : INDEXEN) {
      jdbc.execute(index.aanmaken());
      LOG.debug("Index {} op {}({}) aanwezig", index.naam(), index.tabel(), index.kolommen());
    }
  }
}
