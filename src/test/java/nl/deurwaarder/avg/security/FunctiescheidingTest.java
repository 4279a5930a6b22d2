package nl.deurwaarder.avg.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import nl.deurwaarder.avg.AvgSpringTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** PH-ORG-02 §2.1: every default incompatible pair is refused at the doors that create memberships. */
@AvgSpringTest
class FunctiescheidingTest {

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;
  @Autowired
  Functiescheiding functiescheiding;

  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void opruimen() {
    identityService.deleteUser("scheiding");
  }

  private void gebruikerIn(String groep) {
    User u = identityService.newUser("scheiding");
    u.setPassword("scheiding");
    identityService.saveUser(u);
    identityService.createMembership("scheiding", groep);
  }

  private HttpResponse<String> lidWordenViaRest(String groep) throws Exception {
    return http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/group/" + groep + "/members/scheiding"))
        .header("Authorization", BeveiligingTest.basic("admin", "admin"))
        .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theDefaultPairsAreTheFourOfTheHandbook() {
    assertThat(functiescheiding.paren()).containsExactly(
        new Functiescheiding.Paar("fg", "directie"), new Functiescheiding.Paar("fg", "ictmanagement"),
        new Functiescheiding.Paar("fg", "hrmanagement"), new Functiescheiding.Paar("fg", "kantoormanagement"));
    // the manager groups exist, so Admin can add people to them
    for (String groep : List.of("ictmanagement", "hrmanagement", "kantoormanagement")) {
      assertThat(identityService.createGroupQuery().groupId(groep).count()).as(groep).isOne();
    }
  }

  @ParameterizedTest(name = "in {0}, added to {1}: refused")
  @CsvSource({
      "fg, directie", "directie, fg",
      "fg, ictmanagement", "ictmanagement, fg",
      "fg, hrmanagement", "hrmanagement, fg",
      "fg, kantoormanagement", "kantoormanagement, fg"})
  void everyDefaultPairIsRefusedOverRest(String bestaand, String nieuw) throws Exception {
    gebruikerIn(bestaand);
    HttpResponse<String> r = lidWordenViaRest(nieuw);
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(r.body()).contains("PH-ORG-02").contains("'" + bestaand + "'").contains("'" + nieuw + "'");
    assertThat(identityService.createUserQuery().userId("scheiding").memberOfGroup(nieuw).count()).isZero();
    assertThatThrownBy(() -> functiescheiding.controleerLidmaatschap("scheiding", nieuw))
        .hasMessageContaining("niet verenigbaar");
  }

  @ParameterizedTest(name = "in {0}, added to {1}: allowed")
  @CsvSource({"ictmanagement, directie", "hrmanagement, medewerker", "fg, medewerker", "kantoormanagement, ict"})
  void otherCombinationsAreAllowed(String bestaand, String nieuw) throws Exception {
    gebruikerIn(bestaand);
    assertThat(lidWordenViaRest(nieuw).statusCode()).isEqualTo(204);
    assertThat(identityService.createUserQuery().userId("scheiding").memberOfGroup(nieuw).count()).isOne();
  }

  @Test
  void adminWebappRefusesFgAsHrManager() throws Exception {
    gebruikerIn("fg");
    CookieManager cookies = new CookieManager();
    HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
    browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/admin/default/"))
        .build(), HttpResponse.BodyHandlers.discarding());
    String csrf = csrf(cookies);
    HttpResponse<String> login = browser.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/admin"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=admin")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/camunda/api/engine/engine/default/group/hrmanagement/members/scheiding"))
        .header("X-XSRF-TOKEN", csrf(cookies)).PUT(HttpRequest.BodyPublishers.noBody()).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(r.body()).contains("HR-manager");
    assertThat(identityService.createUserQuery().userId("scheiding").memberOfGroup("hrmanagement").count()).isZero();
  }

  @Test
  void aUserHoldingAnIncompatiblePairCannotLogIn() throws Exception {
    gebruikerIn("fg");
    identityService.createMembership("scheiding", "ictmanagement"); // e.g. a direct database change
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/engine"))
        .header("Authorization", BeveiligingTest.basic("scheiding", "scheiding")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(functiescheiding.gebruikerGeweigerd("scheiding")).isTrue();
  }

  @Test
  void pairsAreConfigurable() {
    Functiescheiding eigen = new Functiescheiding(identityService,
        new FunctiescheidingInstellingen(List.of(List.of("fg", "privacycoordinator"))));
    assertThat(eigen.geschonden(Set.of("fg", "privacycoordinator"))).isTrue();
    assertThat(eigen.geschonden(Set.of("fg", "directie"))).isFalse();
    assertThatThrownBy(() -> new FunctiescheidingInstellingen(List.of(List.of("fg"))))
        .hasMessageContaining("twee verschillende groep-id's");
    assertThatThrownBy(() -> new FunctiescheidingInstellingen(List.of(List.of("fg", "fg"))))
        .hasMessageContaining("twee verschillende groep-id's");
  }

  private static String csrf(CookieManager cookies) {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().map(HttpCookie::getValue).orElseThrow();
  }
}
