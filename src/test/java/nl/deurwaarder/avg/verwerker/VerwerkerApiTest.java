package nl.deurwaarder.avg.verwerker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.archief.Archief;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The register of processors over HTTP (spec/api.md "Processors"): JSON, one entry, CSV, who may read; the page's
 * change form with bad input (nothing changes, Dutch messages); the migrated starting register; history; retention.
 */
@AvgSpringTest
class VerwerkerApiTest {

  @LocalServerPort
  int port;
  @Autowired
  Verwerkersregister register;
  @Autowired
  VerwerkerBewaartermijn bewaartermijn;
  @Autowired
  Archief archief;
  @Autowired
  NamedParameterJdbcTemplate jdbc;

  private final ObjectMapper json = new ObjectMapper();

  private HttpRequest.Builder aanvraag(String pad, String gebruiker) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(pad.startsWith("http") ? pad
        : "http://localhost:" + port + pad));
    if (gebruiker != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((gebruiker + ":" + gebruiker)
          .getBytes(StandardCharsets.UTF_8)));
    }
    return b;
  }

  private HttpResponse<String> get(HttpClient http, String pad, String gebruiker) throws Exception {
    return http.send(aanvraag(pad, gebruiker).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String pad, String gebruiker) throws Exception {
    return get(HttpClient.newHttpClient(), pad, gebruiker);
  }

  private static VerwerkerGegevens gegevens(String naam, String dienst) {
    return new VerwerkerGegevens(naam, dienst, "Anna Contact", "anna@verwerker.example", "+31 30 123 4567",
        LocalDate.of(2024, 2, 1), null, 14, true, "Verenigde Staten", "EU-VS Data Privacy Framework",
        LocalDate.of(2025, 11, 3), LocalDate.of(2025, 12, 1), null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"coordinator", "fg", "directie"})
  void theRegisterReadersGetTheProcessorsWithTheContractFields(String gebruiker) throws Exception {
    HttpResponse<String> r = get("/api/verwerkers", gebruiker);
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode lijst = json.readTree(r.body());
    JsonNode dossier = null;
    for (JsonNode v : lijst) {
      for (String veld : List.of("id", "naam", "dienst", "overeenkomstGetekendOp", "overeenkomstEindigtOp",
          "subverwerkers", "buitenEer", "laatsteAuditOp", "laatsteBeveiligingsrapportOp", "verwerkingen",
          "datalekken", "termijnoverschrijdingen", "status")) {
        assertThat(v.has(veld)).as("%s has %s", v.get("naam"), veld).isTrue();
      }
      if (v.get("naam").asText().equals("Leverancier dossierapplicatie")) {
        dossier = v;
      }
    }
    // the starting register's free text became links to the register of processors (V16_2)
    assertThat(dossier).isNotNull();
    List<String> codes = json.convertValue(dossier.get("verwerkingen"), List.class);
    assertThat(codes).contains("20.1.1", "30.1.1", "40.1.1", "80.1.1").doesNotContain("10.1.1", "60.4.1");
    assertThat(dossier.get("status").asText()).isEqualTo("OVEREENKOMST_VASTLEGGEN");
    HttpResponse<String> een = get("/api/verwerkers/" + dossier.get("id").asText(), gebruiker);
    assertThat(json.readTree(een.body()).get("naam").asText()).isEqualTo("Leverancier dossierapplicatie");
  }

  @Test
  void theStartingRegistersProcessorsAreNamesFromTheRegisterAndTheArbodienstIsNoProcessor() {
    List<String> namen = register.namen();
    List<String> inVerwerkingsregister = jdbc.queryForList("SELECT DISTINCT verwerkers FROM avg_vwr_gegevenstype"
        + " WHERE verwerkers IS NOT NULL", Map.of(), String.class).stream()
        .flatMap(t -> java.util.Arrays.stream(t.split(";"))).map(String::strip).distinct().toList();
    assertThat(namen).containsAll(inVerwerkingsregister);
    assertThat(inVerwerkingsregister).noneMatch(n -> n.contains("Arbodienst") || n.contains("(verwerkersovereenkomst"));
    assertThat(register.vindOpNaam("print- en verzendhuis").orElseThrow().verwerkingen()).containsExactly("30.1.1");
  }

  @Test
  void unknownIdIs404ProblemDetailsAndOtherRolesAndAnonymousAreRefused() throws Exception {
    HttpResponse<String> onbekend = get("/api/verwerkers/999999", "coordinator");
    assertThat(onbekend.statusCode()).isEqualTo(404);
    assertThat(onbekend.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    assertThat(onbekend.body()).contains("staat niet in het register van verwerkers");
    assertThat(get("/api/verwerkers", "medewerker").statusCode()).isEqualTo(403);
    assertThat(get("/api/verwerkers/export.csv", "ict").statusCode()).isEqualTo(403);
    assertThat(get("/api/verwerkers", null).statusCode()).isEqualTo(401);
  }

  @Test
  void theCsvHasAHeaderRowOneRowPerProcessorAndNeutralisesFormulas() throws Exception {
    Verwerker v = register.voegToe(gegevens("Csv Verwerker " + System.nanoTime(),
        "=HYPERLINK(\"http://x\",\"klik\"), met komma"), "coordinator");
    register.meldSubverwerker(v.id(), "Datacenter Zuid", "Opslag", "Ierland", LocalDate.now(
        ZoneId.of("Europe/Amsterdam")), "coordinator");
    HttpResponse<String> r = get("/api/verwerkers/export.csv", "fg");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv")
        .containsIgnoringCase("charset=UTF-8");
    assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).contains("register-verwerkers.csv");
    List<String> regels = r.body().lines().toList();
    assertThat(regels.get(0)).isEqualTo(String.join(",", VerwerkerApi.KOLOMMEN));
    assertThat(regels).hasSize(register.lijst().size() + 1);
    String rij = regels.stream().filter(l -> l.contains(v.naam())).findFirst().orElseThrow();
    assertThat(rij).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"klik\"\"), met komma\"")
        .contains("Datacenter Zuid (gemeld ").contains("besluit open").contains("EU-VS Data Privacy Framework")
        .contains(",ACTIEF,");
  }

  @Test
  void badInputChangesNothingAndNamesEveryField() {
    int voor = register.lijst().size();
    assertThatThrownBy(() -> register.voegToe(new VerwerkerGegevens(" ", null, null, "geen-adres", "abc", LocalDate
        .now().plusDays(3), LocalDate.of(2020, 1, 1), 0, true, null, null, LocalDate.now().plusDays(1), null,
        LocalDate.of(2019, 12, 1)), "coordinator"))
        .isInstanceOfSatisfying(OngeldigeVerwerkerException.class, e -> assertThat(e.fouten()).containsOnlyKeys(
            "naam", "dienst", "contactEmail", "contactTelefoon", "overeenkomstGetekendOp", "overeenkomstEindigtOp",
            "bezwaartermijnDagen", "buitenEerLanden", "buitenEerWaarborg", "laatsteAuditOp", "verwijderverklaringOp"));
    assertThatThrownBy(() -> register.voegToe(gegevens("leverancier DOSSIERAPPLICATIE", "Dubbel"), "coordinator"))
        .isInstanceOfSatisfying(OngeldigeVerwerkerException.class, e -> assertThat(e.fouten().get("naam"))
            .contains("al een verwerker met deze naam"));
    assertThat(register.lijst()).hasSize(voor);
    Verwerker v = register.voegToe(gegevens("Geen EER " + System.nanoTime(), "Dienst"), "coordinator");
    assertThatThrownBy(() -> register.wijzig(v.id(), new VerwerkerGegevens(null, "Dienst", null, null, null,
        null, null, null, false, "Verenigde Staten", null, null, null, null), "fg"))
        .isInstanceOfSatisfying(OngeldigeVerwerkerException.class, e -> assertThat(e.fouten()).containsKey("buitenEer"));
    assertThat(register.haal(v.id())).isEqualTo(v);
    assertThat(register.historie(v.id())).hasSize(1);
  }

  @Test
  void thePageKeepsTheRegisterWithHistoryAndShowsDutchMessagesForBadInput() throws Exception {
    Verwerker v = register.voegToe(gegevens("Pagina Verwerker " + System.nanoTime(), "Scannen van post"),
        "coordinator");
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> pagina = get(http, "/beheer/verwerkers/" + v.id(), "coordinator");
    assertThat(pagina.statusCode()).isEqualTo(200);
    assertThat(pagina.body()).contains(v.naam(), "Scannen van post", "Historie", "Te late meldingen");
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(pagina.body());
    assertThat(token.find()).isTrue();

    // bad input: a redirect back with the messages, nothing changed
    HttpResponse<String> fout = post(http, "/beheer/verwerkers/" + v.id(), "coordinator", Map.of("_csrf",
        token.group(1), "dienst", "", "contactEmail", "niet-goed", "buitenEer", "nee"));
    assertThat(fout.statusCode()).isEqualTo(302);
    HttpResponse<String> terug = get(http, fout.headers().firstValue("Location").orElseThrow(), "coordinator");
    assertThat(terug.body()).contains("Niet opgeslagen", "Geen geldig e-mailadres.",
        "Beschrijf de dienst die de verwerker voor het kantoor verricht.");
    assertThat(register.haal(v.id())).isEqualTo(v);

    // a change is kept with who, when, old and new value
    HttpResponse<String> goed = post(http, "/beheer/verwerkers/" + v.id(), "coordinator", Map.of("_csrf",
        token.group(1), "dienst", "Scannen en archiveren van post", "buitenEer", "nee", "overeenkomstGetekendOp",
        "2024-02-01", "bezwaartermijnDagen", "21"));
    assertThat(goed.statusCode()).isEqualTo(302);
    Verwerker na = register.haal(v.id());
    assertThat(na.dienst()).isEqualTo("Scannen en archiveren van post");
    assertThat(na.bezwaartermijnDagen()).isEqualTo(21);
    assertThat(na.contactNaam()).isNull();
    assertThat(register.historie(v.id())).anySatisfy(h -> {
      assertThat(h.veld()).isEqualTo("dienst");
      assertThat(h.gebruiker()).isEqualTo("coordinator");
      assertThat(h.oudeWaarde()).isEqualTo("Scannen van post");
      assertThat(h.nieuweWaarde()).isEqualTo("Scannen en archiveren van post");
    });
    // directie reads, but may not change
    HttpClient directie = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> gelezen = get(directie, "/beheer/verwerkers/" + v.id(), "directie");
    assertThat(gelezen.statusCode()).isEqualTo(200);
    assertThat(gelezen.body()).doesNotContain("Wijziging vastleggen");
    Matcher t2 = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(directie, "/beheer/verwerkers",
        "directie").body());
    String tokenDirectie = t2.find() ? t2.group(1) : "";
    assertThat(post(directie, "/beheer/verwerkers/" + v.id(), "directie", Map.of("_csrf", tokenDirectie, "dienst",
        "Anders", "buitenEer", "nee")).statusCode()).isEqualTo(403);
    assertThat(register.haal(v.id()).dienst()).isEqualTo("Scannen en archiveren van post");
  }

  /**
   * Dates are typed and shown as dd-mm-jjjj in text fields (the browser's date field shows mm/dd/yyyy in an English
   * browser); a date that does not exist is refused with a Dutch message and changes nothing.
   */
  @Test
  void datesAreTypedAndShownTheDutchWay() throws Exception {
    Verwerker v = register.voegToe(gegevens("Datum Verwerker " + System.nanoTime(), "Archiveren"), "coordinator");
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> pagina = get(http, "/beheer/verwerkers/" + v.id(), "coordinator");
    assertThat(pagina.body()).contains("placeholder=\"dd-mm-jjjj\"").doesNotContain("type=\"date\"");
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(pagina.body());
    assertThat(token.find()).isTrue();

    HttpResponse<String> fout = post(http, "/beheer/verwerkers/" + v.id(), "coordinator", Map.of("_csrf",
        token.group(1), "dienst", "Archiveren", "buitenEer", "nee", "overeenkomstGetekendOp", "31-02-2024"));
    HttpResponse<String> terug = get(http, fout.headers().firstValue("Location").orElseThrow(), "coordinator");
    assertThat(terug.body()).contains("Geen geldige datum: deze datum bestaat niet.");
    assertThat(register.haal(v.id())).isEqualTo(v);

    HttpResponse<String> goed = post(http, "/beheer/verwerkers/" + v.id(), "coordinator", Map.of("_csrf",
        token.group(1), "dienst", "Archiveren", "buitenEer", "nee", "overeenkomstGetekendOp", "1-2-2024",
        "overeenkomstEindigtOp", "31.12.2027"));
    assertThat(goed.statusCode()).isEqualTo(302);
    Verwerker na = register.haal(v.id());
    assertThat(na.overeenkomstGetekendOp()).isEqualTo(java.time.LocalDate.of(2024, 2, 1));
    assertThat(na.overeenkomstEindigtOp()).isEqualTo(java.time.LocalDate.of(2027, 12, 31));
    assertThat(get(http, "/beheer/verwerkers/" + v.id(), "coordinator").body())
        .contains("name=\"overeenkomstGetekendOp\" value=\"01-02-2024\"")
        .contains("name=\"overeenkomstEindigtOp\" value=\"31-12-2027\"");
  }

  private HttpResponse<String> post(HttpClient http, String pad, String gebruiker, Map<String, String> velden)
      throws Exception {
    String form = velden.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return http.send(aanvraag(pad, gebruiker).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void retentionRemovesTheContactPersonAndTheAgreementThreeYearsAfterTheYearTheAgreementEnded() {
    Verwerker oud = register.voegToe(new VerwerkerGegevens("Oud " + System.nanoTime(), "Dienst", "Kees Contact",
        "kees@oud.example", null, LocalDate.of(2015, 1, 5), LocalDate.of(2022, 12, 31), null, false, null, null,
        null, null, LocalDate.of(2023, 1, 20)), "coordinator");
    register.wijzigVelden(oud.id(), Map.of("contactNaam", "Karel Contact"), "fg");
    long stuk = register.bewaarOvereenkomst(oud.id(), "overeenkomst.pdf", "application/pdf",
        "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), "coordinator").id();
    Verwerker recent = register.voegToe(new VerwerkerGegevens("Recent " + System.nanoTime(), "Dienst",
        "Rita Contact", null, null, LocalDate.of(2015, 1, 5), LocalDate.of(2023, 1, 1), null, false, null, null,
        null, null, null), "coordinator");
    // the nightly job in 2026: agreements that ended in 2022 or earlier
    OffsetDateTime grens = OffsetDateTime.parse("2023-01-01T00:00+01:00");
    assertThat(bewaartermijn.ruimOpVoor(grens)).isPositive();

    Verwerker na = register.haal(oud.id());
    assertThat(na.contactNaam()).isNull();
    assertThat(na.contactEmail()).isNull();
    assertThat(na.naam()).isEqualTo(oud.naam());
    assertThat(na.verwijderverklaringOp()).isEqualTo(LocalDate.of(2023, 1, 20));
    assertThat(archief.stuk(stuk)).isEmpty();
    assertThat(register.historie(oud.id())).filteredOn(h -> h.veld().equals("contactNaam")).allSatisfy(h -> {
      assertThat(h.oudeWaarde()).isIn(null, "[verwijderd]");
      assertThat(h.nieuweWaarde()).isEqualTo("[verwijderd]");
    });
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM avg_verwerker_historie WHERE nieuwe_waarde LIKE '%Karel%'"
        + " OR oude_waarde LIKE '%Kees%'", Map.of(), Integer.class)).isZero();
    assertThat(register.haal(recent.id()).contactNaam()).isEqualTo("Rita Contact");
    // idempotent
    assertThat(bewaartermijn.ruimOpVoor(grens)).isZero();
  }
}
