package nl.deurwaarder.avg.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.deurwaarder.avg.AvgSpringTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@AvgSpringTest
class BeveiligingTest {

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  Functiescheiding functiescheiding;

  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void opruimen() {
    identityService.deleteUser("dubbelrol");
  }

  private HttpResponse<String> get(String path, String user) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (user != null) {
      b.header("Authorization", basic(user, user));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Logs in like the webapp does: fetch the CSRF cookie first, send it back as header with the form. */
  private HttpResponse<String> login(String user, String app) throws Exception {
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/" + app + "/default/"))
        .build(), HttpResponse.BodyHandlers.discarding());
    String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().map(HttpCookie::getValue).orElseThrow();
    return browser.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void engineRestRefusesAnonymousAndAcceptsDemoUser() throws Exception {
    assertThat(get("/engine-rest/engine", null).statusCode()).isEqualTo(401);
    assertThat(get("/engine-rest/engine", "coordinator").statusCode()).isEqualTo(200);
    assertThat(get("/engine-rest/process-definition", null).statusCode()).isEqualTo(401);
    HttpResponse<String> fout = http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/engine"))
        .header("Authorization", basic("onbekend", "fout")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(fout.statusCode()).isEqualTo(401);
  }

  @Test
  void productApiAnswersProblemDetailsWhenNotLoggedIn() throws Exception {
    HttpResponse<String> r = get("/api/verzoeken", null);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(r.body()).contains("\"status\":401");
  }

  @Test
  void healthIsPublicAndCoversDatabaseAndMail() throws Exception {
    HttpResponse<String> r = get("/actuator/health", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"db\"").contains("\"mail\"").contains("\"status\":\"UP\"");
  }

  @Test
  void otherActuatorEndpointsAreNotPublic() throws Exception {
    assertThat(get("/actuator/env", null).statusCode()).isEqualTo(401);
    assertThat(get("/actuator/env", "coordinator").statusCode()).isIn(403, 404);
  }

  @ParameterizedTest(name = "{0} in {1}: {2}")
  @CsvSource({
      "coordinator, tasklist, 200", "coordinator, cockpit, 403", "coordinator, admin, 403",
      "fg, tasklist, 200", "fg, cockpit, 200", "fg, admin, 403",
      "directie, tasklist, 200", "directie, cockpit, 200", "directie, admin, 403",
      "medewerker, tasklist, 200", "medewerker, cockpit, 403", "medewerker, admin, 403",
      "ict, tasklist, 200", "ict, cockpit, 403", "ict, admin, 403",
      "admin, tasklist, 200", "admin, cockpit, 200", "admin, admin, 200"})
  void eachRoleSeesExactlyItsWebapps(String user, String app, int status) throws Exception {
    assertThat(login(user, app).statusCode()).isEqualTo(status);
  }

  @Test
  void onlyAdministratorsMayAccessAdmin() {
    for (Rol rol : Rol.medewerkersrollen()) {
      assertThat(authorizationService.isUserAuthorized("x", java.util.List.of(rol.groepId()), Permissions.ACCESS,
          Resources.APPLICATION, "admin")).as(rol.groepId()).isFalse();
    }
    assertThat(authorizationService.isUserAuthorized("x", java.util.List.of("camunda-admin"), Permissions.ACCESS,
        Resources.APPLICATION, "admin")).isTrue();
  }

  @Test
  void fgCannotBecomeDirectieThroughAdminApi() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/group/directie/members/fg"))
        .header("Authorization", basic("admin", "admin"))
        .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(r.body()).contains("Functiescheiding");
    assertThat(identityService.createUserQuery().userId("fg").memberOfGroup("directie").count()).isZero();
    // an allowed membership still goes through
    HttpResponse<String> ok = http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/group/medewerker/members/fg"))
        .header("Authorization", basic("admin", "admin"))
        .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(ok.statusCode()).isEqualTo(204);
    identityService.deleteMembership("fg", "medewerker");
  }

  @Test
  void aUserInBothFgAndDirectieIsRefusedEverywhere() throws Exception {
    User u = identityService.newUser("dubbelrol");
    u.setPassword("dubbelrol");
    identityService.saveUser(u);
    identityService.createMembership("dubbelrol", "fg");
    identityService.createMembership("dubbelrol", "directie"); // e.g. a direct database change
    assertThat(login("dubbelrol", "tasklist").statusCode()).isEqualTo(403);
    assertThat(get("/engine-rest/engine", "dubbelrol").statusCode()).isEqualTo(403);
    assertThat(get("/api/verzoeken", "dubbelrol").statusCode()).isEqualTo(401);
    assertThatThrownBy(() -> functiescheiding.controleerLidmaatschap("fg", "directie"))
        .hasMessageContaining("PH-ORG-02");
  }
}
