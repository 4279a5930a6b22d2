package nl.deurwaarder.avg;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * The real start-up of the application ({@code AvgApplication.main}) in a child JVM, as an operator meets it:
 * an unreachable database stops it with one readable line; production settings with a demo password and without AVG_BASIS_URL are refused;
 * with a strong password it starts, healthy, without demo users.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpstartIT {

  private static final String ONBEREIKBAAR = "jdbc:postgresql://127.0.0.1:1/avg";
  private static final String STERK_WACHTWOORD = "Sterk-Wachtwoord-2026!";
  private static final List<String> DEMO_GEBRUIKERS =
      List.of("coordinator", "fg", "directie", "medewerker", "ict", "admin");

  private static EmbeddedPostgres postgres;
  private static GreenMail smtp;

  private Process app;
  private Thread lezer;
  private final StringBuffer uitvoer = new StringBuffer();
  private final CompletableFuture<Void> gestart = new CompletableFuture<>();

  @BeforeAll
  static void startDatabaseEnMailserver() throws IOException {
    postgres = EmbeddedPostgres.start();
    smtp = new GreenMail(new ServerSetup(vrijePoort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterAll
  static void stopDatabaseEnMailserver() throws IOException {
    if (smtp != null) {
      smtp.stop();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @AfterEach
  void stopApp() throws InterruptedException {
    if (app != null && app.isAlive()) {
      app.destroy();
      if (!app.waitFor(30, TimeUnit.SECONDS)) {
        app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  @Order(1)
  void unreachableDatabaseStopsStartUpWithOneReadableLine() throws Exception {
    start("onbereikbaar", Map.of("SPRING_DATASOURCE_URL", ONBEREIKBAAR, "SERVER_PORT", "" + vrijePoort()));

    assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s; output:%n%s", uitvoer).isTrue();
    assertThat(app.exitValue()).as("exit code").isNotZero();
    String output = volledigeUitvoer();
    assertThat(output.lines()).as(output)
        .anySatisfy(l -> assertThat(l.strip()).startsWith("Database niet bereikbaar (" + ONBEREIKBAAR + "): "));
    assertGeenStacktrace(output);
  }

  @Test
  @Order(2)
  void productionRefusesTheDemoPasswordAndAMissingBaseAddress() throws Exception {
    Map<String, String> omgeving = productie("admin", vrijePoort());
    omgeving.remove("AVG_BASIS_URL"); // links in mails would be dead: refused as well
    start("productie-demo", omgeving);

    assertThat(app.waitFor(120, TimeUnit.SECONDS)).as("stopped; output:%n%s", uitvoer).isTrue();
    assertThat(app.exitValue()).as("exit code").isNotZero();
    String output = volledigeUitvoer();
    assertThat(output).contains("Productie-instellingen geweigerd")
        .contains("het wachtwoord van beheerder 'beheerder' is een demo-wachtwoord")
        .contains("stel AVG_BASIS_URL in op het adres waarop medewerkers de app openen");
    assertThat(output).doesNotContain("Started AvgApplication");
    assertGeenStacktrace(output);
  }

  /** Runs after the refused start on the same database: the operator sets a strong password and starts again. */
  @Test
  @Order(3)
  void productionStartsWithAStrongPasswordWithoutDemoUsers() throws Exception {
    int poort = vrijePoort();
    start("productie-sterk", productie(STERK_WACHTWOORD, poort));

    try {
      CompletableFuture.anyOf(gestart, app.onExit()).get(150, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("not started within 150 s; output:\n" + uitvoer, e);
    }
    assertThat(gestart).as("started; output:%n%s", uitvoer).isDone();

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    // the job executor starts on ApplicationReadyEvent, just after "Started": wait (bounded) until health says UP
    HttpRequest healthVraag = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + poort + "/actuator/health"))
        .build();
    HttpResponse<String> health = new FluentWait<>(http).withTimeout(Duration.ofSeconds(60))
        .pollingEvery(Duration.ofMillis(500))
        .withMessage(() -> "health not UP; output:\n" + uitvoer)
        .until(c -> {
          try {
            HttpResponse<String> r = c.send(healthVraag, HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r : null;
          } catch (IOException e) {
            return null;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        });
    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    assertThat(health.body()).startsWith("{\"status\":\"UP\"");

    // the administrator is the one from the environment, with the password from the environment; in production
    // staff log in with password and code on /aanmelden (HTTP Basic is for technical accounts only, issue 15)
    assertThat(aanmelden(poort, "beheerder", STERK_WACHTWOORD)).endsWith("/aanmelden/instellen");
    assertThat(aanmelden(poort, "beheerder", "admin")).isEmpty();
    assertThat(engineRest(http, poort, "beheerder", STERK_WACHTWOORD)).isEqualTo(401);
    assertThat(engineRest(http, poort, "beheerder", "admin")).isEqualTo(401);
    assertThat(engineRest(http, poort, "coordinator", "coordinator")).isEqualTo(401);

    List<String> gebruikers = new ArrayList<>();
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        ResultSet rs = c.createStatement().executeQuery("select id_ from act_id_user")) {
      while (rs.next()) {
        gebruikers.add(rs.getString(1));
      }
    }
    assertThat(gebruikers).contains("beheerder").doesNotContainAnyElementsOf(DEMO_GEBRUIKERS);
    assertThat(uitvoer.toString()).doesNotContain("Demo-gebruikers actief");
    assertThat(uitvoer.toString()).contains("ZONDER verplichte TLS (uitgezet door de beheerder");
  }

  private static int engineRest(HttpClient http, int poort, String user, String wachtwoord) throws Exception {
    String basic = Base64.getEncoder().encodeToString((user + ":" + wachtwoord).getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + poort + "/engine-rest/engine"))
        .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** The password step of the staff login: where it sends the browser next, or "" when the password is refused. */
  private static String aanmelden(int poort, String user, String wachtwoord) throws Exception {
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
        .connectTimeout(Duration.ofSeconds(10)).build();
    String pagina = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + poort + "/aanmelden"))
        .build(), HttpResponse.BodyHandlers.ofString()).body();
    java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"")
        .matcher(pagina);
    assertThat(csrf.find()).as("form token on /aanmelden").isTrue();
    HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + poort
            + "/aanmelden")).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("gebruikersnaam=" + user + "&wachtwoord="
            + java.net.URLEncoder.encode(wachtwoord, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1))).build(),
        HttpResponse.BodyHandlers.ofString());
    return r.statusCode() == 302 ? r.headers().firstValue("Location").orElse("") : "";
  }

  private static Map<String, String> productie(String adminWachtwoord, int poort) {
    // GreenMail speaks SMTP without TLS: the operator turns the TLS requirement off explicitly (logged as a warning)
    Map<String, String> omgeving = new java.util.HashMap<>(Map.of("AVG_MAIL_TLS_VERPLICHT", "false"));
    omgeving.putAll(Map.of(
        "SPRING_PROFILES_ACTIVE", "productie",
        "SPRING_DATASOURCE_URL", postgres.getJdbcUrl("postgres", "postgres"),
        "SPRING_DATASOURCE_USERNAME", "postgres",
        "SPRING_DATASOURCE_PASSWORD", "postgres",
        "CAMUNDA_BPM_ADMINUSER_ID", "beheerder",
        "CAMUNDA_BPM_ADMINUSER_PASSWORD", adminWachtwoord,
        "SPRING_MAIL_HOST", "localhost",
        "SPRING_MAIL_PORT", "" + smtp.getSmtp().getPort(),
        "AVG_HTTPS", "false",
        "SERVER_PORT", "" + poort));
    omgeving.put("AVG_TWEEFACTOR_SLEUTEL", "ll3w+lAJPJnrdybYYUd6+BJAKApzrEn1owwQNjQsKO4=");
    omgeving.put("AVG_BASIS_URL", "https://avg.kantoor.test");
    return omgeving;
  }

  /** Starts AvgApplication.main in a child JVM with the test classpath and only the given settings. */
  private void start(String naam, Map<String, String> omgeving) throws IOException {
    String classpath = System.getProperty("java.class.path");
    assertThat(classpath).contains("classes");
    Path werkmap = Files.createDirectories(Path.of("target", "opstart-it", naam));
    ProcessBuilder pb = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=Europe/Amsterdam", "-Dfile.encoding=UTF-8",
        "-cp", classpath, AvgApplication.class.getName())
        .directory(werkmap.toFile())
        .redirectErrorStream(true);
    // only this test's settings: nothing from the environment of the build machine
    pb.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("CAMUNDA_")
        || k.startsWith("AVG_") || k.equals("SERVER_PORT"));
    pb.environment().putAll(omgeving);
    app = pb.start();
    lezer = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
        String regel;
        while ((regel = in.readLine()) != null) {
          uitvoer.append(regel).append('\n');
          if (regel.contains("Started AvgApplication")) {
            gestart.complete(null);
          }
        }
      } catch (IOException e) {
        uitvoer.append("[uitvoer niet gelezen: ").append(e.getMessage()).append("]\n");
      }
    }, "uitvoer-" + naam);
    lezer.setDaemon(true);
    lezer.start();
  }

  /** The output once the process has ended (the reader thread may still be draining the pipe). */
  private String volledigeUitvoer() throws Exception {
    lezer.join(TimeUnit.SECONDS.toMillis(10));
    return uitvoer.toString();
  }

  private static void assertGeenStacktrace(String output) {
    assertThat(output).as("no stack trace in the output:%n%s", output)
        .doesNotContain("\tat ").doesNotContain("Caused by:").doesNotContain("Exception in thread");
  }

  private static int vrijePoort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
