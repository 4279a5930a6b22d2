package nl.deurwaarder.avg;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import nl.deurwaarder.avg.security.Rol;
import nl.deurwaarder.avg.tasklist.TasklistFilters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13.3: the web port serves users only when the users, groups, authorizations and Tasklist filters exist. The
 * application starts in a child JVM (demo users, PostgreSQL); from the first moment its port answers, {@code fg}
 * tries to log in to Tasklist, as someone who opened the page too early would. Every answer is either the Dutch
 * "nog aan het opstarten" 503 or a successful login, never a failed one; the readiness probe says the same; and the
 * first successful login sees its filters and its groups.
 */
class OpstartGereedIT {

  private static EmbeddedPostgres postgres;
  private static GreenMail smtp;
  private static KindApp app;

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.start();
    smtp = new GreenMail(new ServerSetup(KindApp.vrijePoort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    app = KindApp.start("opstart-gereed", KindApp.omgeving(postgres.getJdbcUrl("postgres", "postgres"),
        smtp.getSmtp().getPort(), Map.of()));
  }

  @AfterAll
  static void stop() throws Exception {
    if (app != null) {
      app.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void loginAtTheFirstMomentThePortAnswersNeverFails() throws Exception {
    List<String> verloop = new ArrayList<>();
    int weigeringen = 0;
    HttpResponse<String> login = null;
    Instant grens = Instant.now().plus(Duration.ofMinutes(4));
    CookieManager cookies = new CookieManager();
    HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(2)).build();
    while (login == null) {
      assertThat(Instant.now()).as("not ready in time; output:%n%s", app.uitvoer()).isBefore(grens);
      assertThat(app.leeft()).as("stopped during start-up; output:%n%s", app.uitvoer()).isTrue();
      Optional<HttpResponse<String>> pagina = stuur(http, HttpRequest.newBuilder(
          URI.create(app.basis() + "/camunda/app/tasklist/default/")).header("Accept", "text/html").build());
      if (pagina.isEmpty()) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(25)); // port not open yet: poll again
        continue;
      }
      if (pagina.get().statusCode() == 503) {
        assertThat(pagina.get().body()).contains("Nog aan het opstarten").contains("lang=\"nl\"");
        verloop.add("pagina 503");
      }
      Optional<String> xsrf = cookies.getCookieStore().getCookies().stream()
          .filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst();
      HttpRequest.Builder poging = HttpRequest.newBuilder(
              URI.create(app.basis() + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("username=fg&password=fg"));
      xsrf.ifPresent(t -> poging.header("X-XSRF-TOKEN", t));
      HttpResponse<String> antwoord = stuur(http, poging.build()).orElseThrow();
      HttpResponse<String> gereed = stuur(http, HttpRequest.newBuilder(
          URI.create(app.basis() + "/actuator/health/readiness")).build()).orElseThrow();
      if (antwoord.statusCode() == 503) {
        weigeringen++;
        assertThat(antwoord.body()).contains("nog aan het opstarten");
        assertThat(antwoord.headers().firstValue("Content-Type")).hasValueSatisfying(
            v -> assertThat(v).startsWith("application/problem+json"));
        verloop.add("login 503");
        continue;
      }
      if (xsrf.isEmpty() && antwoord.statusCode() == 403) {
        continue; // became ready between the page and the login: no CSRF cookie yet, the page gives it next round
      }
      assertThat(antwoord.statusCode()).as("first login that was not refused with 503 (after %s); body %s",
          verloop, antwoord.body()).isEqualTo(200);
      assertThat(gereed.statusCode()).as("readiness when the login succeeds").isEqualTo(200);
      assertThat(gereed.body()).contains("\"status\":\"UP\"");
      login = antwoord;
    }
    assertThat(login.body()).contains("\"userId\":\"fg\"").contains("tasklist");

    // the logged-in user finds groups and shared filters at once
    HttpResponse<String> filters = stuur(http, HttpRequest.newBuilder(URI.create(app.basis()
        + "/camunda/api/engine/engine/default/filter?resourceType=Task&itemCount=true"))
        .header("Accept", "application/json").build()).orElseThrow();
    assertThat(filters.statusCode()).isEqualTo(200);
    assertThat(filters.body()).contains(TasklistFilters.MIJN_TAKEN)
        .contains(TasklistFilters.groepsfilterNaam(Rol.FG));
    HttpResponse<String> groepen = stuur(http, HttpRequest.newBuilder(URI.create(app.basis()
        + "/camunda/api/engine/engine/default/identity/groups?userId=fg"))
        .header("Accept", "application/json").build()).orElseThrow();
    assertThat(groepen.body()).contains("\"id\":\"fg\"");
    System.out.printf("OpstartGereedIT: %d refused attempts before the first login (%s)%n", weigeringen, verloop);
  }

  @Test
  void livenessAnswersAndReadinessIsUpOnceReady() throws Exception {
    app.wachtTotGezond(Duration.ofMinutes(4));
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> leeft = stuur(http, HttpRequest.newBuilder(
        URI.create(app.basis() + "/actuator/health/liveness")).build()).orElseThrow();
    assertThat(leeft.statusCode()).isEqualTo(200);
    HttpResponse<String> gereed = stuur(http, HttpRequest.newBuilder(
        URI.create(app.basis() + "/actuator/health/readiness")).build()).orElseThrow();
    assertThat(gereed.statusCode()).isEqualTo(200);
  }

  /** The answer, or empty while the port does not accept connections yet. */
  private static Optional<HttpResponse<String>> stuur(HttpClient http, HttpRequest request)
      throws InterruptedException {
    try {
      return Optional.of(http.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
