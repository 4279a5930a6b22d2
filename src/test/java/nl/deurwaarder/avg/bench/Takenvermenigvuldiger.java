package nl.deurwaarder.avg.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Seeds many open tasks fast: a few real request instances, made by the application itself (so executions, tasks,
 * candidate groups, the engine's per-task authorizations and the process variables have the real shape), are the
 * templates; every copy {@code n} repeats all rows of one template instance with fresh ids ({@code <id>-k<n>}, the id cut to 56 characters) in
 * ACT_RU_EXECUTION, ACT_RU_TASK, ACT_RU_VARIABLE, ACT_RU_IDENTITYLINK and ACT_RU_AUTHORIZATION, with one
 * {@code INSERT … SELECT … FROM generate_series} per table. Per copy it varies what the filters look at:
 * <ul>
 *   <li>candidate groups rotate over the six staff groups (the same rotation in the identity links and in the
 *       engine's task authorizations, so every group member sees exactly the tasks of their groups);</li>
 *   <li>due dates spread evenly over the days from 10 days ago to 79 days ahead (end of day, as the deadline
 *       component sets them), creation times over the last 60 days;</li>
 *   <li>one copy in 20 is assigned to {@code coordinator}, one in 20 to {@code medewerker} (with the user
 *       authorization the engine adds on assignment);</li>
 *   <li>the business key and the {@code referentie} variable get the copy number, so they stay unique.</li>
 * </ul>
 * Every template instance has the same number of open tasks (at the first stage of a request: the task at hand and
 * the parallel "Termijn verlengen"), so the number of open tasks is exact.
 */
final class Takenvermenigvuldiger {

  static final List<String> GROEPEN = List.of("privacycoordinator", "fg", "directie", "medewerker", "ict",
      "datalekteam");
  /** Columns holding ids of rows that are copied along: they get the copy's suffix. */
  private static final Set<String> KOPIEER_ID = Set.of("id_", "proc_inst_id_", "parent_id_", "super_exec_",
      "root_proc_inst_id_", "execution_id_", "task_id_", "act_inst_id_", "parent_task_id_", "var_scope_",
      "resource_id_", "business_key_");

  private static final List<String> TABELLEN = List.of("act_ru_execution", "act_ru_task", "act_ru_variable",
      "act_ru_identitylink", "act_ru_authorization");

  private final Connection db;
  private int sjablonen;
  private int takenPerKopie;
  private long volgendeKopie = 1;

  Takenvermenigvuldiger(Connection db) {
    this.db = db;
  }

  /**
   * Records the template instances: top-level process instances without a running sub-process, each with the most
   * common number of open tasks (so every copy adds the same number); returns how many.
   */
  int kiesSjablonen() throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("DROP TABLE IF EXISTS bench_sjabloon");
      s.execute("""
          CREATE TABLE bench_sjabloon AS
          WITH kandidaat AS (
            SELECT p.id_ AS root, COUNT(t.id_) AS taken
            FROM act_ru_execution p JOIN act_ru_task t ON t.proc_inst_id_ = p.id_
            WHERE p.id_ = p.proc_inst_id_ AND p.super_exec_ IS NULL
              AND NOT EXISTS (SELECT 1 FROM act_ru_execution sub JOIN act_ru_execution sup
                  ON sub.super_exec_ = sup.id_ WHERE sup.proc_inst_id_ = p.id_)
            GROUP BY p.id_),
          meest AS (SELECT taken FROM kandidaat GROUP BY taken ORDER BY COUNT(*) DESC, taken LIMIT 1)
          SELECT (ROW_NUMBER() OVER (ORDER BY k.root) - 1)::int AS nr, k.root, k.taken::int AS taken
          FROM kandidaat k JOIN meest m ON m.taken = k.taken""");
      sjablonen = tel(s, "SELECT COUNT(*) FROM bench_sjabloon");
      takenPerKopie = sjablonen == 0 ? 0 : tel(s, "SELECT MIN(taken) FROM bench_sjabloon");
      // the template rows per table, once: every copy round then joins on the template number only (hash join)
      String takenVanSjabloon = "(SELECT t.id_ FROM act_ru_task t WHERE t.proc_inst_id_ = sj.root)";
      Map<String, String> vanSjabloon = Map.of(
          "act_ru_execution", "src.proc_inst_id_ = sj.root",
          "act_ru_task", "src.proc_inst_id_ = sj.root",
          "act_ru_variable", "src.proc_inst_id_ = sj.root",
          "act_ru_identitylink", "src.task_id_ IN " + takenVanSjabloon,
          "act_ru_authorization", "src.resource_type_ = 7 AND src.user_id_ IS NULL AND src.resource_id_ IN "
              + takenVanSjabloon);
      for (String tabel : TABELLEN) {
        s.execute("DROP TABLE IF EXISTS bench_bron_" + tabel);
        s.execute("CREATE TABLE bench_bron_" + tabel + " AS SELECT sj.nr AS bench_nr, src.* FROM bench_sjabloon sj "
            + "JOIN " + tabel + " src ON " + vanSjabloon.get(tabel));
      }
    }
    if (sjablonen == 0) {
      throw new IllegalStateException("no template instance with open tasks");
    }
    return sjablonen;
  }

  int takenPerKopie() {
    return takenPerKopie;
  }

  long openTaken() throws SQLException {
    try (Statement s = db.createStatement()) {
      return tel(s, "SELECT COUNT(*) FROM act_ru_task");
    }
  }

  /**
   * Adds copies until there are at least {@code doel} open tasks (exactly, when the remainder is a multiple of the
   * tasks per copy), then ANALYZEs the tables; returns the number of open tasks.
   */
  long vulAanTot(long doel) throws SQLException {
    long erbij = doel - openTaken();
    if (erbij < 0) {
      throw new IllegalArgumentException("already more than " + doel + " open tasks");
    }
    long kopieen = (erbij + takenPerKopie - 1) / takenPerKopie;
    long verwacht = openTaken() + kopieen * takenPerKopie;
    if (kopieen > 0) {
      long van = volgendeKopie;
      long tot = volgendeKopie + kopieen - 1;
      boolean autoCommit = db.getAutoCommit();
      db.setAutoCommit(false);
      try (Statement s = db.createStatement()) {
        for (String tabel : TABELLEN) {
          kopieer(s, tabel, van, tot);
        }
        // the engine's user authorization for the assignee, as on a claim: same permissions as the group's
        s.executeUpdate("""
            INSERT INTO act_ru_authorization (id_, rev_, type_, group_id_, user_id_, resource_type_, resource_id_,
                perms_, removal_time_, root_proc_inst_id_)
            SELECT a.id_ || '-u', 1, a.type_, NULL, t.assignee_, a.resource_type_, a.resource_id_, a.perms_,
                a.removal_time_, a.root_proc_inst_id_
            FROM act_ru_task t
            JOIN LATERAL (SELECT * FROM act_ru_authorization x WHERE x.resource_type_ = 7
                AND x.resource_id_ = t.id_ AND x.group_id_ IS NOT NULL ORDER BY x.id_ LIMIT 1) a ON true
            WHERE t.assignee_ IS NOT NULL AND t.id_ LIKE '%-k%'
              AND NOT EXISTS (SELECT 1 FROM act_ru_authorization u WHERE u.resource_type_ = 7
                AND u.resource_id_ = t.id_ AND u.user_id_ = t.assignee_)""");
        db.commit();
      } catch (SQLException | RuntimeException e) {
        db.rollback();
        throw e;
      } finally {
        db.setAutoCommit(autoCommit);
      }
      volgendeKopie = tot + 1;
    }
    try (Statement s = db.createStatement()) {
      for (String tabel : TABELLEN) {
        s.execute("ANALYZE " + tabel);
      }
    }
    long aantal = openTaken();
    if (aantal != verwacht) {
      throw new AssertionError("seeded " + aantal + " open tasks instead of " + verwacht);
    }
    return aantal;
  }

  private void kopieer(Statement s, String tabel, long van, long tot) throws SQLException {
    List<String> kolommen = kolommen(tabel);
    String doel = String.join(", ", kolommen);
    String bron = kolommen.stream().map(k -> expressie(tabel, k) + " AS " + k).collect(Collectors.joining(", "));
    s.executeUpdate("INSERT INTO " + tabel + " (" + doel + ") SELECT " + bron
        + " FROM generate_series(" + van + "::bigint, " + tot + "::bigint) AS g(n)"
        + " JOIN bench_bron_" + tabel + " src ON src.bench_nr = (g.n % " + sjablonen + ")");
  }

  private static String expressie(String tabel, String kolom) {
    String groepen = GROEPEN.stream().map(g -> "'" + g + "'").collect(Collectors.joining(","));
    if (kolom.equals("group_id_")) {
      // rotate the staff groups by the copy number; other groups stay
      return "COALESCE((ARRAY[" + groepen + "])[((array_position(ARRAY[" + groepen + "]::text[], "
          + "src.group_id_::text) - 1 + g.n) % " + GROEPEN.size() + ")::int + 1], src.group_id_)";
    }
    if (tabel.equals("act_ru_task") && kolom.equals("due_date_")) {
      return "date_trunc('day', now()) + make_interval(days => ((g.n * 7919 + abs(hashtext(src.task_def_key_)))"
          + " % 90)::int - 10) + interval '23 hours 59 minutes 59 seconds'";
    }
    if (tabel.equals("act_ru_task") && kolom.equals("create_time_")) {
      return "now() - make_interval(secs => ((g.n * 104729) % 5184000)::double precision)";
    }
    if (tabel.equals("act_ru_task") && kolom.equals("assignee_")) {
      return "CASE WHEN g.n % 20 = 0 THEN 'coordinator' WHEN g.n % 20 = 10 THEN 'medewerker' ELSE src.assignee_ END";
    }
    if (tabel.equals("act_ru_variable") && kolom.equals("text_")) {
      return "CASE WHEN src.name_ = 'referentie' THEN src.text_ || '-' || g.n ELSE src.text_ END";
    }
    if (KOPIEER_ID.contains(kolom)) {
      // ids are at most 64 characters (activity instance ids are "<activity>:<uuid>"): keep the first 56
      return "left(src." + kolom + ", 56) || '-k' || g.n";
    }
    return "src." + kolom;
  }

  private List<String> kolommen(String tabel) throws SQLException {
    List<String> kolommen = new ArrayList<>();
    try (ResultSet rs = db.getMetaData().getColumns(null, "public", tabel.toLowerCase(Locale.ROOT), null)) {
      while (rs.next()) {
        kolommen.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
      }
    }
    if (kolommen.isEmpty()) {
      throw new IllegalStateException("table " + tabel + " not found");
    }
    return kolommen;
  }

  private static int tel(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
