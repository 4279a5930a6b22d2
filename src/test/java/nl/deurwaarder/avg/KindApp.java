package nl.deurwaarder.avg;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application ({@code AvgApplication.main}) in a child JVM with the test classpath, for tests about more than one
 * node or about a crash: started with only the given settings, awaited until {@code /actuator/health} says UP, stopped
 * gently or killed (SIGKILL).
 */
public final class KindApp implements AutoCloseable {

  private final String naam;
  private final int poort;
  private final Process proces;
  private final StringBuffer uitvoer = new StringBuffer();
  private Thread lezer;

  private KindApp(String naam, int poort, Process proces) {
    this.naam = naam;
    this.poort = poort;
    this.proces = proces;
  }

  /** Settings for a node on the given PostgreSQL URL (demo users on, job executor on), plus the extra ones. */
  public static Map<String, String> omgeving(String jdbcUrl, int smtpPoort, Map<String, String> extra) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SPRING_DATASOURCE_URL", jdbcUrl);
    env.put("SPRING_DATASOURCE_USERNAME", "postgres");
    env.put("SPRING_DATASOURCE_PASSWORD", "postgres");
    env.put("SPRING_MAIL_HOST", "127.0.0.1");
    env.put("SPRING_MAIL_PORT", String.valueOf(smtpPoort));
    env.put("LOGGING_LEVEL_ROOT", "WARN");
    env.put("LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_BOOT_STARTUPINFOLOGGER", "INFO");
    env.putAll(extra);
    return env;
  }

  /** The JVM settings of every child JVM (the application and benchmark children alike). */
  public static List<String> jvmOpties() {
    return List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=Europe/Amsterdam", "-Dfile.encoding=UTF-8");
  }

  /** Starts the application on a free port (call {@link #wachtTotGezond} to wait until it is healthy). */
  public static KindApp start(String naam, Map<String, String> omgeving) throws IOException {
    return start(naam, AvgApplication.class.getName(), List.of(), omgeving);
  }

  /**
   * Starts another main class of the test classpath in a child JVM with the same JVM settings and environment
   * handling as the application (e.g. a benchmark driver that starts the application in-process); wait for its end
   * with {@link #wachtOpEinde}.
   */
  public static KindApp start(String naam, String hoofdklasse, List<String> argumenten, Map<String, String> omgeving)
      throws IOException {
    int poort = vrijePoort();
    String classpath = System.getProperty("java.class.path");
    Path werkmap = Files.createDirectories(Path.of("target", "kindapp", naam));
    List<String> opdracht = new ArrayList<>();
    opdracht.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    opdracht.addAll(jvmOpties());
    // e.g. -Dkindapp.jvm.extra=-XX:StartFlightRecording=filename=/tmp/app.jfr,settings=profile to profile a benchmark
    String extraOpties = System.getProperty("kindapp.jvm.extra", "");
    if (!extraOpties.isBlank()) {
      opdracht.addAll(List.of(extraOpties.trim().split("\\s+")));
    }
    opdracht.addAll(List.of("-cp", classpath, hoofdklasse));
    opdracht.addAll(argumenten);
    ProcessBuilder pb = new ProcessBuilder(opdracht)
        .directory(werkmap.toFile())
        .redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("CAMUNDA_")
        || k.startsWith("AVG_") || k.equals("SERVER_PORT"));
    pb.environment().putAll(omgeving);
    pb.environment().put("SERVER_PORT", String.valueOf(poort));
    KindApp app = new KindApp(naam, poort, pb.start());
    app.lezer = new Thread(app::lees, "uitvoer-" + naam);
    app.lezer.setDaemon(true);
    app.lezer.start();
    return app;
  }

  private void lees() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(proces.getInputStream(),
        StandardCharsets.UTF_8))) {
      String regel;
      while ((regel = in.readLine()) != null) {
        uitvoer.append(regel).append('\n');
      }
    } catch (IOException e) {
      uitvoer.append("[uitvoer niet gelezen: ").append(e.getMessage()).append("]\n");
    }
  }

  /** Waits until health answers UP, at most the given time; fails with the output otherwise. */
  public KindApp wachtTotGezond(Duration maximaal) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create(basis() + "/actuator/health"))
        .timeout(Duration.ofSeconds(5)).build();
    Instant grens = Instant.now().plus(maximaal);
    while (Instant.now().isBefore(grens)) {
      if (!proces.isAlive()) {
        throw new AssertionError(naam + " stopped during start-up:\n" + uitvoer);
      }
      try {
        HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().startsWith("{\"status\":\"UP\"")) {
          return this;
        }
      } catch (IOException e) {
        // not listening yet
      }
      proces.waitFor(500, TimeUnit.MILLISECONDS); // poll interval, ends early when the process dies
    }
    throw new AssertionError(naam + " not healthy within " + maximaal + ":\n" + uitvoer);
  }

  /** Waits (bounded) until the child JVM ended by itself and returns its exit code; fails with the output otherwise. */
  public int wachtOpEinde(Duration maximaal) throws InterruptedException {
    if (!proces.waitFor(maximaal.toMillis(), TimeUnit.MILLISECONDS)) {
      dood();
      throw new AssertionError(naam + " not finished within " + maximaal + ":\n" + uitvoer);
    }
    lezer.join(10_000); // the rest of the output
    return proces.exitValue();
  }

  public String basis() {
    return "http://127.0.0.1:" + poort;
  }

  public String naam() {
    return naam;
  }

  public String uitvoer() {
    return uitvoer.toString();
  }

  public boolean leeft() {
    return proces.isAlive();
  }

  public long pid() {
    return proces.pid();
  }

  /** SIGKILL: no shutdown hook, no graceful stop of the job executor or the connection pool. */
  public void dood() throws InterruptedException {
    proces.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (proces.isAlive()) {
      proces.destroy();
      if (!proces.waitFor(30, TimeUnit.SECONDS)) {
        dood();
      }
    }
  }

  public static int vrijePoort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
