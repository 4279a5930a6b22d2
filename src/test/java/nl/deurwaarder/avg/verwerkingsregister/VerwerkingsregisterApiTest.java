package nl.deurwaarder.avg.verwerkingsregister;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import nl.deurwaarder.avg.AvgSpringTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** GET /api/verwerkingsregister (JSON, CSV, peildatum) and the printable page: who may read, what they get. */
@AvgSpringTest
class VerwerkingsregisterApiTest {

  @LocalServerPort
  int port;
  @Autowired
  Verwerkingsregister register;
  @Autowired
  Voorstellen voorstellen;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  HttpResponse<String> get(String path, String user) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (user != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
          .getBytes(StandardCharsets.UTF_8)));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @AfterEach
  void herstel() {
    ClockUtil.reset();
  }

  @ParameterizedTest
  @ValueSource(strings = {"coordinator", "fg", "directie"})
  void theRegisterReadersGetThePublishedRegisterWithVersionNumberAndDate(String gebruiker) throws Exception {
    HttpResponse<String> r = get("/api/verwerkingsregister", gebruiker);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode register = json.readTree(r.body());
    assertThat(register.get("versienummer").asInt()).isEqualTo(this.register.gepubliceerd().orElseThrow()
        .versienummer());
    assertThat(register.get("versiedatum").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
    assertThat(register.at("/verwerkingsverantwoordelijke/naam").asText())
        .isEqualTo("Gerechtsdeurwaarderskantoor Voorbeeld");
    assertThat(register.at("/functionarisGegevensbescherming/email").asText()).isEqualTo("fg@kantoor.example");
    assertThat(register.get("secties")).hasSizeGreaterThanOrEqualTo(9);

    HttpResponse<String> csv = get("/api/verwerkingsregister/export.csv", gebruiker);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv")
        .containsIgnoringCase("charset=UTF-8");

    HttpResponse<String> pagina = get("/verwerkingsregister", gebruiker);
    assertThat(pagina.statusCode()).isEqualTo(200);
    assertThat(pagina.body()).contains("Register van verwerkingsactiviteiten", "40.3.1 Verwerken vonnis",
        "bijzonder persoonsgegeven");
  }

  @Test
  void anEmployeeIsForbiddenAndAnonymousMustLogIn() throws Exception {
    for (String pad : List.of("/api/verwerkingsregister", "/api/verwerkingsregister/export.csv")) {
      HttpResponse<String> medewerker = get(pad, "medewerker");
      assertThat(medewerker.statusCode()).as(pad).isEqualTo(403);
      assertThat(medewerker.body()).contains("Geen toegang");
      assertThat(get(pad, null).statusCode()).as(pad).isEqualTo(401);
    }
    assertThat(get("/verwerkingsregister", "medewerker").statusCode()).isEqualTo(403);
    assertThat(get("/verwerkingsregister", null).statusCode()).isEqualTo(401);
  }

  @Test
  void theCsvHasAHeaderAndOneRowPerDataTypeWithItsProcessingsFields() throws Exception {
    String csv = get("/api/verwerkingsregister/export.csv", "fg").body();
    List<String> regels = csv.lines().toList();
    assertThat(regels.get(0)).isEqualTo(String.join(",", VerwerkingsregisterCsv.KOLOMMEN));
    assertThat(regels.get(0)).startsWith("versienummer,versiedatum,sectieCode,sectie,procesCode,proces,"
        + "verwerkingCode,verwerking,doeleind,grondslagVerwerking");
    RegisterVersie r = register.gepubliceerd().orElseThrow();
    assertThat(regels).hasSize(1 + (int) r.verwerkingen().mapToLong(v -> v.gegevenstypen().size()).sum());
    assertThat(regels).anySatisfy(regel -> assertThat(regel)
        .startsWith(r.versienummer() + "," + r.versiedatum().toLocalDate()
            + ",40,Gerechtelijke incasso,40.3,Ontvangst en inboeken vonnis,40.3.1,Verwerken vonnis,")
        .contains(",Vonnis en veroordeling,Gedaagde (debiteur),",
            ",e. Taak van algemeen belang of openbaar gezag (AVG art. 6 lid 1 sub e),", ",PH-ALG-05 §2.2,"));
    // special categories are marked
    assertThat(regels).anySatisfy(regel -> assertThat(regel)
        .contains("Gezondheidsgegevens die de debiteur zelf verstrekt", ",ja,gezondheid,",
            "AVG art. 9 lid 2 sub f"));
  }

  @Test
  void peildatumGivesTheVersionInForceOnThatDay() throws Exception {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2032, 3, 10, 11, 0, 0, 0, ZoneId.of("Europe/Amsterdam"))
        .toInstant()));
    Bewaartermijn termijn = new Bewaartermijn("Maximaal 6 maanden na de datum van het bezoek", "P6M",
        "datum van het bezoek", "PH-ALG-05 §6.5");
    Verwerking v = new Verwerking("70.2.31", "Parkeerregistratie bezoekers", "Toewijzen van parkeerplaatsen.",
        Grondslag.F, "Bedrijfsvoering.", null, true, "Office manager", List.of("Bezoeker"),
        List.of("Geen verstrekking aan derden"), termijn, null, null, "Afgesloten lijst", false, List.of(),
        List.of(new Gegevenstype("Kenteken", "Bezoeker", Grondslag.F, "Bezoeker", List.of(), List.of(),
            List.of("Parkeerlijst"), termijn, "Afgesloten lijst", false, null, null)));
    RegisterVersie nieuw = register.publiceer(voorstellen.nieuw(Voorstel.Soort.NIEUW, v, "parkeren", "coordinator",
        null), "fg");

    JsonNode gisteren = json.readTree(get("/api/verwerkingsregister?peildatum=2032-03-09", "directie").body());
    JsonNode vandaag = json.readTree(get("/api/verwerkingsregister?peildatum=2032-03-10", "directie").body());
    assertThat(gisteren.get("versienummer").asInt()).isLessThan(nieuw.versienummer());
    assertThat(gisteren.toString()).doesNotContain("70.2.31");
    assertThat(vandaag.get("versienummer").asInt()).isEqualTo(nieuw.versienummer());
    assertThat(vandaag.get("versiedatum").asText()).startsWith("2032-03-10T11:00");
    assertThat(vandaag.toString()).contains("Parkeerregistratie bezoekers");
    assertThat(get("/api/verwerkingsregister/export.csv?peildatum=2032-03-09", "fg").body())
        .doesNotContain("70.2.31");

    HttpResponse<String> teVroeg = get("/api/verwerkingsregister?peildatum=2000-01-01", "fg");
    assertThat(teVroeg.statusCode()).isEqualTo(404);
    assertThat(teVroeg.body()).contains("Op 2000-01-01 was nog geen versie van het verwerkingsregister gepubliceerd.");
    assertThat(get("/api/verwerkingsregister?peildatum=gisteren", "fg").statusCode()).isEqualTo(400);
    assertThat(get("/verwerkingsregister?peildatum=" + LocalDate.of(2032, 3, 9), "fg").body())
        .doesNotContain("70.2.31").contains("Stand per 9 maart 2032");
  }
}
