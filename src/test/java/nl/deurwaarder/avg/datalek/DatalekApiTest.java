package nl.deurwaarder.avg.datalek;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Date;
import nl.deurwaarder.avg.AvgSpringTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** POST/GET /api/datalekken and the CSV export (spec/api.md, Breaches): 201, 400, 401, 403, 404. */
@AvgSpringTest
class DatalekApiTest {

  static final ZonedDateTime NU = ZonedDateTime.of(2026, 6, 1, 12, 0, 0, 0, ZoneId.of("Europe/Amsterdam"));

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void klok() {
    ClockUtil.setCurrentTime(Date.from(NU.toInstant()));
  }

  @AfterEach
  void klokTerug() {
    ClockUtil.reset();
  }

  private HttpRequest.Builder met(HttpRequest.Builder b, String user) {
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
          .getBytes(StandardCharsets.UTF_8)));
    }
    return b;
  }

  HttpResponse<String> post(String body, String user) throws Exception {
    return http.send(met(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/datalekken"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)), user).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> get(String path, String user) throws Exception {
    return http.send(met(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET(), user).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  static String geldig(String ontdektOp) {
    return """
        {"omschrijving":"Overzicht met schuldenaren naar verkeerd e-mailadres gestuurd; geadresseerde: café De Zwaan",
         "ontdektOp":"%s","bron":"VERWERKER","verwerker":"Print- en verzendhuis",
         "verwerkerOntdektOp":"%s","geschatAantalBetrokkenen":12}
        """.formatted(ontdektOp, NU.minusHours(30).toOffsetDateTime());
  }

  int aantal() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM avg_datalek", Integer.class);
  }

  @Test
  void anyEmployeeReportsAndGets201WithReferenceAndDeadlineFromDiscovery() throws Exception {
    OffsetDateTime ontdekt = NU.minusHours(5).toOffsetDateTime();
    HttpResponse<String> r = post(geldig(ontdekt.toString()), "medewerker");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    JsonNode d = json.readTree(r.body());
    String ref = d.get("referentie").asText();
    assertThat(ref).matches("DL-2026-\\d{4}");
    assertThat(r.headers().firstValue("Location")).contains("/api/datalekken/" + ref);
    assertThat(OffsetDateTime.parse(d.get("apMeldingUiterlijk").asText()).toInstant())
        .isEqualTo(ontdekt.plusHours(72).toInstant());
    assertThat(OffsetDateTime.parse(d.get("ontdektOp").asText()).toInstant()).isEqualTo(ontdekt.toInstant());
    assertThat(d.get("status").asText()).isEqualTo("GEMELD");
    assertThat(d.get("bron").asText()).isEqualTo("VERWERKER");
    assertThat(d.get("verwerkerTijdig").asBoolean()).isFalse(); // the processor found it 30 hours ago
    assertThat(d.get("gemeldDoor").asText()).isEqualTo("medewerker");
    assertThat(d.get("verzendingWachtOpPost").asBoolean()).as("no letter waits for the post").isFalse();
    for (String veld : new String[] {"gemeldOp", "isDatalek", "ernst", "inbreukCategorieen", "apGemeld",
        "apMeldingOp", "apKenmerk", "betrokkenenGeinformeerd", "afgeslotenOp", "verzendingWachtOpPost"}) {
      assertThat(d.has(veld)).as(veld).isTrue();
    }
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref)
        .processDefinitionKey("avg-datalek").count()).isEqualTo(1);

    HttpResponse<String> een = get("/api/datalekken/" + ref, "fg");
    assertThat(een.statusCode()).isEqualTo(200);
    assertThat(json.readTree(een.body()).get("referentie").asText()).isEqualTo(ref);
    HttpResponse<String> lijst = get("/api/datalekken", "directie");
    assertThat(lijst.statusCode()).isEqualTo(200);
    assertThat(lijst.body()).contains(ref);
    HttpResponse<String> csv = get("/api/datalekken/export.csv", "coordinator");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith("text/csv").containsIgnoringCase("charset=UTF-8"));
    String[] regels = csv.body().split("\r\n");
    assertThat(regels[0]).startsWith("referentie,ontdektOp,gemeldOp,").contains("apMeldingUiterlijk", "ernst",
        "inbreukCategorieen", "betrokkenenGeinformeerd", "afgeslotenOp", "evaluatie", "verzendingWachtOpPost");
    assertThat(csv.body()).contains(ref).contains("café De Zwaan");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no description|{\"ontdektOp\":\"2026-06-01T08:00:00+02:00\",\"bron\":\"MEDEWERKER\"}|omschrijving",
      "no discovery time|{\"omschrijving\":\"x\",\"bron\":\"MEDEWERKER\"}|ontdektOp",
      "discovery in the future|{\"omschrijving\":\"x\",\"ontdektOp\":\"2026-06-02T08:00:00+02:00\",\"bron\":\"MEDEWERKER\"}|ontdektOp",
      "not a date|{\"omschrijving\":\"x\",\"ontdektOp\":\"gisteren\",\"bron\":\"MEDEWERKER\"}|ontdektOp",
      "unknown source|{\"omschrijving\":\"x\",\"ontdektOp\":\"2026-06-01T08:00:00+02:00\",\"bron\":\"INTERN\"}|bron",
      "no source|{\"omschrijving\":\"x\",\"ontdektOp\":\"2026-06-01T08:00:00+02:00\"}|bron",
      "processor without name|{\"omschrijving\":\"x\",\"ontdektOp\":\"2026-06-01T08:00:00+02:00\",\"bron\":\"VERWERKER\"}|verwerker",
      "processor found it after us|{\"omschrijving\":\"x\",\"ontdektOp\":\"2026-06-01T08:00:00+02:00\",\"bron\":\"VERWERKER\",\"verwerker\":\"V\",\"verwerkerOntdektOp\":\"2026-06-01T09:00:00+02:00\"}|verwerkerOntdektOp",
      "negative count|{\"omschrijving\":\"x\",\"ontdektOp\":\"2026-06-01T08:00:00+02:00\",\"bron\":\"MEDEWERKER\",\"geschatAantalBetrokkenen\":-1}|geschatAantalBetrokkenen",
      "count not a number|{\"omschrijving\":\"x\",\"ontdektOp\":\"2026-06-01T08:00:00+02:00\",\"bron\":\"MEDEWERKER\",\"geschatAantalBetrokkenen\":\"veel\"}|geschatAantalBetrokkenen",
      "bad e-mail|{\"omschrijving\":\"x\",\"ontdektOp\":\"2026-06-01T08:00:00+02:00\",\"bron\":\"EXTERN\",\"melderEmail\":\"geen-adres\"}|melderEmail"})
  void badInputIs400NamingTheFieldAndRegistersNothing(String geval, String body, String veld) throws Exception {
    int voor = aantal();
    HttpResponse<String> r = post(body, "medewerker");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith("application/problem+json"));
    assertThat(json.readTree(r.body()).get("velden").has(veld)).as(r.body()).isTrue();
    assertThat(aantal()).isEqualTo(voor);
  }

  @Test
  void brokenJsonAndEmptyBodyAre400() throws Exception {
    assertThat(post("{\"omschrijving\":", "medewerker").statusCode()).isEqualTo(400);
    HttpResponse<String> leeg = post("", "medewerker");
    assertThat(leeg.statusCode()).as(leeg.body()).isEqualTo(400);
  }

  @Test
  void withoutLogin401WrongRole403UnknownReference404() throws Exception {
    assertThat(post(geldig(NU.minusHours(1).toOffsetDateTime().toString()), null).statusCode()).isEqualTo(401);
    assertThat(get("/api/datalekken", null).statusCode()).isEqualTo(401);
    assertThat(get("/api/datalekken", "medewerker").statusCode()).isEqualTo(403);
    assertThat(get("/api/datalekken/export.csv", "ict").statusCode()).isEqualTo(403);
    assertThat(get("/api/datalekken/DL-2026-0001", "medewerker").statusCode()).isEqualTo(403);
    HttpResponse<String> onbekend = get("/api/datalekken/DL-2020-9999", "fg");
    assertThat(onbekend.statusCode()).isEqualTo(404);
    assertThat(onbekend.body()).contains("DL-2020-9999");
  }
}
