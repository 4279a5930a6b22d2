package nl.deurwaarder.avg.levering;

import static nl.deurwaarder.avg.levering.Leveringshulp.CODE;
import static nl.deurwaarder.avg.levering.Leveringshulp.LINK;
import static nl.deurwaarder.avg.levering.Leveringshulp.WACHTWOORD;
import static nl.deurwaarder.avg.levering.Leveringshulp.eerste;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import nl.deurwaarder.avg.IngebouwdePostgres;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The answer reaches the data subject, on PostgreSQL with a real SMTP server (GreenMail) and an HTTP SMS gateway
 * (a sink in this JVM): the dossier application adds the screened document over the API, the coordinator completes
 * "Reactie samenstellen" over the REST API, the SMS gateway is briefly down (nothing lost), the data subject fetches
 * the package through the portal; a second package is locked after 5 wrong codes; a third goes as encrypted PDF.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(IngebouwdePostgres.Levensduur.class)
@DirtiesContext
class LeveringPostgresIT {

  static final int SMTP_POORT = vrijePoort();
  static final GreenMail SMTP = startSmtp();
  static final List<String> SMS = new CopyOnWriteArrayList<>();
  static final List<String> SMS_AUTORISATIE = new CopyOnWriteArrayList<>();
  static final AtomicInteger SMS_STORING = new AtomicInteger();
  static final HttpServer SMS_GATEWAY = startSmsGateway();
  static final String GESCREEND = "Gescreend dossier 4711 van de betrokkene";

  @DynamicPropertySource
  static void omgeving(DynamicPropertyRegistry r) {
    IngebouwdePostgres.gebruik(r);
    r.add("spring.mail.host", () -> "127.0.0.1");
    r.add("spring.mail.port", () -> SMTP_POORT);
    r.add("avg.sms.url", () -> "http://127.0.0.1:" + SMS_GATEWAY.getAddress().getPort() + "/sms");
    r.add("avg.sms.token", () -> "sms-geheim");
  }

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired JdbcTemplate jdbc;

  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @AfterEach
  void klok() {
    ClockUtil.reset();
  }

  @AfterAll
  static void stop() {
    SMTP.stop();
    SMS_GATEWAY.stop(0);
  }

  @Test
  void linkCodeBySmsFetchedOnceRegisteredAndRemovedAfterTheFetchPeriod() throws Exception {
    String email = "anna" + System.nanoTime() + "@voorbeeld.example";
    String ref = registreer(email, "06-1234 5678");
    JsonNode entry = json.readTree(vraag("GET", "/api/verzoeken/" + ref, "fg", null).body());
    assertThat(entry.path("betrokkene").path("telefoon").asText()).isEqualTo("+31612345678");
    naarReactieSamenstellen(ref);

    // refused without screened data (REST = Tasklist), then the dossier application adds them
    assertThat(rondAf(ref, "BEVEILIGDE_LINK").body()).contains("geen gescreende gegevens");
    HttpResponse<String> stuk = stuk(ref, "coordinator", "GESCREENDE_GEGEVENS", "dossier.pdf", "application/pdf",
        Leveringshulp.pdfMetTekst(GESCREEND));
    assertThat(stuk.statusCode()).as(stuk.body()).isEqualTo(201);
    assertThat(json.readTree(stuk.body()).path("stuksoort").asText()).isEqualTo("GESCREENDE_GEGEVENS");
    assertThat(json.readTree(stuk.body()).path("sha256").asText()).hasSize(64);
    assertThat(json.readTree(vraag("GET", "/api/verzoeken/" + ref + "/stukken", "directie", null).body()))
        .anySatisfy(s -> assertThat(s.path("bestandsnaam").asText()).isEqualTo("dossier.pdf"));
    assertThat(rondAf(ref, "BEVEILIGDE_LINK").statusCode()).isIn(200, 204);

    // the SMS gateway is down: the step fails and will be retried, nothing went out, nothing is lost
    SMS_STORING.set(1);
    int voor = SMS.size();
    assertThatThrownBy(() -> voerJobsUit(ref)).hasMessageContaining("HTTP 503");
    assertThat(SMS).hasSize(voor);
    assertThat(SMTP.getReceivedMessagesForDomain(email)).isEmpty();
    Job mislukt = jobs(ref).stream().filter(j -> j.getExceptionMessage() != null).findFirst().orElseThrow();
    assertThat(mislukt.getRetries()).isEqualTo(4);
    assertThat(mislukt.getExceptionMessage()).contains("HTTP 503");
    SMS_STORING.set(0);
    managementService.executeJob(mislukt.getId()); // the retry the job executor makes 5 minutes later
    voerJobsUit(ref);

    String sms = SMS.stream().filter(s -> s.contains(ref)).reduce((a, b) -> b).orElseThrow();
    assertThat(json.readTree(sms).path("aan").asText()).isEqualTo("+31612345678");
    assertThat(SMS_AUTORISATIE).contains("Bearer sms-geheim");
    String code = eerste(CODE, json.readTree(sms).path("tekst").asText());
    MimeMessage[] mails = SMTP.getReceivedMessagesForDomain(email);
    assertThat(mails).hasSize(1);
    assertThat(Leveringshulp.bijlagen(mails[0])).isEmpty();
    String tekst = Leveringshulp.tekst(mails[0]);
    assertThat(tekst).doesNotContain("Anna").doesNotContain("inzage");
    String token = eerste(LINK, tekst);

    Leveringshulp.Browser browser = new Leveringshulp.Browser(port);
    assertThat(browser.open("/ophalen/" + token).statusCode()).isEqualTo(200);
    assertThat(browser.code(token, fout(code)).statusCode()).isEqualTo(400);
    assertThat(browser.code(token, code).statusCode()).isEqualTo(302);
    HttpResponse<byte[]> pakket = browser.download("/ophalen/" + token + "/pakket");
    assertThat(pakket.statusCode()).isEqualTo(200);
    assertThat(pakket.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    assertThat(Leveringshulp.pdfTekst(pakket.body(), null)).contains("Legenda").contains(GESCREEND);

    JsonNode register = json.readTree(vraag("GET", "/api/verzoeken/" + ref, "coordinator", null).body());
    assertThat(register.path("status").asText()).isEqualTo("AFGEHANDELD");
    assertThat(register.path("verzendwijze").asText()).isEqualTo("BEVEILIGDE_LINK");
    assertThat(register.path("verzondenOp").isNull()).isFalse();
    assertThat(register.path("opgehaaldOp").isNull()).isFalse();
    String csv = vraag("GET", "/api/verzoeken/export.csv", "directie", null).body();
    assertThat(csv.lines().findFirst().orElseThrow()).contains("opgehaaldOp");
    assertThat(csv.lines().filter(l -> l.startsWith(ref) || l.contains("," + ref + ",") || l.contains(ref)))
        .singleElement().satisfies(l -> assertThat(l).contains(register.path("opgehaaldOp").asText()
            .substring(0, 10)));
    // one access-log row per page view, attempt and download
    assertThat(jdbc.queryForList("SELECT t.handeling || ':' || t.resultaat FROM avg_levering_toegang t JOIN"
        + " avg_levering l ON l.id = t.levering_id WHERE l.referentie = ? ORDER BY t.id", String.class, ref))
        .containsExactly("PAGINA:GETOOND", "CODE:ONJUIST", "CODE:JUIST", "DOWNLOAD:GELUKT");

    // the fetch period passes (moved clock): the link is gone, the watch removes the package
    Date verloopt = jdbc.queryForObject("SELECT verloopt_op FROM avg_levering WHERE referentie = ?", Date.class,
        ref);
    ClockUtil.setCurrentTime(new Date(verloopt.getTime() + 60_000));
    assertThat(new Leveringshulp.Browser(port).open("/ophalen/" + token).statusCode()).isEqualTo(404);
    Job timer = jobs(ref).stream().filter(j -> j.getDuedate() != null && j.getExceptionMessage() == null
        && managementService.createJobQuery().jobId(j.getId()).timers().count() == 1).findFirst().orElseThrow();
    managementService.executeJob(timer.getId());
    voerJobsUit(ref);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM avg_levering WHERE referentie = ? AND pakket IS NULL"
        + " AND status = 'VERLOPEN'", Integer.class, ref)).isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref).count()).isZero();
  }

  @Test
  void fiveWrongCodesLockThePackage() throws Exception {
    String email = "bram" + System.nanoTime() + "@voorbeeld.example";
    String ref = registreer(email, "+31 6 87654321");
    naarReactieSamenstellen(ref);
    stuk(ref, "coordinator", "GESCREENDE_GEGEVENS", "dossier.pdf", "application/pdf",
        Leveringshulp.pdfMetTekst(GESCREEND));
    rondAf(ref, "BEVEILIGDE_LINK");
    voerJobsUit(ref);
    String code = eerste(CODE, json.readTree(SMS.stream().filter(s -> s.contains(ref)).findFirst().orElseThrow())
        .path("tekst").asText());
    String token = eerste(LINK, Leveringshulp.tekst(SMTP.getReceivedMessagesForDomain(email)[0]));
    Leveringshulp.Browser browser = new Leveringshulp.Browser(port);
    browser.open("/ophalen/" + token);
    for (int i = 0; i < 4; i++) {
      assertThat(browser.code(token, fout(code)).statusCode()).isEqualTo(400);
    }
    assertThat(browser.code(token, fout(code)).statusCode()).isEqualTo(404);
    assertThat(browser.code(token, code).statusCode()).isEqualTo(404);
    HttpResponse<String> taken = vraag("GET", "/engine-rest/task?processInstanceBusinessKey=" + ref
        + "&taskDefinitionKey=Task_GeblokkeerdPakketOpvolgen", "coordinator", null);
    assertThat(json.readTree(taken.body())).hasSize(1);
    assertThat(jdbc.queryForList("SELECT t.resultaat FROM avg_levering_toegang t JOIN avg_levering l"
        + " ON l.id = t.levering_id WHERE l.referentie = ? AND t.handeling = 'CODE' ORDER BY t.id", String.class, ref))
        .containsExactly("ONJUIST", "ONJUIST", "ONJUIST", "ONJUIST", "ONJUIST_GEBLOKKEERD", "GEBLOKKEERD");
  }

  @Test
  void secureEmailCarriesOnlyTheEncryptedPackage() throws Exception {
    String email = "cor" + System.nanoTime() + "@voorbeeld.example";
    String ref = registreer(email, "0612121212");
    naarReactieSamenstellen(ref);
    stuk(ref, "coordinator", "GESCREENDE_GEGEVENS", "dossier.pdf", "application/pdf",
        Leveringshulp.pdfMetTekst(GESCREEND));
    rondAf(ref, "BEVEILIGDE_EMAIL");
    voerJobsUit(ref);
    String wachtwoord = eerste(WACHTWOORD, json.readTree(SMS.stream().filter(s -> s.contains(ref)).findFirst()
        .orElseThrow()).path("tekst").asText());
    MimeMessage[] mails = SMTP.getReceivedMessagesForDomain(email);
    assertThat(mails).hasSize(1);
    List<byte[]> bijlagen = Leveringshulp.bijlagen(mails[0]);
    assertThat(bijlagen).hasSize(1);
    assertThatThrownBy(() -> Leveringshulp.pdfTekst(bijlagen.get(0), null)).isInstanceOf(InvalidPasswordException.class);
    assertThat(Leveringshulp.pdfTekst(bijlagen.get(0), wachtwoord)).contains(GESCREEND);
    JsonNode register = json.readTree(vraag("GET", "/api/verzoeken/" + ref, "coordinator", null).body());
    assertThat(register.path("verzendwijze").asText()).isEqualTo("BEVEILIGDE_EMAIL");
    assertThat(register.path("verzondenOp").isNull()).isFalse();
    assertThat(register.path("opgehaaldOp").isNull()).isTrue();
  }

  // --- helpers ---

  static String fout(String code) {
    return "00000000".equals(code) ? "11111111" : "00000000";
  }

  HttpResponse<String> vraag(String methode, String pad, String gebruiker, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pad))
        .header("Authorization", basic(gebruiker)).header("Content-Type", "application/json")
        .method(methode, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  static String basic(String gebruiker) {
    return "Basic " + Base64.getEncoder().encodeToString((gebruiker + ":" + gebruiker).getBytes(StandardCharsets.UTF_8));
  }

  String registreer(String email, String telefoon) throws Exception {
    HttpResponse<String> r = vraag("POST", "/api/verzoeken", "coordinator", """
        {"verzoekType":"INZAGE","kanaal":"EMAIL",
         "betrokkene":{"naam":"Anna Bakker","email":"%s","telefoon":"%s"},
         "omschrijving":"Welke gegevens heeft u van mij?"}
        """.formatted(email, telefoon));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    return json.readTree(r.body()).get("referentie").asText();
  }

  /** The segment before "Reactie samenstellen" is walked by InzageScenarioPostgresIT: start there. */
  void naarReactieSamenstellen(String ref) {
    ProcessInstance begin = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref)
        .singleResult();
    Map<String, Object> vars = runtimeService.getVariables(begin.getId());
    runtimeService.deleteProcessInstance(begin.getId(), "test begint bij Reactie samenstellen");
    runtimeService.createProcessInstanceByKey("avg-inzageverzoek").businessKey(ref).setVariables(vars)
        .startBeforeActivity("Task_ReactieSamenstellen").execute();
  }

  HttpResponse<String> stuk(String ref, String gebruiker, String soort, String naam, String type, byte[] inhoud)
      throws Exception {
    String grens = "----stuk" + System.nanoTime();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(("--" + grens + "\r\nContent-Disposition: form-data; name=\"stuksoort\"\r\n\r\n" + soort + "\r\n--"
        + grens + "\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"" + naam + "\"\r\nContent-Type: "
        + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    b.writeBytes(inhoud);
    b.writeBytes(("\r\n--" + grens + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/verzoeken/" + ref
        + "/stukken")).header("Authorization", basic(gebruiker))
        .header("Content-Type", "multipart/form-data; boundary=" + grens)
        .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** "Reactie samenstellen" as Tasklist does it: claim and complete over the REST API (texts as prefilled). */
  HttpResponse<String> rondAf(String ref, String verzendwijze) throws Exception {
    JsonNode taken = json.readTree(vraag("GET", "/engine-rest/task?processInstanceBusinessKey="
        + URLEncoder.encode(ref, StandardCharsets.UTF_8) + "&taskDefinitionKey=Task_ReactieSamenstellen",
        "coordinator", null).body());
    assertThat(taken).hasSize(1);
    String id = taken.get(0).get("id").asText();
    if (taken.get(0).get("assignee").isNull()) {
      vraag("POST", "/engine-rest/task/" + id + "/claim", "coordinator", "{\"userId\":\"coordinator\"}");
    }
    ObjectNode body = json.createObjectNode();
    body.putObject("variables").putObject("verzendwijze").put("value", verzendwijze);
    return vraag("POST", "/engine-rest/task/" + id + "/complete", "coordinator", body.toString());
  }

  void voerJobsUit(String ref) {
    for (int ronde = 0; ronde < 10; ronde++) {
      List<Job> jobs = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref).list().stream()
          .flatMap(p -> managementService.createJobQuery().processInstanceId(p.getId()).messages().executable()
              .list().stream()).toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> managementService.executeJob(j.getId()));
    }
  }

  List<Job> jobs(String ref) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref).list().stream()
        .flatMap(p -> managementService.createJobQuery().processInstanceId(p.getId()).list().stream()).toList();
  }

  static int vrijePoort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static GreenMail startSmtp() {
    GreenMail g = new GreenMail(new ServerSetup(SMTP_POORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    g.start();
    return g;
  }

  /** The SMS gateway: records what it accepts; answers 503 while {@link #SMS_STORING} is set. */
  static HttpServer startSmsGateway() {
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      s.createContext("/sms", ex -> {
        byte[] body = ex.getRequestBody().readAllBytes();
        if (SMS_STORING.get() > 0) {
          ex.sendResponseHeaders(503, -1);
        } else {
          SMS.add(new String(body, StandardCharsets.UTF_8));
          SMS_AUTORISATIE.add(ex.getRequestHeaders().getFirst("Authorization"));
          ex.sendResponseHeaders(202, -1);
        }
        ex.close();
      });
      s.start();
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
