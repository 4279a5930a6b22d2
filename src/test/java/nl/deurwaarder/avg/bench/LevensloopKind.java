package nl.deurwaarder.avg.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import nl.deurwaarder.avg.AvgApplication;
import nl.deurwaarder.avg.archief.Archief;
import nl.deurwaarder.avg.archief.Stuksoort;
import nl.deurwaarder.avg.security.RollenEnRechten;
import nl.deurwaarder.avg.verzoek.Betrokkene;
import nl.deurwaarder.avg.verzoek.Kanaal;
import nl.deurwaarder.avg.verzoek.NieuwVerzoek;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekIntake;
import nl.deurwaarder.avg.verzoek.VerzoekRegister;
import nl.deurwaarder.avg.verzoek.VerzoekStatus;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Child JVM of {@link LevensloopBenchmark}: drives N access requests from registration to "verzonden" with C
 * concurrent client threads through the engine's Java API, either in the application ({@code app}: AvgApplication
 * with the timing proxies of {@link Meetpunten}, SMTP to the parent's GreenMail) or on a plain engine ({@code basis}:
 * a standalone Camunda engine with the benchmark-only BPMN {@code bench/levensloop-basis*.bpmn}). Both: job executor
 * off, every job executed by the client thread that caused it ({@code managementService.executeJob}), the same task
 * queries, claims, completions and form variables. Prints one line {@code LEVENSLOOP-RESULTAAT {json}}.
 *
 * <p>Arguments: {@code app|basis N warmUp threads}; database from {@code SPRING_DATASOURCE_URL}.
 */
public final class LevensloopKind {

  static final String REGEL = "LEVENSLOOP-RESULTAAT ";
  /**
   * The plain engine with the application's authorization: checks on, the groups and grants of
   * {@link RollenEnRechten}. Opt-in ({@code -Dbench.levensloop.varianten=basis,basisrechten,app}):
   * it tells how much of the app's extra is the per-user authorization that the plain baseline does not do.
   */
  static final String BASIS_MET_RECHTEN = "basisrechten";
  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  /** One step of the shortest path to "verzonden": the user task, who does it (with groups) and the form's values. */
  record Stap(String taak, String gebruiker, List<String> groepen, Map<String, Object> formulier) {
  }

  /** What differs between the application and the plain engine. */
  interface Variant extends AutoCloseable {
    ProcessEngine engine();

    /** Registers request number {@code nr}; returns its business key. */
    String registreer(int nr);

    /**
     * Before "Reactie samenstellen": the dossier application adds the screened data to the request's archive (the
     * product refuses an access reply without it). Nothing in the plain engine.
     */
    void gescreendeGegevensToevoegen(String ref);

    /** Throws when a request did not reach "verzonden" (a benchmark of a broken run is worthless). */
    void controleer(List<String> referenties);

    Map<String, Object> uitsplitsing();

    void nulstellen();

    /** Closes the idle pooled connections: their backends exit and report their statistics to PostgreSQL at once. */
    void verbindingenSluiten();

    @Override
    void close();
  }

  private LevensloopKind() {
  }

  public static void main(String[] args) throws Exception {
    String soort = args[0];
    int n = Integer.parseInt(args[1]);
    int opwarmen = Integer.parseInt(args[2]);
    int draden = Integer.parseInt(args[3]);
    String url = System.getenv("SPRING_DATASOURCE_URL");
    int code = 0;
    try (Variant variant = soort.equals("app") ? new App() : new Basis(url, soort.equals(BASIS_MET_RECHTEN))) {
      Map<String, Object> uitkomst = rijd(variant, url, n, opwarmen, draden);
      uitkomst.put("variant", soort);
      System.out.println(REGEL + new ObjectMapper().writeValueAsString(uitkomst));
    } catch (Throwable t) {
      t.printStackTrace(System.out);
      code = 1;
    }
    System.out.flush();
    System.exit(code); // the application's non-daemon threads (web server, schedulers) end with the JVM
  }

  static List<Stap> stappen() {
    List<String> coordinator = List.of("privacycoordinator", "medewerker");
    Map<String, Object> checklist = new HashMap<>();
    for (int i = 1; i <= 12; i++) {
      checklist.put(String.format("bron%02dAfgerond", i), true);
      checklist.put(String.format("bron%02dAanwezig", i), i <= 3);
    }
    checklist.put("bron13Naam", "Telefoonnotities");
    checklist.put("bron13Aanwezig", true);
    checklist.put("bron13Afgerond", true);
    checklist.put("checklistOpmerkingen", "Fysiek dossier gescand.");
    Map<String, Object> screenen = new HashMap<>();
    screenen.put("screeningUitkomst", "GESCREEND");
    for (String v : List.of("screenKopie", "screenAlleenBetrokkene", "screenPersoonsgegevens", "screenInzagerecht",
        "screenDerden", "screenMetadata", "screenPapier", "screenGearchiveerd")) {
      screenen.put(v, true);
    }
    return List.of(
        new Stap("Task_VerzoekBeoordelenDuidelijkheid", "coordinator", coordinator, Map.of("verzoekDuidelijk", "JA")),
        new Stap("Task_IdentiteitVerifieren", "coordinator", coordinator, Map.of("verificatieStap", "RESULTAAT",
            "verificatieResultaat", "POSITIEF", "verificatieMethode",
            SpinValues.jsonValue("[\"DOSSIERGEGEVENS\"]").create())),
        new Stap("Task_VerzoekBeoordelen", "coordinator", coordinator, Map.of("voorgenomenBesluit", "TOEWIJZEN")),
        new Stap("Task_VerantwoordelijkeAanwijzen", "coordinator", coordinator,
            Map.of("verantwoordelijke", "medewerker")),
        new Stap("Task_GegevensVerzamelen", "medewerker", List.of("medewerker"), checklist),
        new Stap("Task_GegevensScreenen", "coordinator", coordinator, screenen),
        new Stap("Task_ReactieSamenstellen", "coordinator", coordinator, Map.of("verzendwijze", "BEVEILIGDE_EMAIL",
            "bijlagen", "Overzicht gegevens", "legenda", "naam: weggelaten naam",
            "informatieDoeleinden", "Ambtelijke taken.", "informatieCategorieen", "NAW.",
            "informatieOntvangers", "Opdrachtgevers.", "informatieBewaartermijn", "10 jaar.",
            "informatieBron", "BRP.")));
  }

  static Map<String, Object> rijd(Variant variant, String url, int n, int opwarmen, int draden) throws Exception {
    List<Stap> stappen = stappen();
    // warm-up: JIT, caches, connection pool; not measured
    List<String> referenties = Collections.synchronizedList(new ArrayList<>());
    parallel(variant, stappen, 0, opwarmen, draden, referenties, new ArrayList<>(), new ConcurrentHashMap<>());

    variant.verbindingenSluiten();
    Map<String, Long> databaseVoor = databaseStand(url);
    variant.nulstellen();
    List<Double> ms = Collections.synchronizedList(new ArrayList<>());
    long cpuVoor = procesCpuNanos();
    Map<String, Long> draadgroepenVoor = Draadgroepen.cpuMs();
    long gcVoor = gcMillis();
    long begin = System.nanoTime();
    Map<String, DoubleAdder> perStap = new ConcurrentHashMap<>();
    parallel(variant, stappen, opwarmen, n, draden, referenties, ms, perStap);
    double venster = (System.nanoTime() - begin) / 1e9;
    long cpu = procesCpuNanos() - cpuVoor;
    Map<String, Long> draadgroepenNa = Draadgroepen.cpuMs();
    long gc = gcMillis() - gcVoor;
    Map<String, Object> uitsplitsing = variant.uitsplitsing();
    variant.verbindingenSluiten();
    Map<String, Long> databaseNa = databaseStand(url);

    variant.controleer(referenties);

    Map<String, Object> u = new LinkedHashMap<>();
    u.put("n", n);
    u.put("threads", draden);
    u.put("windowSeconds", venster);
    u.put("lifecycleMs", ms);
    u.put("jvmCpuMsPerLifecycle", cpu / 1e6 / n);
    u.put("driverThreadCpuMsPerLifecycle", perStap.get(DRIVER_CPU).sum() / n);
    u.put("postgresCpuMsPerLifecycle", (databaseNa.get("postgresCpuMs") - databaseVoor.get("postgresCpuMs"))
        / (double) n);
    u.put("gcMsPerLifecycle", gc / (double) n);
    Map<String, Double> groepen = new LinkedHashMap<>();
    draadgroepenNa.forEach((groep, tijd) -> groepen.put(groep, (tijd - draadgroepenVoor.getOrDefault(groep, 0L))
        / (double) n));
    u.put("jvmThreadGroupCpuMsPerLifecycle", groepen);
    u.put("breakdownMs", uitsplitsing);
    Map<String, Double> stapMs = new LinkedHashMap<>();
    stapMs.put(REGISTRATIE, perStap.get(REGISTRATIE).sum() / n);
    stappen.forEach(stap -> stapMs.put(naam(stap), perStap.get(naam(stap)).sum() / n));
    u.put("stepMs", stapMs);
    Map<String, Long> delta = new LinkedHashMap<>();
    databaseNa.forEach((k, v) -> delta.put(k, v - databaseVoor.getOrDefault(k, 0L)));
    u.put("database", delta);
    return u;
  }

  private static void parallel(Variant variant, List<Stap> stappen, int vanaf, int aantal, int draden,
      List<String> referenties, List<Double> ms, Map<String, DoubleAdder> perStap) throws Exception {
    AtomicInteger volgende = new AtomicInteger(vanaf);
    int tot = vanaf + aantal;
    ExecutorService pool = Executors.newFixedThreadPool(draden);
    try {
      List<Future<?>> klaar = new ArrayList<>();
      for (int d = 0; d < draden; d++) {
        klaar.add(pool.submit(() -> {
          for (int nr = volgende.getAndIncrement(); nr < tot; nr = volgende.getAndIncrement()) {
            long t0 = System.nanoTime();
            long cpu0 = DRADEN.getCurrentThreadCpuTime();
            String ref = levensloop(variant, stappen, nr, perStap);
            ms.add((System.nanoTime() - t0) / 1e6);
            perStap.computeIfAbsent(DRIVER_CPU, k -> new DoubleAdder())
                .add((DRADEN.getCurrentThreadCpuTime() - cpu0) / 1e6);
            referenties.add(ref);
          }
          return null;
        }));
      }
      for (Future<?> f : klaar) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static long procesCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static long gcMillis() {
    return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
  }

  /** Registration, then each user task as Tasklist does it (find, claim, complete), each time the jobs it caused. */
  static String levensloop(Variant variant, List<Stap> stappen, int nr, Map<String, DoubleAdder> perStap) {
    ProcessEngine engine = variant.engine();
    long t = System.nanoTime();
    String ref = variant.registreer(nr);
    voerJobsUit(engine, ref);
    t = meet(perStap, REGISTRATIE, t);
    for (Stap stap : stappen) {
      if (stap.taak().equals("Task_ReactieSamenstellen")) {
        variant.gescreendeGegevensToevoegen(ref);
      }
      for (int poging = 1; ; poging++) {
        try {
          voltooi(engine, ref, stap);
          break;
        } catch (OptimisticLockingException e) {
          if (poging == 3) {
            throw e;
          }
        }
      }
      voerJobsUit(engine, ref);
      t = meet(perStap, naam(stap), t);
    }
    return ref;
  }

  static final String DRIVER_CPU = "driverThreadCpu";
  private static final java.lang.management.ThreadMXBean DRADEN =
      java.lang.management.ManagementFactory.getThreadMXBean();

  static final String REGISTRATIE = "registration (+ acknowledgement job)";

  static String naam(Stap stap) {
    return stap.taak() + (stap.taak().equals("Task_GegevensVerzamelen") || stap.taak().equals("Task_ReactieSamenstellen")
        ? " (+ job)" : "");
  }

  private static long meet(Map<String, DoubleAdder> perStap, String stap, long sinds) {
    long nu = System.nanoTime();
    perStap.computeIfAbsent(stap, k -> new DoubleAdder()).add((nu - sinds) / 1e6);
    return nu;
  }

  /** As Tasklist: the user is authenticated at the engine (authorization checks in the app). Off for experiments. */
  private static final boolean AUTHENTICATIE = !"false".equals(System.getenv("LEVENSLOOP_AUTHENTICATIE"));

  private static void voltooi(ProcessEngine engine, String ref, Stap stap) {
    if (AUTHENTICATIE) {
      engine.getIdentityService().setAuthentication(stap.gebruiker(), stap.groepen());
    }
    try {
      Task taak = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(ref)
          .taskDefinitionKey(stap.taak()).singleResult();
      if (taak == null) {
        throw new IllegalStateException("geen open taak " + stap.taak() + " voor " + ref);
      }
      if (taak.getAssignee() == null) {
        engine.getTaskService().claim(taak.getId(), stap.gebruiker());
      }
      engine.getTaskService().complete(taak.getId(), stap.formulier());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** What the job executor would do: the request's due message jobs (letters, mails, async steps), run by this thread. */
  private static void voerJobsUit(ProcessEngine engine, String ref) {
    for (int ronde = 0; ronde < 10; ronde++) {
      List<Job> jobs = new ArrayList<>();
      for (ProcessInstance pi : engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(ref).list()) {
        jobs.addAll(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).messages()
            .executable().list());
      }
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> engine.getManagementService().executeJob(j.getId()));
    }
    throw new IllegalStateException("jobs blijven ontstaan voor " + ref);
  }

  /**
   * Counters of PostgreSQL itself for this database: commits and rows written (engine tables {@code act_*}, product
   * tables {@code avg_*}). Read once the figures are stable: backends report their statistics about once a second when
   * idle. Read in a transaction that is rolled back, so the reading adds no commit.
   */
  static Map<String, Long> databaseStand(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SET stats_fetch_consistency = 'none'");
        Map<String, Long> vorige = null;
        int gelijk = 0;
        for (int i = 0; i < 200; i++) {
          Map<String, Long> stand = lees(s);
          gelijk = stand.equals(vorige) ? gelijk + 1 : 0;
          if (gelijk >= 6) {
            stand.put("postgresCpuMs", postgresCpuMs(s));
            c.rollback();
            return stand;
          }
          vorige = stand;
          pauze();
        }
        c.rollback();
        throw new IllegalStateException("PostgreSQL-statistieken worden niet stabiel");
      }
    }
  }

  private static void pauze() {
    try {
      Thread.sleep(250); // waiting for PostgreSQL's statistics flush, not a timing
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * CPU time of the whole PostgreSQL instance so far (Linux /proc): the postmaster with its reaped children (ended
   * backends, autovacuum workers) and its running children, in ms (clock ticks of 10 ms).
   */
  static long postgresCpuMs(Statement s) throws SQLException {
    long backend;
    try (ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
      r.next();
      backend = r.getLong(1);
    }
    try {
      long postmaster = Long.parseLong(stat(backend)[1]);
      String[] pm = stat(postmaster);
      long ticks = Long.parseLong(pm[11]) + Long.parseLong(pm[12]) + Long.parseLong(pm[13]) + Long.parseLong(pm[14]);
      try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
        for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) procs::iterator) {
          String naam = p.getFileName().toString();
          if (!naam.chars().allMatch(Character::isDigit)) {
            continue;
          }
          try {
            String[] st = stat(Long.parseLong(naam));
            if (Long.parseLong(st[1]) == postmaster) {
              ticks += Long.parseLong(st[11]) + Long.parseLong(st[12]);
            }
          } catch (java.io.IOException | RuntimeException weg) {
            // the process ended meanwhile
          }
        }
      }
      return ticks * 10;
    } catch (java.io.IOException e) {
      return -1; // not Linux: no PostgreSQL CPU figure
    }
  }

  /** Fields of /proc/pid/stat after the command: [0]=state, [1]=ppid, … [11]=utime, [12]=stime, [13]=cutime, [14]=cstime. */
  private static String[] stat(long pid) throws java.io.IOException {
    String regel = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", String.valueOf(pid), "stat"));
    return regel.substring(regel.lastIndexOf(')') + 2).split(" ");
  }

  private static Map<String, Long> lees(Statement s) throws SQLException {
    Map<String, Long> m = new LinkedHashMap<>();
    try (ResultSet r = s.executeQuery(
        "SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()")) {
      r.next();
      m.put("commits", r.getLong(1));
      m.put("rollbacks", r.getLong(2));
    }
    try (ResultSet r = s.executeQuery("""
        SELECT CASE WHEN relname LIKE 'act\\_%' THEN 'act' WHEN relname LIKE 'avg\\_%' THEN 'avg' ELSE 'other' END,
          sum(n_tup_ins), sum(n_tup_upd), sum(n_tup_del)
        FROM pg_stat_user_tables GROUP BY 1""")) {
      while (r.next()) {
        m.put(r.getString(1) + "Inserted", r.getLong(2));
        m.put(r.getString(1) + "Updated", r.getLong(3));
        m.put(r.getString(1) + "Deleted", r.getLong(4));
      }
    }
    return m;
  }

  /** The application: AvgApplication in this JVM, with the timing proxies. */
  static final class App implements Variant {
    private final ConfigurableApplicationContext context;
    private final ProcessEngine engine;
    private final VerzoekIntake intake;
    private final VerzoekRegister register;
    private final Archief archief;
    private final Meetpunten meetpunten;

    App() {
      SpringApplication app = new SpringApplication(AvgApplication.class, Meetpunten.class);
      this.context = app.run("--camunda.bpm.job-execution.enabled=false");
      this.engine = context.getBean(ProcessEngine.class);
      this.intake = context.getBean(VerzoekIntake.class);
      this.register = context.getBean(VerzoekRegister.class);
      this.archief = context.getBean(Archief.class);
      this.meetpunten = context.getBean(Meetpunten.class);
    }

    @Override
    public ProcessEngine engine() {
      return engine;
    }

    @Override
    public String registreer(int nr) {
      NieuwVerzoek nieuw = new NieuwVerzoek(VerzoekType.INZAGE, Kanaal.EMAIL, OffsetDateTime.now(AMSTERDAM),
          new Betrokkene("Pieter de Vries " + nr, "betrokkene" + nr + "@voorbeeld.example",
              "Dorpsstraat " + nr + ", 1234 AB Utrecht", LocalDate.of(1980, 1, 1), null,
              String.format("+31612%06d", nr)), // a mobile number: the password goes by SMS, not by post
          null, "Ik wil weten welke gegevens u van mij heeft.");
      return intake.registreer(nieuw, "coordinator").referentie();
    }

    @Override
    public void gescreendeGegevensToevoegen(String ref) {
      archief.bewaar(ref, Stuksoort.GESCREENDE_GEGEVENS, "Gescreend dossier", "dossier.txt", "text/plain",
          ("Dossier " + ref + ", gescreend").getBytes(java.nio.charset.StandardCharsets.UTF_8), "coordinator");
    }

    @Override
    public void controleer(List<String> referenties) {
      for (String ref : referenties) {
        Verzoek v = register.haal(ref);
        if (v.status() != VerzoekStatus.AFGEHANDELD || v.verzondenOp() == null
            || !"BEVEILIGDE_EMAIL".equals(v.verzendwijze())) {
          throw new IllegalStateException(ref + " niet verzonden: " + v.status());
        }
        if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(ref).count() > 0) {
          throw new IllegalStateException(ref + " heeft nog een lopende procedure");
        }
      }
    }

    @Override
    public Map<String, Object> uitsplitsing() {
      Map<String, Object> m = new LinkedHashMap<>();
      meetpunten.milliseconden().forEach((s, v) -> m.put(s.name(), v));
      meetpunten.cpuMilliseconden().forEach((s, v) -> m.put(s.name() + "_cpu", v));
      meetpunten.aanroepen().forEach((s, v) -> m.put(s.name() + "_calls", v));
      m.put("measuredBeans", new java.util.TreeMap<>(meetpunten.gemetenBonen()).toString());
      return m;
    }

    @Override
    public void nulstellen() {
      meetpunten.nulstellen();
    }

    @Override
    public void verbindingenSluiten() {
      context.getBean(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
    }

    @Override
    public void close() {
      context.close();
    }
  }

  /** The plain engine: standalone Camunda (no Spring), the same database settings, the baseline BPMN. */
  static final class Basis implements Variant {
    private final HikariDataSource dataSource;
    private final ProcessEngine engine;

    Basis(String url, boolean rechten) {
      dataSource = new HikariDataSource();
      dataSource.setJdbcUrl(url);
      dataSource.setUsername("postgres");
      dataSource.setPassword("postgres");
      dataSource.setMaximumPoolSize(20); // as the application (application.yaml)
      ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
          .createStandaloneProcessEngineConfiguration();
      cfg.setDataSource(dataSource);
      cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
      cfg.setJobExecutorActivate(false);
      // the engine settings the application uses too (Spring Boot starter defaults and application.yaml)
      cfg.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
      cfg.setIdGenerator(new StrongUuidGenerator());
      cfg.setDefaultSerializationFormat("application/json");
      cfg.getProcessEnginePlugins().add(new SpinProcessEnginePlugin());
      cfg.setAuthorizationEnabled(rechten);
      engine = cfg.buildProcessEngine();
      if (rechten) {
        // the groups and grants the application gives its roles at start-up; per task the engine itself grants the
        // candidate group and the assignee, as in the app
        new RollenEnRechten(engine.getIdentityService(), engine.getAuthorizationService()).run(null);
      }
      engine.getRepositoryService().createDeployment().name("bench-levensloop")
          .addClasspathResource("bench/levensloop-basis.bpmn")
          .addClasspathResource("bench/levensloop-basis-identiteit.bpmn")
          .addClasspathResource("bench/levensloop-basis-verzamelen.bpmn")
          .deploy();
    }

    @Override
    public ProcessEngine engine() {
      return engine;
    }

    /** The start variables the intake sets, with the same types. */
    @Override
    public String registreer(int nr) {
      String ref = "BENCH-" + nr;
      ZonedDateTime nu = ZonedDateTime.now(AMSTERDAM);
      Map<String, Object> vars = new HashMap<>();
      vars.put("referentie", ref);
      vars.put("verzoekType", "INZAGE");
      vars.put("kanaal", "EMAIL");
      vars.put("ontvangenOp", Date.from(nu.toInstant()));
      vars.put("betrokkeneNaam", "Pieter de Vries " + nr);
      vars.put("verzoekerRol", "BETROKKENE");
      vars.put("uitersteReactiedatum", Date.from(nu.plusMonths(1).toInstant()));
      vars.put("termijnTekst", "1 januari 2027");
      vars.put("wettelijkeUitersteDatum", Date.from(nu.plusMonths(1).toInstant()));
      vars.put("wettelijkeTermijnTekst", "1 januari 2027");
      vars.put("mogelijkHerhaaldVan", null);
      engine.getRuntimeService().startProcessInstanceByKey("bench-levensloop", ref, vars);
      return ref;
    }

    @Override
    public void gescreendeGegevensToevoegen(String ref) {
    }

    @Override
    public void controleer(List<String> referenties) {
      for (String ref : referenties) {
        long klaar = engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(ref)
            .processDefinitionKey("bench-levensloop").finished().count();
        long lopend = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(ref).count();
        if (klaar != 1 || lopend != 0) {
          throw new IllegalStateException(ref + " niet afgerond");
        }
      }
    }

    @Override
    public Map<String, Object> uitsplitsing() {
      return new LinkedHashMap<>();
    }

    @Override
    public void nulstellen() {
    }

    @Override
    public void verbindingenSluiten() {
      dataSource.getHikariPoolMXBean().softEvictConnections();
    }

    @Override
    public void close() {
      engine.close();
      dataSource.close();
    }
  }
}
