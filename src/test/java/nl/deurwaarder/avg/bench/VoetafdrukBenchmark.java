package nl.deurwaarder.avg.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.KindApp;
import org.junit.jupiter.api.Test;

/**
 * Footprint (issue 8, benchmark 5): start-up time of the application to a ready Tasklist (health UP and the Tasklist
 * page served) and its resident memory right after, on the embedded default (H2 file) and on PostgreSQL, each a cold
 * start on an empty database, runs alternated and repeated. Prints medians and spread; asserts no times.
 * Run: {@code mvn -Pbenchmark verify} (see docs/performance.md).
 */
class VoetafdrukBenchmark {

  private static final int HERHALINGEN = Integer.getInteger("bench.herhalingen", 3);

  record Meting(double seconden, long rssMb) {
  }

  @Test
  void startUpTimeAndResidentMemory() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
      Map<String, List<Meting>> metingen = new HashMap<>();
      for (int i = 0; i < HERHALINGEN; i++) {
        for (String variant : List.of("h2", "postgres")) {
          Map<String, String> env = new HashMap<>();
          env.put("LOGGING_LEVEL_ROOT", "WARN");
          String naam = "bench-" + variant + "-" + i + "-" + System.nanoTime();
          if (variant.equals("postgres")) {
            String db = "bench_" + i;
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
              c.createStatement().execute("CREATE DATABASE " + db);
            }
            env.putAll(KindApp.omgeving(postgres.getJdbcUrl("postgres", db), 25, Map.of()));
            env.remove("SPRING_MAIL_HOST");
            env.remove("SPRING_MAIL_PORT");
          }
          Files.createDirectories(Path.of("target", "kindapp", naam));
          long start = System.nanoTime();
          try (KindApp app = KindApp.start(naam, env).wachtTotGezond(Duration.ofMinutes(5))) {
            wachtOpTasklist(app);
            double s = (System.nanoTime() - start) / 1e9;
            long rss = rssMb(app.pid());
            metingen.computeIfAbsent(variant, k -> new ArrayList<>()).add(new Meting(s, rss));
            System.out.printf("voetafdruk %-8s run %d: %.1f s to a ready Tasklist, RSS %d MB%n", variant, i + 1, s,
                rss);
          }
        }
      }
      System.out.println("== Footprint (cold start on an empty database, -Xmx512m -XX:TieredStopAtLevel=1) ==");
      for (String variant : List.of("h2", "postgres")) {
        List<Meting> m = metingen.get(variant);
        System.out.printf("%-8s start-up: median %.1f s (min %.1f, max %.1f); RSS: median %d MB (min %d, max %d); "
            + "n=%d%n", variant, mediaan(m.stream().map(Meting::seconden).toList()),
            m.stream().mapToDouble(Meting::seconden).min().orElse(0),
            m.stream().mapToDouble(Meting::seconden).max().orElse(0),
            Math.round(mediaan(m.stream().map(x -> (double) x.rssMb()).toList())),
            m.stream().mapToLong(Meting::rssMb).min().orElse(0), m.stream().mapToLong(Meting::rssMb).max().orElse(0),
            m.size());
      }
      double ratio = mediaan(metingen.get("postgres").stream().map(Meting::seconden).toList())
          / mediaan(metingen.get("h2").stream().map(Meting::seconden).toList());
      System.out.printf("start-up PostgreSQL ÷ H2: %.2f%n", ratio);
    }
  }

  private static void wachtOpTasklist(KindApp app) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest r = HttpRequest.newBuilder(URI.create(app.basis() + "/camunda/app/tasklist/default/")).build();
    for (int i = 0; i < 600; i++) {
      if (http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
        return;
      }
    }
    throw new AssertionError("Tasklist not served");
  }

  private static long rssMb(long pid) throws Exception {
    for (String regel : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
      if (regel.startsWith("VmRSS:")) {
        return Long.parseLong(regel.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }

  static double mediaan(List<Double> waarden) {
    return Statistiek.van(waarden).mediaan();
  }
}
