package nl.deurwaarder.avg.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.deurwaarder.avg.KindApp;
import nl.deurwaarder.avg.security.DemoGebruikers;
import nl.deurwaarder.avg.security.Rol;
import nl.deurwaarder.avg.tasklist.TasklistFilters;
import nl.deurwaarder.avg.tasklist.TasklistIndexen;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import org.junit.jupiter.api.Test;

/**
 * Tasklist at scale (issue 8, benchmark 3): p50/p95 of what Tasklist asks when a user opens each shared filter
 * ({@link TasklistFilters}) — the first page of 15 with the filter's variables and the total count, and the count
 * alone — with 10 000 and 100 000 open tasks on PostgreSQL, over HTTP against the running application as a member
 * of the filter's group; each time without and with the statistics, settings and index of {@link TasklistIndexen}
 * (alternated per round). The growth factor (largest ÷ smallest size) is the headline. Asserts only that the seed is
 * consistent: every filter's count as the engine computes it equals the count from the raw rows.
 *
 * <p>Sizes {@code -Dbench.taken=10000,100000}, rounds {@code -Dbench.herhalingen=3} (each: without, with),
 * measurements per round, filter and query kind {@code -Dbench.metingen=5} (without: {@code -Dbench.metingenZonder=1},
 * cancelled after {@code -Dbench.plafond=5} seconds); {@code -Dbench.explain=true} prints each filter's count
 * statement as captured from PostgreSQL's log with its plans at the largest size. Run:
 * {@code mvn -B -Pbenchmark verify -Dit.test=TasklistSchaalBenchmark} (docs/performance.md, "Tasklist at scale").
 */
class TasklistSchaalBenchmark {

  private static final List<Long> GROOTTES = Arrays.stream(System.getProperty("bench.taken", "10000,100000")
      .split(",")).map(String::trim).map(Long::valueOf).toList();
  private static final int HERHALINGEN = Integer.getInteger("bench.herhalingen", 3);
  private static final int METINGEN = Integer.getInteger("bench.metingen", 5);
  private static final int METINGEN_ZONDER = Integer.getInteger("bench.metingenZonder", 1);
  private static final int PLAFOND_S = Integer.getInteger("bench.plafond", 5);
  private static final boolean EXPLAIN = Boolean.getBoolean("bench.explain");
  private static final List<String> VARIANTEN = List.of("zonder", "met");
  private static final List<String> SOORTEN = List.of("pagina", "telling");

  /** Per filter, the demo user who opens it (the first one, in this order, who can see it). */
  private static final List<String> GEBRUIKERS = List.of("coordinator", "fg", "directie", "ict", "medewerker");

  /** size → variant → filter → kind → milliseconds */
  private final Map<Long, Map<String, Map<String, Map<String, List<Double>>>>> metingen = new LinkedHashMap<>();

  @Test
  void tasklistFiltersAtScale() throws Exception {
    long begin = System.nanoTime();
    Path logmap = Files.createDirectories(Path.of("target", "bench-tasklist", "pglog").toAbsolutePath());
    Path log = logmap.resolve("postgresql.log");
    Files.deleteIfExists(log);
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setServerConfig("logging_collector", "on")
        .setServerConfig("log_directory", logmap.toString())
        .setServerConfig("log_filename", "postgresql.log")
        .setServerConfig("log_rotation_size", "0")
        .start()) {
      try (Connection c = postgres.getPostgresDatabase().getConnection()) {
        c.createStatement().execute("CREATE DATABASE tasklist_schaal");
      }
      String url = postgres.getJdbcUrl("postgres", "tasklist_schaal");
      Map<String, String> env = new HashMap<>(KindApp.omgeving(url, 25, Map.of()));
      env.remove("SPRING_MAIL_HOST"); // letters go to the outbox
      env.remove("SPRING_MAIL_PORT");
      env.put("AVG_TASKLIST_INDEXEN", "false"); // the benchmark switches the measures itself (zetIndexen)
      long start = System.nanoTime();
      try (KindApp app = KindApp.start("bench-tasklist-" + System.nanoTime(), env)
          .wachtTotGezond(Duration.ofMinutes(5));
          Connection db = postgres.getDatabase("postgres", "tasklist_schaal").getConnection()) {
        System.out.printf("tasklist-schaal: application started on PostgreSQL in %.1f s%n",
            (System.nanoTime() - start) / 1e9);
        try (Statement s = db.createStatement()) {
          s.execute("SET TIME ZONE 'Europe/Amsterdam'"); // as the application's JVM stores DUE_DATE_
        }
        Sjablonen.maak(app);
        Takenvermenigvuldiger zaaier = new Takenvermenigvuldiger(db);
        int sjablonen = zaaier.kiesSjablonen();
        System.out.printf("tasklist-schaal: %d real request instances as templates, %d open tasks each%n",
            sjablonen, zaaier.takenPerKopie());

        Map<String, TasklistAlsGebruiker> perFilter = filtersPerGebruiker(app);
        for (long grootte : GROOTTES) {
          long t0 = System.nanoTime();
          long aantal = zaaier.vulAanTot(grootte);
          System.out.printf("tasklist-schaal: seeded %,d open tasks in %.1f s (SQL, then ANALYZE)%n", aantal,
              (System.nanoTime() - t0) / 1e9);
          controleerTellingen(db, perFilter);
          meet(db, grootte, perFilter);
          if (EXPLAIN && grootte == GROOTTES.get(GROOTTES.size() - 1)) {
            leg(db, log, perFilter);
          }
        }
        zetIndexen(db, "met"); // leave the database as the product makes it
      }
    }
    druk();
    System.out.printf("tasklist-schaal: benchmark took %.1f min%n", (System.nanoTime() - begin) / 6e10);
  }

  /** The filters every demo user sees, each assigned to the first user (in {@link #GEBRUIKERS}) who sees it. */
  private static Map<String, TasklistAlsGebruiker> filtersPerGebruiker(KindApp app) {
    Map<String, TasklistAlsGebruiker> perFilter = new LinkedHashMap<>();
    for (String naam : TasklistFiltersNamen.ALLE) {
      for (String gebruiker : GEBRUIKERS) {
        TasklistAlsGebruiker tasklist = new TasklistAlsGebruiker(app.basis(), gebruiker);
        if (tasklist.filters().containsKey(naam)) {
          perFilter.put(naam, tasklist);
          break;
        }
      }
      assertThat(perFilter).as("a demo user sees filter '%s'", naam).containsKey(naam);
    }
    return perFilter;
  }

  /** Correctness, not time: each filter's count as the engine gives it equals the count from the raw rows. */
  private static void controleerTellingen(Connection db, Map<String, TasklistAlsGebruiker> perFilter)
      throws SQLException {
    Map<String, Long> verwacht = new LinkedHashMap<>();
    Map<String, Long> engine = new LinkedHashMap<>();
    List<String> zonderVariabelen = new ArrayList<>();
    for (Map.Entry<String, TasklistAlsGebruiker> e : perFilter.entrySet()) {
      String naam = e.getKey();
      TasklistAlsGebruiker tasklist = e.getValue();
      String filterId = tasklist.filters().get(naam);
      verwacht.put(naam, verwachtAantal(db, naam, tasklist, filterId));
      long telling = tasklist.telling(filterId);
      TasklistAlsGebruiker.Pagina pagina = tasklist.eerstePagina(filterId);
      assertThat(pagina.totaal()).as("count in the HAL page of '%s'", naam).isEqualTo(telling);
      assertThat(pagina.taken()).as("tasks on page 1 of '%s'", naam).isEqualTo((int) Math.min(15, telling));
      if (tasklist.gebruiker().equals("coordinator")) {
        // the coordinator may read every process instance (RollenEnRechten), so every row shows its variables
        assertThat(pagina.takenMetVariabelen()).as("tasks with referentie/betrokkeneNaam on page 1 of '%s'", naam)
            .isEqualTo(pagina.taken());
      } else if (pagina.takenMetVariabelen() < pagina.taken()) {
        zonderVariabelen.add(naam + " (" + tasklist.gebruiker() + ")");
      }
      engine.put(naam, telling);
    }
    System.out.println("tasklist-schaal: tasks per filter (engine = raw rows): " + engine);
    if (!zonderVariabelen.isEmpty()) {
      System.out.println("tasklist-schaal: NOTE page 1 without referentie/betrokkeneNaam (no READ on the process "
          + "instance for this group): " + zonderVariabelen);
    }
    assertThat(engine).isEqualTo(verwacht);
  }

  private static long verwachtAantal(Connection db, String naam, TasklistAlsGebruiker tasklist, String filterId)
      throws SQLException {
    List<String> groepen = DemoGebruikers.GEBRUIKERS.stream().filter(g -> g.id().equals(tasklist.gebruiker()))
        .findFirst().orElseThrow().rollen().stream().map(Rol::groepId).toList();
    String zichtbaar = "(t.assignee_ = ? OR EXISTS (SELECT 1 FROM act_ru_identitylink i WHERE i.task_id_ = t.id_ "
        + "AND i.type_ = 'candidate' AND i.group_id_ = ANY (?)))";
    if (naam.equals(TasklistFilters.MIJN_TAKEN)) {
      return tel(db, "SELECT COUNT(*) FROM act_ru_task t WHERE t.assignee_ = ?", tasklist.gebruiker());
    }
    if (naam.equals(TasklistFilters.VERLOPEN)) {
      return tel(db, "SELECT COUNT(*) FROM act_ru_task t WHERE t.due_date_ < now() AND " + zichtbaar,
          tasklist.gebruiker(), groepen);
    }
    if (naam.equals(TasklistFilters.BINNEN_3_WERKDAGEN)) {
      JsonNode filter = tasklist.lees(tasklist.vraag("GET", "/engine-rest/filter/" + filterId, null,
          "application/json"));
      Timestamp grens = Timestamp.from(OffsetDateTime.parse(filter.path("query").path("dueBefore").asText(),
          DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant());
      return tel(db, "SELECT COUNT(*) FROM act_ru_task t WHERE t.due_date_ > now() AND t.due_date_ < ? AND "
          + zichtbaar, grens, tasklist.gebruiker(), groepen);
    }
    Rol rol = Arrays.stream(Rol.medewerkersrollen()).filter(r -> TasklistFilters.groepsfilterNaam(r).equals(naam))
        .findFirst().orElseThrow(() -> new AssertionError("unknown filter " + naam));
    return tel(db, "SELECT COUNT(DISTINCT i.task_id_) FROM act_ru_identitylink i JOIN act_ru_task t "
        + "ON t.id_ = i.task_id_ WHERE i.type_ = 'candidate' AND i.group_id_ = ?", rol.groepId());
  }

  private void meet(Connection db, long grootte, Map<String, TasklistAlsGebruiker> perFilter) throws SQLException {
    for (int ronde = 0; ronde < HERHALINGEN; ronde++) {
      for (String variant : VARIANTEN) {
        boolean zonder = variant.equals("zonder");
        zetIndexen(db, variant);
        if (zonder) {
          statementTimeout(db, PLAFOND_S + "s");
        }
        try {
          for (Map.Entry<String, TasklistAlsGebruiker> e : perFilter.entrySet()) {
            TasklistAlsGebruiker tasklist = e.getValue();
            String filterId = tasklist.filters().get(e.getKey());
            Map<String, Runnable> vragen = Map.of(
                "pagina", () -> tasklist.eerstePagina(filterId),
                "telling", () -> tasklist.telling(filterId));
            for (String soort : SOORTEN) {
              List<Double> cel = metingen.computeIfAbsent(grootte, k -> new LinkedHashMap<>())
                  .computeIfAbsent(variant, k -> new LinkedHashMap<>())
                  .computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>())
                  .computeIfAbsent(soort, k -> new ArrayList<>());
              if (cel.contains(Double.POSITIVE_INFINITY)) {
                continue; // hit the ceiling before: not asked again
              }
              if (!zonder && ronde == 0) {
                vragen.get(soort).run(); // warm-up: plan cache, connection, JIT
              }
              for (int i = 0; i < (zonder ? METINGEN_ZONDER : METINGEN); i++) {
                long t = System.nanoTime();
                try {
                  vragen.get(soort).run();
                  cel.add((System.nanoTime() - t) / 1e6);
                } catch (AssertionError fout) {
                  double ms = (System.nanoTime() - t) / 1e6;
                  if (!zonder || ms < PLAFOND_S * 900) {
                    throw fout;
                  }
                  cel.add(Double.POSITIVE_INFINITY); // cancelled by statement_timeout: slower than the ceiling
                  break;
                }
              }
            }
          }
        } finally {
          if (zonder) {
            statementTimeout(db, null);
          }
        }
      }
    }
  }

  /** For all sessions, the application's pooled ones included (ALTER SYSTEM + reload); null resets it. */
  private static void statementTimeout(Connection db, String waarde) throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute(waarde == null ? "ALTER SYSTEM RESET statement_timeout"
          : "ALTER SYSTEM SET statement_timeout = '" + waarde + "'");
      s.execute("SELECT pg_reload_conf()");
    }
  }

  /**
   * "zonder": Camunda's own indexes and PostgreSQL's default settings; "met": what the product's
   * {@link TasklistIndexen} creates. The child application runs with the component switched off
   * ({@code avg.tasklist.indexen=false}); the benchmark creates and drops the statistics and the index with the
   * component's own statements and gives its two settings of the application's database user to all sessions
   * through the server configuration ({@code ALTER SYSTEM} + reload), because it cannot renew the child's pool.
   */
  private static void zetIndexen(Connection db, String variant) throws SQLException {
    boolean met = variant.equals("met");
    try (Statement s = db.createStatement()) {
      for (TasklistIndexen.Maatregel m : TasklistIndexen.MAATREGELEN) {
        if (m.instelling() != null) {
          s.execute(met ? "ALTER SYSTEM SET " + m.instelling() : "ALTER SYSTEM RESET " + m.naam());
        } else {
          s.execute(met ? m.aanmaken() : m.verwijderen());
        }
      }
      // stands in for TaakqueryPlannen (off in the child with the component): custom plans for the task queries
      s.execute(met ? "ALTER SYSTEM SET plan_cache_mode = force_custom_plan" : "ALTER SYSTEM RESET plan_cache_mode");
      s.execute("ANALYZE act_ru_authorization");
      s.execute("ANALYZE act_ru_task");
      s.execute("SELECT pg_reload_conf()");
    }
  }

  /**
   * Prints, per filter, the count statement the engine sends (captured from PostgreSQL's log) with its plan: with
   * the product's statistics and index {@code EXPLAIN (ANALYZE, BUFFERS)}, without them the planner's plan and
   * estimates only (running it would take minutes at 100 000 tasks).
   */
  private void leg(Connection db, Path log, Map<String, TasklistAlsGebruiker> perFilter) throws Exception {
    SqlOpname opname = new SqlOpname(db, log);
    Map<String, String> sqlPerFilter = new LinkedHashMap<>();
    zetIndexen(db, "met");
    for (Map.Entry<String, TasklistAlsGebruiker> e : perFilter.entrySet()) {
      String filterId = e.getValue().filters().get(e.getKey());
      opname.neemOp(() -> e.getValue().telling(filterId)).stream().filter(o -> o.soort().equals("count"))
          .findFirst().ifPresent(o -> sqlPerFilter.put(e.getKey(), o.sql().replaceAll("\\s+", " ")));
    }
    for (String variant : List.of("met", "zonder")) {
      zetIndexen(db, variant);
      for (Map.Entry<String, String> e : sqlPerFilter.entrySet()) {
        System.out.printf("%n==== count of '%s' as %s, %s the product's statistics/index ====%n%s%n", e.getKey(),
            perFilter.get(e.getKey()).gebruiker(), variant, e.getValue());
        System.out.println(variant.equals("met") ? opname.leg(e.getValue()) : opname.plan(e.getValue()));
      }
    }
    zetIndexen(db, "met");
  }

  private String cel(long grootte, String variant, String filter, String soort) {
    Statistiek st = Statistiek.van(metingen.get(grootte).get(variant).get(filter).get(soort));
    if (Double.isInfinite(st.percentiel(50))) {
      return String.format(Locale.ROOT, "> %d s", PLAFOND_S);
    }
    return String.format(Locale.ROOT, "%.0f / %s", st.percentiel(50), Double.isInfinite(st.percentiel(95))
        ? "> " + PLAFOND_S + " s" : String.format(Locale.ROOT, "%.0f", st.percentiel(95)));
  }

  private String groei(String variant, String filter, String soort) {
    long klein = GROOTTES.get(0);
    long groot = GROOTTES.get(GROOTTES.size() - 1);
    double a = p50(klein, variant, filter, soort);
    double b = p50(groot, variant, filter, soort);
    if (Double.isInfinite(a)) {
      return "n/a";
    }
    if (Double.isInfinite(b)) {
      return String.format(Locale.ROOT, "> %.0f×", PLAFOND_S * 1000 / a);
    }
    return String.format(Locale.ROOT, "%.1f×", b / a);
  }

  private void druk() {
    long klein = GROOTTES.get(0);
    long groot = GROOTTES.get(GROOTTES.size() - 1);
    System.out.println();
    System.out.println("== Tasklist at scale: what Tasklist asks when a user opens a shared filter; HTTP to "
        + "/engine-rest as a member of the filter's group; PostgreSQL; milliseconds ==");
    System.out.println("pagina  = POST /filter/{id}/list?firstResult=0&maxResults=15, Accept: application/hal+json "
        + "(page 1 by due date, the filter's total count, variables referentie/betrokkeneNaam)");
    System.out.println("telling = GET /filter/{id}/count");
    System.out.printf("met    = with the product's TasklistIndexen %s; n = %d per cell (%d rounds × %d)%n",
        TasklistIndexen.MAATREGELEN.stream().map(TasklistIndexen.Maatregel::naam).toList(), HERHALINGEN * METINGEN,
        HERHALINGEN, METINGEN);
    System.out.printf("zonder = Camunda's own indexes only (before); n ≤ %d per cell, statement_timeout %d s "
        + "(\"> %d s\" = cancelled, not asked again); variants alternated per round%n",
        HERHALINGEN * METINGEN_ZONDER, PLAFOND_S, PLAFOND_S);
    for (String variant : List.of("met", "zonder")) {
      System.out.printf("%n-- %s: p50 / p95 --%n", variant);
      StringBuilder kop = new StringBuilder(String.format(Locale.ROOT, "%-38s %-8s", "filter", "query"));
      for (long g : GROOTTES) {
        kop.append(String.format(Locale.ROOT, " %16s", String.format(Locale.ROOT, "@%,d", g)));
      }
      kop.append(String.format(Locale.ROOT, " %12s", "growth p50"));
      System.out.println(kop);
      for (String filter : metingen.get(klein).get(variant).keySet()) {
        for (String soort : SOORTEN) {
          StringBuilder r = new StringBuilder(String.format(Locale.ROOT, "%-38s %-8s", filter, soort));
          for (long g : GROOTTES) {
            r.append(String.format(Locale.ROOT, " %16s", cel(g, variant, filter, soort)));
          }
          r.append(String.format(Locale.ROOT, " %12s", groei(variant, filter, soort)));
          System.out.println(r);
        }
      }
    }
    System.out.printf("%n== Headline: growth of p50 from %,d to %,d open tasks (linear would be %.0f×), and p50 "
        + "before → after at %,d ==%n", klein, groot, (double) groot / klein, groot);
    System.out.printf("%-38s %-8s %12s %12s %24s%n", "filter", "query", "growth met", "growth zonder",
        "zonder → met @" + String.format(Locale.ROOT, "%,d", groot));
    for (String filter : metingen.get(klein).get("met").keySet()) {
      for (String soort : SOORTEN) {
        System.out.printf(Locale.ROOT, "%-38s %-8s %12s %12s %24s%n", filter, soort, groei("met", filter, soort),
            groei("zonder", filter, soort), cel(groot, "zonder", filter, soort).split(" / ")[0] + " → "
                + cel(groot, "met", filter, soort).split(" / ")[0] + " ms");
      }
    }
  }

  private double p50(long grootte, String variant, String filter, String soort) {
    return Statistiek.van(metingen.get(grootte).get(variant).get(filter).get(soort)).percentiel(50);
  }

  private static long tel(Connection db, String sql, Object... parameters) throws SQLException {
    try (PreparedStatement p = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        if (parameters[i] instanceof List<?> lijst) {
          p.setArray(i + 1, db.createArrayOf("varchar", lijst.toArray()));
        } else {
          p.setObject(i + 1, parameters[i]);
        }
      }
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** The names of the shared filters, in Tasklist's order (priority). */
  static final class TasklistFiltersNamen {
    static final List<String> ALLE;

    static {
      List<String> namen = new ArrayList<>();
      namen.add(TasklistFilters.MIJN_TAKEN);
      Arrays.stream(Rol.medewerkersrollen()).map(TasklistFilters::groepsfilterNaam).forEach(namen::add);
      namen.add(TasklistFilters.BINNEN_3_WERKDAGEN);
      namen.add(TasklistFilters.VERLOPEN);
      ALLE = List.copyOf(namen);
    }

    private TasklistFiltersNamen() {
    }
  }

  /** The templates: real requests of all four kinds, registered through the application's API. */
  static final class Sjablonen {

    private Sjablonen() {
    }

    static void maak(KindApp app) throws Exception {
      TasklistAlsGebruiker coordinator = new TasklistAlsGebruiker(app.basis(), "coordinator");
      List<String> referenties = new ArrayList<>();
      int i = 0;
      for (VerzoekType type : VerzoekType.values()) {
        for (int k = 0; k < 2; k++, i++) {
          JsonNode antwoord = coordinator.lees(coordinator.vraag("POST", "/api/verzoeken", """
              {"verzoekType":"%s","kanaal":"EMAIL",
               "betrokkene":{"naam":"Sjabloon Persoon %d","email":"sjabloon%d@voorbeeld.example"},
               "omschrijving":"Benchmarkverzoek"}""".formatted(type.name(), i, i), "application/json"));
          referenties.add(antwoord.get("referentie").asText());
        }
      }
      // the acknowledgement letter is an async job: wait (bounded) until every request has its first user task
      Map<String, String> eersteTaak = new LinkedHashMap<>();
      for (int poging = 0; poging < 600 && eersteTaak.size() < referenties.size(); poging++) {
        for (String ref : referenties) {
          JsonNode taken = coordinator.lees(coordinator.vraag("GET", "/engine-rest/task?processInstanceBusinessKey="
              + ref, null, "application/json"));
          if (taken.size() > 0) {
            eersteTaak.put(ref, taken.get(0).get("id").asText());
          }
        }
        if (eersteTaak.size() < referenties.size()) {
          Thread.sleep(200); // polling the job executor, not timing
        }
      }
      assertThat(eersteTaak).as("first user task of every template request").hasSize(referenties.size());
    }
  }
}
