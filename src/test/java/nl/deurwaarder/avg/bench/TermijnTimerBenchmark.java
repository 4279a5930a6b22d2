package nl.deurwaarder.avg.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import nl.deurwaarder.avg.KindApp;
import org.junit.jupiter.api.Test;

/**
 * Deadline timers (issue 8, benchmark 4), on PostgreSQL with the application as child JVMs and the product's job
 * executor settings.
 * <ol>
 * <li><b>Burst:</b> {@code bench.timers} (default 10 000) deadline timers due at the same moment — the shape of the
 * request procedures' "Termijn verstreken" watch ({@code bench/termijn-timer-bench.bpmn}: non-interrupting timer
 * start event, asyncBefore mail step {@code ${verzoekMelding}}, escalation user task). Time from the due moment until
 * the last timer has fired, with 1 node and with 2 nodes on one database, alternated and repeated. Every timer must
 * fire exactly once (asserted).</li>
 * <li><b>Lateness after idling:</b> a separate node stays idle for {@code bench.idle} (default PT3M; the job
 * acquisition has reached its maximum wait 75 s after the last job, so longer idle periods are the same state), then
 * probe timers fall due; printed: actual firing − due time.</li>
 * </ol>
 * Prints figures, asserts no times. Run: {@code mvn -B -Pbenchmark verify -Dit.test=TermijnTimerBenchmark}
 * (docs/performance.md, "Deadline timers").
 */
class TermijnTimerBenchmark {

  private static final int TIMERS = Integer.getInteger("bench.timers", 10_000);
  private static final int HERHALINGEN = Integer.getInteger("bench.herhalingen", 3);
  private static final Duration IDLE = Duration.parse(System.getProperty("bench.idle", "PT3M"));
  private static final int PROEVEN = Integer.getInteger("bench.proeven", 4);
  private static final int CLIENTS = 4;

  private static final String PROCES = "bench-termijntimer";
  private static final String TIMER = "StartEvent_TermijnVerstreken";
  private static final String MAILSTAP = "Task_TermijnVerstrekenMailen";
  private static final String ESCALATIE = "Task_TermijnOverschredenEscaleren";
  private static final String VER_WEG = "2099-12-31T23:59:59.000+0100";
  /**
   * After a job, the acquisition waits 5, 10, 20 and 40 s after empty polls (wait-time 5 s, factor 2), then always
   * 60 s (max-wait; Camunda 7.24's BackoffJobAcquisitionStrategy: maxIdleLevel = (int) log2(60/5) + 2 = 5). From 75 s
   * after a probe fired (at most 60 s after its due moment) the node is in the same state as after an idle hour; the
   * next probe falls due 135 s after the previous due moment plus a random part of a 60 s cycle.
   */
  private static final Duration NAAR_MAXIMALE_WACHTTIJD = Duration.ofSeconds(75 + 60);

  record Run(int knooppunten, int herhaling, double eersteS, double allesS, double afvoerS, double escalatieS,
      Map<String, Long> perKnooppunt, long mislukt) {
    double timersPerS() {
      return afvoerS > 0 ? TIMERS / afvoerS : Double.NaN;
    }
  }

  @Test
  void deadlineTimersBurstAndLatenessAfterIdling() throws Exception {
    long begin = System.nanoTime();
    System.out.printf("== Deadline timers (issue 8, benchmark 4): %d timers, %d repetitions, idle %s, %d probes ==%n",
        TIMERS, HERHALINGEN, IDLE, PROEVEN);
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
      // (b) first: its node idles while (a) runs (an idle job executor polls the database once a minute)
      Laatheid laatheid = new Laatheid(postgres);
      laatheid.start();

      // (a) the 10 000 waiting requests once, in a template database; every run gets a copy (CREATE DATABASE … TEMPLATE)
      maakSjabloon(postgres);
      List<Run> runs = new ArrayList<>();
      for (int h = 1; h <= HERHALINGEN; h++) {
        for (int knooppunten : new int[] {1, 2}) {
          Run run = burst(postgres, knooppunten, h);
          runs.add(run);
          System.out.printf("timers %d node(s) run %d: due→first fired %.1f s, due→all fired %.1f s "
              + "(first→last %.1f s = %.0f timers/s), due→all escalation tasks %.1f s; fired per node %s; "
              + "failed attempts (retried) %d%n", knooppunten, h, run.eersteS(), run.allesS(), run.afvoerS(),
              run.timersPerS(), run.escalatieS(), run.perKnooppunt(), run.mislukt());
        }
      }
      samenvattingBurst(runs);

      laatheid.wachtEnDruk();
    }
    System.out.printf("TermijnTimerBenchmark elapsed: %.1f min%n", (System.nanoTime() - begin) / 60e9);
  }

  // ---------------------------------------------------------------------------------------------- (a) burst

  private void maakSjabloon(EmbeddedPostgres postgres) throws Exception {
    voer(postgres, "postgres", "CREATE DATABASE timers_sjabloon");
    long t = System.nanoTime();
    try (KindApp node = KindApp.start("timers-sjabloon", omgeving(postgres, "timers_sjabloon", "sjabloon"))
        .wachtTotGezond(Duration.ofMinutes(5))) {
      EngineRestKlant rest = new EngineRestKlant(node);
      rest.deploy("bench-termijntimer", "bench/termijn-timer-bench.bpmn");
      String variabelen = "{\"uitersteReactiedatum\":{\"value\":\"" + VER_WEG + "\",\"type\":\"Date\"}}";
      AtomicInteger volgnummer = new AtomicInteger();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> klaar = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        klaar.add(clients.submit(() -> {
          for (int i = volgnummer.incrementAndGet(); i <= TIMERS; i = volgnummer.incrementAndGet()) {
            rest.start(PROCES, String.format("BENCH-%06d", i), variabelen);
          }
        }));
      }
      for (Future<?> f : klaar) {
        f.get(30, TimeUnit.MINUTES);
      }
      clients.shutdown();
    }
    assertThat(tel(postgres, "timers_sjabloon", timerJobs())).as("waiting deadline timers").isEqualTo(TIMERS);
    System.out.printf("set-up: %d requests waiting with their deadline timer, started over /engine-rest in %.0f s "
        + "(once; every run starts on a copy of this database)%n", TIMERS, (System.nanoTime() - t) / 1e9);
  }

  private Run burst(EmbeddedPostgres postgres, int knooppunten, int herhaling) throws Exception {
    String db = "timers_" + knooppunten + "_" + herhaling;
    voer(postgres, "postgres", "CREATE DATABASE " + db + " TEMPLATE timers_sjabloon");
    List<KindApp> nodes = new ArrayList<>();
    try {
      // the nodes start together (the schema and the deployment exist already in the copy)
      for (int k = 0; k < knooppunten; k++) {
        String host = "knooppunt-" + (char) ('a' + k);
        nodes.add(KindApp.start(db + "-" + host, omgeving(postgres, db, host)));
      }
      for (KindApp n : nodes) {
        n.wachtTotGezond(Duration.ofMinutes(5));
      }
      assertThat(tel(postgres, db, timerJobs())).isEqualTo(TIMERS);

      // all timers due now: the moment the deadline passes for 10 000 requests at once (e.g. all at 23:59:59)
      long due = System.currentTimeMillis();
      try (Connection c = postgres.getDatabase("postgres", db).getConnection();
          PreparedStatement ps = c.prepareStatement("UPDATE act_ru_job j SET duedate_ = "
              + "(to_timestamp(? / 1000.0) AT TIME ZONE 'Europe/Amsterdam') FROM act_ru_jobdef d "
              + "WHERE j.job_def_id_ = d.id_ AND d.proc_def_key_ = '" + PROCES + "' AND d.act_id_ = '" + TIMER + "'")) {
        ps.setLong(1, due);
        assertThat(ps.executeUpdate()).isEqualTo(TIMERS);
      }

      // wait (bounded) until every timer fired and every escalation task exists; the times come from the history
      Instant grens = Instant.now().plus(Duration.ofMinutes(20));
      while (tel(postgres, db, timerJobs()) > 0 || tel(postgres, db, "SELECT COUNT(*) FROM act_ru_job j JOIN "
          + "act_ru_jobdef d ON j.job_def_id_ = d.id_ WHERE d.act_id_ = '" + MAILSTAP + "'") > 0
          || tel(postgres, db, "SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = '" + ESCALATIE + "'") < TIMERS) {
        for (KindApp n : nodes) {
          assertThat(n.leeft()).as("%s died:%n%s", n.naam(), n.uitvoer()).isTrue();
        }
        assertThat(Instant.now()).as("all timers fired within 20 minutes; remaining %d",
            tel(postgres, db, timerJobs())).isBefore(grens);
        TimeUnit.MILLISECONDS.sleep(500); // poll interval of a bounded wait; the figures come from the history
      }

      controleerEenmaal(postgres, db);
      double eerste = (eenGetal(postgres, db, "SELECT MIN(" + epochMs("start_time_") + ") FROM act_hi_actinst "
          + "WHERE proc_def_key_ = '" + PROCES + "' AND act_id_ = '" + TIMER + "'") - due) / 1000.0;
      double laatste = (eenGetal(postgres, db, "SELECT MAX(" + epochMs("start_time_") + ") FROM act_hi_actinst "
          + "WHERE proc_def_key_ = '" + PROCES + "' AND act_id_ = '" + TIMER + "'") - due) / 1000.0;
      double escalatie = (eenGetal(postgres, db, "SELECT MAX(" + epochMs("start_time_") + ") FROM act_hi_actinst "
          + "WHERE proc_def_key_ = '" + PROCES + "' AND act_id_ = '" + ESCALATIE + "'") - due) / 1000.0;
      Map<String, Long> perKnooppunt = new LinkedHashMap<>();
      try (Connection c = postgres.getDatabase("postgres", db).getConnection();
          ResultSet rs = c.createStatement().executeQuery("SELECT l.hostname_, COUNT(*) FROM act_hi_job_log l "
              + "JOIN act_ru_jobdef d ON l.job_def_id_ = d.id_ WHERE d.act_id_ = '" + TIMER + "' AND l.job_state_ = 2 "
              + "GROUP BY l.hostname_ ORDER BY l.hostname_")) {
        while (rs.next()) {
          perKnooppunt.put(rs.getString(1), rs.getLong(2));
        }
      }
      long mislukt = tel(postgres, db, "SELECT COUNT(*) FROM act_hi_job_log l JOIN act_ru_jobdef d "
          + "ON l.job_def_id_ = d.id_ WHERE d.proc_def_key_ = '" + PROCES + "' AND l.job_state_ = 1");
      return new Run(knooppunten, herhaling, eerste, laatste, laatste - eerste, escalatie, perKnooppunt, mislukt);
    } finally {
      for (KindApp n : nodes) {
        n.close();
        verwijderMap(Path.of("target", "kindapp", n.naam(), "data"));
      }
      voer(postgres, "postgres", "DROP DATABASE IF EXISTS " + db);
    }
  }

  /** Every timer fired exactly once: one firing, one mail, one escalation task per request, none twice, no incident. */
  private void controleerEenmaal(EmbeddedPostgres postgres, String db) throws SQLException {
    String actinst = "FROM act_hi_actinst WHERE proc_def_key_ = '" + PROCES + "' AND act_id_ = '" + TIMER + "'";
    assertThat(tel(postgres, db, "SELECT COUNT(*) " + actinst)).as("timer firings").isEqualTo(TIMERS);
    assertThat(tel(postgres, db, "SELECT COUNT(DISTINCT proc_inst_id_) " + actinst)).as("requests whose timer fired")
        .isEqualTo(TIMERS);
    assertThat(tel(postgres, db, "SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = '" + ESCALATIE + "'"))
        .as("escalation tasks").isEqualTo(TIMERS);
    assertThat(tel(postgres, db, "SELECT COUNT(DISTINCT proc_inst_id_) FROM act_ru_task WHERE task_def_key_ = '"
        + ESCALATIE + "'")).as("requests with an escalation task").isEqualTo(TIMERS);
    assertThat(tel(postgres, db, "SELECT COUNT(*) FROM avg_procesmail WHERE soort = 'TERMIJN_VERSTREKEN' "
        + "AND referentie LIKE 'BENCH-%'")).as("escalation mails recorded (one per request)").isEqualTo(TIMERS);
    assertThat(tel(postgres, db, "SELECT COUNT(DISTINCT referentie) FROM avg_procesmail "
        + "WHERE soort = 'TERMIJN_VERSTREKEN'")).as("requests mailed about").isEqualTo(TIMERS);
    assertThat(tel(postgres, db, "SELECT COUNT(*) FROM act_ru_incident")).as("incidents").isZero();
    assertThat(tel(postgres, db, "SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = 'Task_VerzoekBehandelen'"))
        .as("the requests themselves still wait (non-interrupting timer)").isEqualTo(TIMERS);
  }

  private void samenvattingBurst(List<Run> runs) {
    System.out.printf("== (a) %d deadline timers due at once, product job executor settings (per node: core 3 / "
        + "max 4 threads, 3 jobs per acquisition), PostgreSQL, shared 2-core machine ==%n", TIMERS);
    Map<Integer, Statistiek> alles = new LinkedHashMap<>();
    Map<Integer, Statistiek> afvoer = new LinkedHashMap<>();
    for (int k : new int[] {1, 2}) {
      List<Run> r = runs.stream().filter(x -> x.knooppunten() == k).toList();
      alles.put(k, Statistiek.van(r.stream().map(Run::allesS).toList()));
      afvoer.put(k, Statistiek.van(r.stream().map(Run::afvoerS).toList()));
      System.out.printf("%d node(s), seconds: due → all fired %s; due → first fired %s; first → last fired %s; "
          + "due → all escalation tasks %s; timers/s (first → last): %s%n", k, alles.get(k).samenvatting("%.1f"),
          Statistiek.van(r.stream().map(Run::eersteS).toList()).samenvatting("%.1f"),
          afvoer.get(k).samenvatting("%.1f"),
          Statistiek.van(r.stream().map(Run::escalatieS).toList()).samenvatting("%.1f"),
          Statistiek.van(r.stream().map(Run::timersPerS).toList()).samenvatting("%.0f"));
    }
    System.out.printf("HEADLINE time until all %d timers fired, 2 nodes ÷ 1 node: %.2f (first → last fired: %.2f); "
        + "throughput 1 node %.0f timers/s, 2 nodes %.0f timers/s%n", TIMERS,
        alles.get(2).mediaan() / alles.get(1).mediaan(), afvoer.get(2).mediaan() / afvoer.get(1).mediaan(),
        TIMERS / afvoer.get(1).mediaan(), TIMERS / afvoer.get(2).mediaan());
  }

  // ---------------------------------------------------------------------------------------------- (b) lateness

  /** An idle node with probe timers: the first due after {@code IDLE}, the next ones spaced so that each finds the
   * job acquisition at its maximum wait again, at a random phase of its polling cycle. */
  private final class Laatheid {
    private final EmbeddedPostgres postgres;
    private final List<Instant> dueMomenten = new ArrayList<>();
    private KindApp node;

    Laatheid(EmbeddedPostgres postgres) {
      this.postgres = postgres;
    }

    void start() throws Exception {
      voer(postgres, "postgres", "CREATE DATABASE timers_idle");
      node = KindApp.start("timers-idle", omgeving(postgres, "timers_idle", "idle"))
          .wachtTotGezond(Duration.ofMinutes(5));
      EngineRestKlant rest = new EngineRestKlant(node);
      rest.deploy("bench-termijntimer", "bench/termijn-timer-bench.bpmn");
      Instant due = Instant.now().plus(IDLE);
      for (int i = 1; i <= PROEVEN; i++) {
        dueMomenten.add(due);
        rest.start(PROCES, "SONDE-" + i, "{\"uitersteReactiedatum\":{\"value\":\"" + EngineRestKlant.restDatum(due)
            + "\",\"type\":\"Date\"}}");
        due = due.plus(NAAR_MAXIMALE_WACHTTIJD).plusMillis(ThreadLocalRandom.current().nextLong(60_000));
      }
      System.out.printf("(b) idle node started; probe timers due at %s (first after %s idle)%n", dueMomenten, IDLE);
    }

    void wachtEnDruk() throws Exception {
      try {
        Instant grens = dueMomenten.get(dueMomenten.size() - 1).plus(Duration.ofMinutes(5));
        while (tel(postgres, "timers_idle", "SELECT COUNT(*) FROM act_hi_actinst WHERE proc_def_key_ = '" + PROCES
            + "' AND act_id_ = '" + TIMER + "'") < PROEVEN) {
          assertThat(node.leeft()).as("idle node died:%n%s", node.uitvoer()).isTrue();
          assertThat(Instant.now()).as("probe timers fired").isBefore(grens);
          TimeUnit.SECONDS.sleep(1); // poll interval of a bounded wait; the firing time comes from the history
        }
        List<Double> laat = new ArrayList<>();
        for (int i = 1; i <= PROEVEN; i++) {
          long gevuurd = eenGetal(postgres, "timers_idle", "SELECT " + epochMs("a.start_time_") + " FROM "
              + "act_hi_actinst a JOIN act_hi_procinst p ON a.proc_inst_id_ = p.id_ WHERE p.business_key_ = 'SONDE-"
              + i + "' AND a.act_id_ = '" + TIMER + "'");
          double s = (gevuurd - dueMomenten.get(i - 1).toEpochMilli()) / 1000.0;
          laat.add(s);
          System.out.printf("(b) probe %d: due %s, fired %.1f s late%n", i, dueMomenten.get(i - 1), s);
        }
        Statistiek st = Statistiek.van(laat);
        System.out.printf("== (b) lateness of a deadline timer after %s idle (product settings: wait 5 s, ×2 per "
            + "empty poll, max-wait 60 s) ==%n", IDLE);
        System.out.printf("HEADLINE lateness (fired − due): median %.1f s, max %.1f s, min %.1f s, n=%d; worst case "
            + "from the settings ≈ 60 s max-wait + one acquisition and execution%n", st.mediaan(), st.max(), st.min(),
            st.aantal());
      } finally {
        node.close();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------- helpers

  private static Map<String, String> omgeving(EmbeddedPostgres postgres, String db, String hostnaam) {
    Map<String, String> env = new LinkedHashMap<>(KindApp.omgeving(postgres.getJdbcUrl("postgres", db), 25,
        Map.of()));
    // mail to the on-disk outbox (the embedded default), so that 10 000 mails need no SMTP server in the test JVM
    env.remove("SPRING_MAIL_HOST");
    env.remove("SPRING_MAIL_PORT");
    // benchmark only: the engine's host name goes into the job log, so that the firings can be counted per node
    env.put("CAMUNDA_BPM_GENERICPROPERTIES_PROPERTIES_HOSTNAME", hostnaam);
    return env;
  }

  private static String timerJobs() {
    return "SELECT COUNT(*) FROM act_ru_job j JOIN act_ru_jobdef d ON j.job_def_id_ = d.id_ "
        + "WHERE d.proc_def_key_ = '" + PROCES + "' AND d.act_id_ = '" + TIMER + "'";
  }

  /** Camunda writes local times (the children run in Europe/Amsterdam) into timestamp columns. */
  private static String epochMs(String kolom) {
    return "CAST(EXTRACT(EPOCH FROM (" + kolom + " AT TIME ZONE 'Europe/Amsterdam')) * 1000 AS BIGINT)";
  }

  private static void voer(EmbeddedPostgres postgres, String db, String sql) throws SQLException {
    try (Connection c = postgres.getDatabase("postgres", db).getConnection()) {
      c.createStatement().execute(sql);
    }
  }

  private static long tel(EmbeddedPostgres postgres, String db, String sql) throws SQLException {
    return eenGetal(postgres, db, sql);
  }

  private static long eenGetal(EmbeddedPostgres postgres, String db, String sql) throws SQLException {
    try (Connection c = postgres.getDatabase("postgres", db).getConnection();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      assertThat(rs.next()).as(sql).isTrue();
      return rs.getLong(1);
    }
  }

  private static void verwijderMap(Path map) throws IOException {
    if (Files.exists(map)) {
      try (Stream<Path> paden = Files.walk(map)) {
        for (Path p : paden.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
