package nl.deurwaarder.avg.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.deurwaarder.avg.AvgProductieTest;
import nl.deurwaarder.avg.tweefactor.Aanmeldbrowser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The access matrix with the production settings: HTTP Basic only for technical accounts (group apikoppeling), staff
 * with a two-factor webapp session, and no engine change that brings code over HTTP — deployments and redeployments
 * are refused for every caller, administrators and technical administrator accounts included, over /engine-rest and
 * over the webapps' engine API.
 *
 * <p>Columns: anonymous; a staff member (privacycoordinator) and an administrator (camunda-admin) with HTTP Basic; a
 * technical account (apikoppeling + privacycoordinator) and a technical administrator account (apikoppeling +
 * camunda-admin) with HTTP Basic; the administrator logged in with password and code (webapp session, CSRF header).
 */
@AvgProductieTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ToegangsmatrixProductieIT {

  static final List<String> WIE = List.of("anoniem", "tfmatrixmdw", "tfmatrixbeheer", "tfmatrixkop", "tfmatrixkopbeh",
      "sessie");
  static final String WACHTWOORD = "Matrix-Wachtwoord-2026";

  static final String TABEL = """
      # method path                                                        anon mdw  beh  kop  kopb sessie
      POST   /engine-rest/deployment/create                   (bpmn)        401  403  403  403  403  401
      POST   /engine-rest/engine/default/deployment/create    (bpmn)        401  403  403  403  403  401
      POST   /engine-rest/deployment/{DEP}/redeploy                         401  403  403  403  403  401
      POST   /camunda/api/engine/engine/default/deployment/create (bpmn)    403  403  403  403  403  403
      POST   /camunda/api/engine/engine/default/deployment/{DEP}/redeploy   403  403  403  403  403  403
      POST   /engine-rest/filter/create                       (expressie)   401  403  403  403  403  401
      POST   /camunda/api/engine/engine/default/filter/create (expressie)   403  403  403  403  403  403
      GET    /engine-rest/engine                                            401  401  401  200  200  401
      GET    /engine-rest/deployment                                        401  401  401  200  200  401
      GET    /engine-rest/user                                              401  401  401  200  200  401
      GET    /api/verzoeken                                                 401  401  401  200  403  401
      GET    /beheer/tweefactor                                             401  401  401  403  403  200
      GET    /beheer/brieven                                                401  401  401  403  403  200
      GET    /archief/AVG-1999-0001                                         401  401  401  403  403  403
      GET    /overzicht                                                     401  401  401  403  403  403
      GET    /afwijkingen                                                   401  401  401  403  403  403
      GET    /afwijkingen/export.csv                                        401  401  401  403  403  403
      GET    /api/verwerkers                                                401  401  401  200  403  401
      GET    /beheer/verwerkers                                             401  401  401  403  403  403
      GET    /camunda/app/tasklist/default/                                 302  302  302  302  302  200
      GET    /camunda/app/admin/default/                                    302  302  302  302  302  200
      GET    /camunda/api/engine/engine/default/task                        401  401  401  401  401  200
      GET    /aanmelden                                                     200  200  200  200  200  302
      """;

  private static final Pattern REGEL = Pattern.compile(
      "(GET|POST)\\s+(\\S+)\\s+(?:\\(([^)]*)\\))?\\s*((?:\\d{3}\\s*){6})");
  private static final String BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="http://proef"
                   xmlns:camunda="http://camunda.org/schema/1.0/bpmn">
        <process id="matrixproef" isExecutable="true" camunda:historyTimeToLive="1">
          <startEvent id="start"/>
        </process>
      </definitions>
      """;
  private static final String FILTER_MET_CODE =
      "{\"resourceType\":\"Task\",\"name\":\"matrixproef\",\"query\":{\"assigneeExpression\":"
          + "\"${verzoekregister.getClass()}\"}}";

  @LocalServerPort
  int port;
  @Autowired
  IdentityService identityService;
  @Autowired
  RepositoryService repositoryService;

  Aanmeldbrowser sessie;
  String deployment;
  long deploymentsVooraf;

  @BeforeAll
  void gebruikersEnSessie() throws Exception {
    maak("tfmatrixmdw", Rol.PRIVACYCOORDINATOR, Rol.MEDEWERKER);
    maak("tfmatrixbeheer", Rol.BEHEERDER);
    maak("tfmatrixkop", Rol.API_KOPPELING, Rol.PRIVACYCOORDINATOR);
    maak("tfmatrixkopbeh", Rol.API_KOPPELING, Rol.BEHEERDER);
    // the administrator logs in with password and code (first login: enrolment)
    sessie = new Aanmeldbrowser(port);
    sessie.wachtwoord("tfmatrixbeheer", WACHTWOORD);
    byte[] geheim = Aanmeldbrowser.geheimVan(sessie.get("/aanmelden/instellen").body());
    sessie.post("/aanmelden/instellen", Map.of("code", Aanmeldbrowser.codeVoor(geheim, 0)));
    sessie.post("/aanmelden/doorgaan", Map.of());
    assertThat(sessie.webappGebruiker().statusCode()).isEqualTo(200);
    deployment = repositoryService.createDeploymentQuery().deploymentName("avg-procesapplicatie")
        .orderByDeploymentTime().desc().list().get(0).getId();
    deploymentsVooraf = repositoryService.createDeploymentQuery().count();
  }

  private void maak(String id, Rol... rollen) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User u = identityService.newUser(id);
      u.setPassword(WACHTWOORD);
      identityService.saveUser(u);
      for (Rol rol : rollen) {
        identityService.createMembership(id, rol.groepId());
      }
    }
  }

  record Rij(String methode, String pad, String soort, List<Integer> statussen) {
  }

  static List<Rij> rijen() {
    List<Rij> rijen = new ArrayList<>();
    for (String regel : TABEL.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
      Matcher m = REGEL.matcher(regel);
      assertThat(m.matches()).as("table line: %s", regel).isTrue();
      rijen.add(new Rij(m.group(1), m.group(2), m.group(3) == null ? "" : m.group(3),
          Pattern.compile("\\s+").splitAsStream(m.group(4).strip()).map(Integer::valueOf).toList()));
    }
    return rijen;
  }

  @Test
  void everyEndpointAnswersEveryCallerAsTheTableSays() throws Exception {
    List<String> afwijkingen = new ArrayList<>();
    for (Rij rij : rijen()) {
      for (int i = 0; i < WIE.size(); i++) {
        int status = vraag(rij, WIE.get(i)).statusCode();
        if (status != rij.statussen().get(i)) {
          afwijkingen.add("%s %s %s as %s: expected %d, got %d".formatted(rij.methode(), rij.pad(), rij.soort(),
              WIE.get(i), rij.statussen().get(i), status));
        }
      }
    }
    assertThat(afwijkingen).as("cells of the production access matrix that differ").isEmpty();
  }

  /** The refusals are the product's, with the operator's way named, and nothing was deployed. */
  @Test
  void deploymentOverHttpIsRefusedForEveryoneAndNothingIsDeployed() throws Exception {
    List<Rij> deployRijen = rijen().stream().filter(r -> r.pad().contains("/deployment/")).toList();
    for (Rij rij : deployRijen) {
      for (String wie : List.of("tfmatrixkopbeh", "sessie")) {
        HttpResponse<String> r = vraag(rij, wie);
        if (r.statusCode() == 403) {
          assertThat(r.body()).as("%s as %s", rij.pad(), wie).contains("Deployen via HTTP is in productie uitgeschakeld")
              .contains("Een diagram wijzigen");
        }
      }
    }
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deploymentsVooraf);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("matrixproef").count()).isZero();
  }

  private HttpResponse<String> vraag(Rij rij, String wie) throws Exception {
    String pad = rij.pad().replace("{DEP}", deployment);
    Aanmeldbrowser browser = wie.equals("sessie") ? sessie : new Aanmeldbrowser(port);
    HttpRequest.Builder b = HttpRequest.newBuilder(browser.uri(pad));
    if (!wie.equals("anoniem") && !wie.equals("sessie")) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((wie + ":" + WACHTWOORD)
          .getBytes(StandardCharsets.UTF_8)));
    }
    if (wie.equals("sessie")) {
      // the webapps send Camunda's CSRF token as a header
      browser.client().send(HttpRequest.newBuilder(browser.uri("/camunda/app/tasklist/default/")).build(),
          HttpResponse.BodyHandlers.discarding());
      String token = ((java.net.CookieManager) browser.client().cookieHandler().orElseThrow()).getCookieStore()
          .getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst()
          .map(HttpCookie::getValue).orElse("");
      b.header("X-XSRF-TOKEN", token);
    }
    if (rij.methode().equals("GET")) {
      b.header("Accept", "application/json, text/html").GET();
    } else if (rij.soort().equals("bpmn")) {
      String grens = "----matrixproef";
      String body = "--" + grens + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nmatrixproef\r\n"
          + "--" + grens + "\r\nContent-Disposition: form-data; name=\"proef.bpmn\"; filename=\"proef.bpmn\"\r\n"
          + "Content-Type: application/xml\r\n\r\n" + BPMN + "\r\n--" + grens + "--\r\n";
      b.header("Content-Type", "multipart/form-data; boundary=" + grens)
          .POST(HttpRequest.BodyPublishers.ofString(body));
    } else if (rij.soort().equals("expressie")) {
      b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(FILTER_MET_CODE));
    } else {
      b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
    }
    return browser.client().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
