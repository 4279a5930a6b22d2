package nl.deurwaarder.avg.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Captures the SQL the engine sends while a piece of code runs, from PostgreSQL's own log
 * ({@code log_min_duration_statement = 0}, switched on with {@code ALTER SYSTEM} + {@code pg_reload_conf()} so that
 * it also applies to the application's pooled connections), and explains it with
 * {@code EXPLAIN (ANALYZE, BUFFERS)}. Needs a server started with {@code logging_collector=on} writing to
 * {@code log}.
 */
final class SqlOpname {

  record Opdracht(double ms, String sql) {

    /** The first words of the statement, for a readable label. */
    String soort() {
      String s = sql.replaceAll("\\s+", " ").trim().toLowerCase();
      if (s.contains("count(")) {
        return "count";
      }
      if (s.contains("act_ru_variable")) {
        return "variables";
      }
      if (s.contains("from act_ru_task")) {
        return "task page";
      }
      return s.substring(0, Math.min(60, s.length()));
    }
  }

  private static final Pattern REGELBEGIN = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d+ \\S+ \\[\\d+\\] ");
  private static final Pattern UITVOERING = Pattern.compile(
      "LOG:  duration: ([\\d.]+) ms  (?:execute [^:]*|statement): (.*)", Pattern.DOTALL);
  private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+) = ('(?:[^']|'')*'|NULL)");

  private final Connection db;
  private final Path log;

  SqlOpname(Connection db, Path log) {
    this.db = db;
    this.log = log;
  }

  /** Runs {@code werk} with statement logging on; returns the statements of the engine (parameters filled in). */
  List<Opdracht> neemOp(Runnable werk) throws SQLException, IOException {
    zet("0");
    long vanaf = Files.exists(log) ? Files.size(log) : 0;
    try {
      werk.run();
    } finally {
      zet("-1");
    }
    String markering = "bench-einde-" + UUID.randomUUID();
    try (Statement s = db.createStatement()) {
      s.execute("DO $$ BEGIN RAISE LOG '" + markering + "'; END $$");
    }
    String tekst = "";
    for (int i = 0; i < 200 && !tekst.contains(markering); i++) {
      tekst = lees(vanaf);
      if (!tekst.contains(markering)) {
        try {
          Thread.sleep(25); // the logging collector writes asynchronously
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    return ontleed(tekst);
  }

  private String lees(long vanaf) throws IOException {
    byte[] alles = Files.readAllBytes(log);
    return new String(alles, (int) Math.min(vanaf, alles.length), (int) Math.max(0, alles.length - vanaf),
        StandardCharsets.UTF_8);
  }

  private void zet(String waarde) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("ALTER SYSTEM SET log_min_duration_statement = " + waarde);
      s.execute("SELECT pg_reload_conf()");
    }
  }

  static List<Opdracht> ontleed(String tekst) {
    List<String> items = new ArrayList<>();
    StringBuilder huidig = null;
    for (String regel : tekst.split("\n", -1)) {
      Matcher m = REGELBEGIN.matcher(regel);
      if (m.find()) {
        if (huidig != null) {
          items.add(huidig.toString());
        }
        huidig = new StringBuilder(regel.substring(m.end()));
      } else if (huidig != null) {
        huidig.append('\n').append(regel);
      }
    }
    if (huidig != null) {
      items.add(huidig.toString());
    }
    List<Opdracht> opdrachten = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Matcher m = UITVOERING.matcher(items.get(i));
      if (!m.matches()) {
        continue;
      }
      String sql = m.group(2).trim();
      if (i + 1 < items.size() && items.get(i + 1).startsWith("DETAIL:  Parameters:")) {
        Map<Integer, String> waarden = new TreeMap<>((a, b) -> b - a); // $12 before $1
        Matcher p = PARAMETER.matcher(items.get(i + 1));
        while (p.find()) {
          waarden.put(Integer.parseInt(p.group(1)), p.group(2));
        }
        for (Map.Entry<Integer, String> w : waarden.entrySet()) {
          sql = sql.replace("$" + w.getKey(), w.getValue());
        }
      }
      String klein = sql.toLowerCase();
      if (klein.startsWith("alter system") || klein.startsWith("select pg_reload_conf") || klein.startsWith("do ")
          || klein.equals("commit") || klein.equals("begin") || klein.startsWith("set ")) {
        continue;
      }
      opdrachten.add(new Opdracht(Double.parseDouble(m.group(1)), sql));
    }
    return opdrachten;
  }

  /** EXPLAIN (ANALYZE, BUFFERS) of a captured statement. */
  String leg(String sql) throws SQLException {
    return explain("EXPLAIN (ANALYZE, BUFFERS) ", sql);
  }

  /** The plan with the planner's estimates, without running the statement. */
  String plan(String sql) throws SQLException {
    return explain("EXPLAIN ", sql);
  }

  private String explain(String explain, String sql) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(explain + sql)) {
      while (rs.next()) {
        plan.append(rs.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }
}
