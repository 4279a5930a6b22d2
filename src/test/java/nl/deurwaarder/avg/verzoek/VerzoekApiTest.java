package nl.deurwaarder.avg.verzoek;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import java.util.Base64;
import nl.deurwaarder.avg.AvgSpringTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@AvgSpringTest
class VerzoekApiTest {

  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  static String geldig(String type, String ontvangenOp, String email) {
    return """
        {"verzoekType":"%s","kanaal":"EMAIL",%s
         "betrokkene":{"naam":"Jan de Vries","email":"%s","adres":"Dorpsstraat 1, 1234 AB Ergens",
                       "geboortedatum":"1980-05-17","dossiernummer":"D-2026/123"},
         "omschrijving":"Ik wil weten welke gegevens u van mij heeft."}
        """.formatted(type, ontvangenOp == null ? "" : "\"ontvangenOp\":\"" + ontvangenOp + "\",", email);
  }

  HttpResponse<String> post(String body, String user) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/verzoeken"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
          .getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String user) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
          .getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The engine's (and the app's) clock stands on 1 June 2026, so the receipts below lie in the recent past. */
  @BeforeEach
  void klok() {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 6, 1, 12, 0, 0, 0, ZoneId.of("Europe/Amsterdam"))
        .toInstant()));
  }

  @AfterEach
  void klokTerug() {
    ClockUtil.reset();
  }

  int aantalVerzoeken() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM avg_verzoek", Integer.class);
  }

  long aantalProcessen() {
    return runtimeService.createProcessInstanceQuery().count();
  }

  @Test
  void registersStartsTheProcedureAndAnswers201() throws Exception {
    HttpResponse<String> r = post(geldig("INZAGE", "2026-01-31T10:00:00+01:00", "jan@example.org"), "coordinator");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode v = json.readTree(r.body());
    String ref = v.get("referentie").asText();
    assertThat(ref).matches("AVG-\\d{4}-\\d{4,}");
    assertThat(r.headers().firstValue("Location")).hasValue("/api/verzoeken/" + ref);
    assertThat(v.get("status").asText()).isEqualTo("ONTVANGEN");
    assertThat(v.get("verzoekerRol").asText()).isEqualTo("BETROKKENE");
    assertThat(v.get("betrokkene").get("naam").asText()).isEqualTo("Jan de Vries");
    // 31 January + 1 month = 28 February 2026, a Saturday → Monday 2 March 2026
    assertThat(v.get("uitersteReactiedatum").asText()).isEqualTo("2026-03-02");
    assertThat(v.get("wettelijkeUitersteDatum").asText()).isEqualTo("2026-03-02");
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref).singleResult();
    assertThat(pi).isNotNull();
    assertThat(runtimeService.getVariable(pi.getId(), "referentie")).isEqualTo(ref);
    assertThat(get("/api/verzoeken/" + ref, "fg").body()).contains(ref);
  }

  @ParameterizedTest(name = "{0} ontvangen {1}: uiterste datum {2}, wettelijk {3}")
  @CsvSource({
      // Friday before Tweede Paasdag 2026 (6 April): +1 month = 3 May 2026 (Sunday) → Monday 4 May
      "INZAGE, 2026-04-03T09:00:00+02:00, 2026-05-04, 2026-05-04",
      // 24 December 2025 + 1 month = Saturday 24 January 2026 → Monday 26 January
      "INZAGE, 2025-12-24T15:00:00+01:00, 2026-01-26, 2026-01-26",
      // erasure: office norm 2 weeks (Friday 3 April + 2 weeks = Friday 17 April), legal 1 month
      "VERWIJDERING, 2026-04-03T09:00:00+02:00, 2026-04-17, 2026-05-04",
      // correction received on the Thursday before Hemelvaartsdag (14 May 2026): + 2 weeks = 14 May → 15 May
      "CORRECTIE, 2026-04-30T11:00:00+02:00, 2026-05-15, 2026-06-01"})
  void deadlineComesFromTheDeadlineComponent(String type, String ontvangen, String uiterste, String wettelijk)
      throws Exception {
    HttpResponse<String> r = post(geldig(type, ontvangen, "termijn-" + type.toLowerCase() + "@example.org"),
        "coordinator");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode v = json.readTree(r.body());
    assertThat(v.get("uitersteReactiedatum").asText()).isEqualTo(uiterste);
    assertThat(v.get("wettelijkeUitersteDatum").asText()).isEqualTo(wettelijk);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "geen naam | {\"verzoekType\":\"INZAGE\",\"kanaal\":\"EMAIL\",\"betrokkene\":{\"email\":\"a@b.nl\"},\"omschrijving\":\"x\"} | betrokkene.naam",
      "lege naam | {\"verzoekType\":\"INZAGE\",\"kanaal\":\"EMAIL\",\"betrokkene\":{\"naam\":\"  \",\"email\":\"a@b.nl\"},\"omschrijving\":\"x\"} | betrokkene.naam",
      "script in naam | {\"verzoekType\":\"INZAGE\",\"kanaal\":\"EMAIL\",\"betrokkene\":{\"naam\":\"<script>alert(1)</script>\",\"email\":\"a@b.nl\"},\"omschrijving\":\"x\"} | betrokkene.naam",
      "ongeldig e-mailadres | {\"verzoekType\":\"INZAGE\",\"kanaal\":\"EMAIL\",\"betrokkene\":{\"naam\":\"Jan\",\"email\":\"geen-adres\"},\"omschrijving\":\"x\"} | betrokkene.email",
      "geen omschrijving | {\"verzoekType\":\"INZAGE\",\"kanaal\":\"EMAIL\",\"betrokkene\":{\"naam\":\"Jan\",\"email\":\"a@b.nl\"}} | omschrijving",
      "onbekend type | {\"verzoekType\":\"BEZWAAR\",\"kanaal\":\"EMAIL\",\"betrokkene\":{\"naam\":\"Jan\",\"email\":\"a@b.nl\"},\"omschrijving\":\"x\"} | verzoekType",
      "geen type | {\"kanaal\":\"EMAIL\",\"betrokkene\":{\"naam\":\"Jan\",\"email\":\"a@b.nl\"},\"omschrijving\":\"x\"} | verzoekType",
      "onbekend kanaal | {\"verzoekType\":\"INZAGE\",\"kanaal\":\"MONDELING\",\"betrokkene\":{\"naam\":\"Jan\",\"email\":\"a@b.nl\"},\"omschrijving\":\"x\"} | kanaal",
      "ontvangst in de toekomst | {\"verzoekType\":\"INZAGE\",\"kanaal\":\"EMAIL\",\"ontvangenOp\":\"2999-01-01T00:00:00Z\",\"betrokkene\":{\"naam\":\"Jan\",\"email\":\"a@b.nl\"},\"omschrijving\":\"x\"} | ontvangenOp",
      "ontvangst ver terug | {\"verzoekType\":\"INZAGE\",\"kanaal\":\"EMAIL\",\"ontvangenOp\":\"1999-01-01T00:00:00Z\",\"betrokkene\":{\"naam\":\"Jan\",\"email\":\"a@b.nl\"},\"omschrijving\":\"x\"} | ontvangenOp",
      "geen datum | {\"verzoekType\":\"INZAGE\",\"kanaal\":\"EMAIL\",\"ontvangenOp\":\"gisteren\",\"betrokkene\":{\"naam\":\"Jan\",\"email\":\"a@b.nl\"},\"omschrijving\":\"x\"} | ontvangenOp",
      "naam is een getal-object | {\"verzoekType\":\"INZAGE\",\"kanaal\":\"EMAIL\",\"betrokkene\":{\"naam\":{\"x\":1},\"email\":\"a@b.nl\"},\"omschrijving\":\"x\"} | betrokkene.naam",
      "geboortedatum in de toekomst | {\"verzoekType\":\"INZAGE\",\"kanaal\":\"EMAIL\",\"betrokkene\":{\"naam\":\"Jan\",\"email\":\"a@b.nl\",\"geboortedatum\":\"2999-01-01\"},\"omschrijving\":\"x\"} | betrokkene.geboortedatum",
      "geen adres om te antwoorden | {\"verzoekType\":\"INZAGE\",\"kanaal\":\"BRIEF\",\"betrokkene\":{\"naam\":\"Jan\"},\"omschrijving\":\"x\"} | betrokkene.email",
      "derde zonder naam | {\"verzoekType\":\"INZAGE\",\"kanaal\":\"EMAIL\",\"betrokkene\":{\"naam\":\"Jan\",\"email\":\"a@b.nl\"},\"verzoeker\":{\"rol\":\"ADVOCAAT\"},\"omschrijving\":\"x\"} | verzoeker.naam",
      "onbekende verzoekerrol | {\"verzoekType\":\"INZAGE\",\"kanaal\":\"EMAIL\",\"betrokkene\":{\"naam\":\"Jan\",\"email\":\"a@b.nl\"},\"verzoeker\":{\"rol\":\"BUURMAN\"},\"omschrijving\":\"x\"} | verzoeker.rol"})
  void badInputGets400NamingTheFieldAndStartsNothing(String geval, String body, String veld) throws Exception {
    int verzoeken = aantalVerzoeken();
    long processen = aantalProcessen();
    HttpResponse<String> r = post(body, "coordinator");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(json.readTree(r.body()).get("velden").has(veld)).as(r.body()).isTrue();
    assertThat(aantalVerzoeken()).isEqualTo(verzoeken);
    assertThat(aantalProcessen()).isEqualTo(processen);
  }

  @Test
  void brokenJsonGets400() throws Exception {
    HttpResponse<String> r = post("{\"verzoekType\":", "coordinator");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("geen geldige JSON");
  }

  @Test
  void rolesAndUnknownReferences() throws Exception {
    String body = geldig("INZAGE", null, "rollen@example.org");
    assertThat(post(body, null).statusCode()).isEqualTo(401);
    assertThat(post(body, "medewerker").statusCode()).isEqualTo(403);
    assertThat(post(body, "fg").statusCode()).isEqualTo(403);
    assertThat(get("/api/verzoeken", "medewerker").statusCode()).isEqualTo(403);
    assertThat(get("/api/verzoeken", "ict").statusCode()).isEqualTo(403);
    assertThat(get("/api/verzoeken", "directie").statusCode()).isEqualTo(200);
    HttpResponse<String> onbekend = get("/api/verzoeken/AVG-1999-0001", "coordinator");
    assertThat(onbekend.statusCode()).isEqualTo(404);
    assertThat(onbekend.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(get("/api/verzoeken?status=ONZIN", "coordinator").statusCode()).isEqualTo(400);
  }

  @Test
  void filterAndCsvExport() throws Exception {
    HttpResponse<String> r = post(geldig("CORRECTIE", null, "csv@example.org").replace("Jan de Vries",
        "Piet \\\"Pietje\\\" =Bakker, jr."), "coordinator");
    String ref = json.readTree(r.body()).get("referentie").asText();
    JsonNode lijst = json.readTree(get("/api/verzoeken?verzoekType=CORRECTIE&status=ONTVANGEN", "fg").body());
    assertThat(lijst.findValuesAsText("referentie")).contains(ref);
    assertThat(lijst.findValuesAsText("verzoekType")).containsOnly("CORRECTIE");
    HttpResponse<String> csv = get("/api/verzoeken/export.csv", "directie");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    String[] regels = csv.body().split("\r\n");
    assertThat(regels[0]).startsWith("referentie,verzoekType,kanaal,ontvangenOp");
    assertThat(csv.body()).contains(ref + ",CORRECTIE,EMAIL,");
    // quoted because of comma and quotes
    assertThat(csv.body()).contains("\"Piet \"\"Pietje\"\" =Bakker, jr.\"");
    assertThat(get("/api/verzoeken/export.csv", "medewerker").statusCode()).isEqualTo(403);
  }

  @Test
  void aRepeatedRequestWithinThreeMonthsIsFlagged() throws Exception {
    String eerste = json.readTree(post(geldig("VERWIJDERING", null, "herhaald@example.org"), "coordinator")
        .body()).get("referentie").asText();
    JsonNode tweede = json.readTree(post(geldig("VERWIJDERING", null, "Herhaald@Example.org"), "coordinator")
        .body());
    assertThat(tweede.get("mogelijkHerhaaldVan").asText()).isEqualTo(eerste);
    JsonNode anderType = json.readTree(post(geldig("BEPERKING", null, "herhaald@example.org"), "coordinator")
        .body());
    assertThat(anderType.get("mogelijkHerhaaldVan").isNull()).isTrue();
    ProcessInstance pi = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(tweede.get("referentie").asText()).singleResult();
    assertThat(runtimeService.getVariable(pi.getId(), "mogelijkHerhaaldVan")).isEqualTo(eerste);
  }
}
