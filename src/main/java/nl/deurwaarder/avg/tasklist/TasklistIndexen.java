package nl.deurwaarder.avg.tasklist;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Extra database objects on Camunda's own tables for the queries behind the shared Tasklist filters, measured by
 * {@code bench.TasklistSchaalBenchmark} (docs/performance.md, "Tasklist at scale"):
 * <ol>
 *   <li><b>Planner statistics on the permission bits of ACT_RU_AUTHORIZATION (PostgreSQL 14+).</b> Every task query
 *       with authorization checks joins the user's grants with {@code A.PERMS_ & 2 = 2} (READ on the task) or
 *       {@code A.PERMS_ & 64 = 64} (READ_TASK on the definition). PostgreSQL has no statistics for such an
 *       expression and guesses 0.5 % of the rows, so it expects a handful of grants where a user really has one
 *       per task of their groups (Camunda grants the candidate groups each task), and joins every task with every
 *       grant: the time grows with tasks × grants, quadratically (8 s for one count at 20 000 open tasks).
 *       Expression statistics give the true share; the planner then looks each task's grants up through Camunda's
 *       index on RESOURCE_ID_ and the time grows linearly.</li>
 *   <li><b>Custom plans for task queries (PostgreSQL):</b> the JDBC driver prepares a statement on the server after
 *       5 executions; PostgreSQL may then switch to a <i>generic</i> plan, planned without the parameter values
 *       ({@code PERMS_ & $5 = $6}), where the statistics above cannot help and the quadratic join comes back (seen
 *       as erratic seconds in the benchmark). {@link TaakqueryPlannen} sets {@code plan_cache_mode =
 *       force_custom_plan} for the transaction of each task query and filter execution. (An earlier version set it
 *       for the application's database user, so for every statement; that setting is removed here at start, see
 *       {@link #INGETROKKEN}.)</li>
 *   <li><b>{@code random_page_cost = 1.1} for the same user and database (PostgreSQL):</b> the usual value for SSD
 *       storage or a database that fits in memory (the default 4 assumes spinning disks). With the default the
 *       planner still preferred the quadratic join for a user with a single group (1.6 s instead of 70 ms for one
 *       count at 20 000 open tasks), because it overprices looking each task's grants up by index.</li>
 *   <li><b>An index on ACT_RU_TASK(DUE_DATE_)</b> (H2 and PostgreSQL): every shared filter sorts by due date and
 *       the two deadline filters select a due-date range; with the index the first page is read in due-date order
 *       and stops early instead of sorting all matching tasks.</li>
 * </ol>
 * Camunda creates its ACT_* schema when the engine starts, after Flyway has run, so a Flyway migration cannot reach
 * these tables on a fresh database. This component runs once the engine (and so its schema) exists, at every start,
 * with {@code IF NOT EXISTS} statements: the same code serves a fresh and an existing database, on H2 and
 * PostgreSQL. The names start with {@code avg_} so they never collide with Camunda's own {@code ACT_IDX_*}.
 * {@code avg.tasklist.indexen=false} switches the component off (the benchmark does, to compare without and with).
 */
@Component
@Order(5)
@ConditionalOnProperty(name = "avg.tasklist.indexen", havingValue = "true", matchIfMissing = true)
public class TasklistIndexen implements ApplicationRunner {

  /**
   * One measure: how to create it (idempotent), how to remove it, whether it is PostgreSQL 14+ only, and for a
   * setting of the application's database user ({@code ALTER ROLE … IN DATABASE … SET}) the setting itself.
   */
  public record Maatregel(String naam, String aanmaken, String verwijderen, boolean alleenPostgres,
      String instelling) {

    static Maatregel instelling(String naam, String waarde) {
      String rol = "DO $$ BEGIN EXECUTE format('ALTER ROLE %I IN DATABASE %I ";
      return new Maatregel(naam, rol + "SET " + naam + " = " + waarde + "', current_user, current_database()); END $$",
          rol + "RESET " + naam + "', current_user, current_database()); END $$", true, naam + " = " + waarde);
    }
  }

  public static final List<Maatregel> MAATREGELEN = List.of(
      new Maatregel("avg_stat_auth_perms_read",
          "CREATE STATISTICS IF NOT EXISTS avg_stat_auth_perms_read ON (perms_ & 2) FROM act_ru_authorization",
          "DROP STATISTICS IF EXISTS avg_stat_auth_perms_read", true, null),
      new Maatregel("avg_stat_auth_perms_read_task",
          "CREATE STATISTICS IF NOT EXISTS avg_stat_auth_perms_read_task ON (perms_ & 64) FROM act_ru_authorization",
          "DROP STATISTICS IF EXISTS avg_stat_auth_perms_read_task", true, null),
      Maatregel.instelling("random_page_cost", "1.1"),
      new Maatregel("avg_idx_task_due_date",
          "CREATE INDEX IF NOT EXISTS avg_idx_task_due_date ON act_ru_task (due_date_)",
          "DROP INDEX IF EXISTS avg_idx_task_due_date", false, null));

  /**
   * Measures that an earlier version set and that are withdrawn: {@code plan_cache_mode} for the application's user
   * made PostgreSQL plan every statement each time; {@link TaakqueryPlannen} now sets it for task queries only.
   */
  public static final List<Maatregel> INGETROKKEN = List.of(Maatregel.instelling("plan_cache_mode",
      "force_custom_plan"));

  /** Statistics are only filled by ANALYZE (or autovacuum later): run it right away. */
  static final List<String> NA_POSTGRES = List.of("ANALYZE act_ru_authorization", "ANALYZE act_ru_task");

  private static final Logger LOG = LoggerFactory.getLogger(TasklistIndexen.class);

  private final DataSource dataSource;
  private final JdbcTemplate jdbc;

  public TasklistIndexen(DataSource dataSource) {
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
  }

  @Override
  public void run(ApplicationArguments args) {
    aanmaken();
  }

  /** Creates what is missing; returns the statements it executed. */
  public List<String> aanmaken() {
    String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
    int versie = jdbc.execute((ConnectionCallback<Integer>) c -> c.getMetaData().getDatabaseMajorVersion());
    List<String> opdrachten = opdrachten(product, versie);
    for (String opdracht : opdrachten) {
      try {
        jdbc.execute(opdracht);
      } catch (DataAccessException e) {
        // e.g. a database user that may not change its own settings: the application works, only slower
        LOG.warn("Databaseopdracht voor Tasklist-prestaties mislukt ({}): {}. "
            + "Zie docs/performance.md (Tasklist at scale).",
            opdracht, e.getMostSpecificCause().getMessage());
      }
    }
    if (opdrachten.stream().anyMatch(o -> o.contains("ALTER ROLE"))) {
      // a setting (or the reset of a withdrawn one) holds for new sessions: let the pool replace its connections
      // (idle ones now, busy ones when they are returned)
      try {
        if (dataSource.isWrapperFor(HikariDataSource.class)) {
          HikariPoolMXBean pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
          if (pool != null) {
            pool.softEvictConnections();
          }
        }
      } catch (SQLException e) {
        LOG.debug("Pool niet ververst", e);
      }
    }
    LOG.debug("Tasklist-indexen en -statistieken aanwezig: {}", opdrachten);
    return opdrachten;
  }

  /** The statements for a database (product name as JDBC reports it, major version). */
  public static List<String> opdrachten(String databaseProduct, int hoofdversie) {
    boolean postgres = "PostgreSQL".equalsIgnoreCase(databaseProduct);
    if (postgres && hoofdversie < 14) {
      LOG.warn("PostgreSQL {} kent geen statistieken op expressies (vanaf 14): de Tasklist-filters worden bij veel "
          + "open taken traag (zie docs/performance.md, Tasklist at scale)", hoofdversie);
    }
    List<String> opdrachten = new ArrayList<>();
    for (Maatregel m : MAATREGELEN) {
      if (!m.alleenPostgres() || (postgres && hoofdversie >= 14)) {
        opdrachten.add(m.aanmaken());
      }
    }
    if (postgres && hoofdversie >= 14) {
      INGETROKKEN.forEach(m -> opdrachten.add(m.verwijderen()));
    }
    if (postgres) {
      opdrachten.addAll(NA_POSTGRES);
    }
    return List.copyOf(opdrachten);
  }
}
