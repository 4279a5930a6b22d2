package nl.deurwaarder.avg.verzoekprocedure;

import nl.deurwaarder.avg.mail.Procesmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekRegister;
import nl.deurwaarder.avg.verzoek.VerzoekStatus;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Three access requests through the whole application on PostgreSQL, as staff would handle them: registered with
 * {@code POST /api/verzoeken}, every task claimed and completed over {@code /engine-rest} by the right demo user with
 * its form's variables (what Tasklist does), the job executor's work done by this test. One is rejected after a
 * negative verification, one rejected after FG advice the coordinator deviates from, one answered by secure e-mail
 * within its deadline; the register's CSV export shows all three.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class InzageScenarioPostgresIT {

  /** Stopped by its own JVM shutdown hook, after Spring closed the application (DirtiesContext AFTER_CLASS). */
  static final EmbeddedPostgres POSTGRES = start();

  static EmbeddedPostgres start() {
    try {
      return EmbeddedPostgres.start();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry r) {
    r.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
    r.add("spring.datasource.username", () -> "postgres");
    r.add("spring.datasource.password", () -> "");
  }


  @LocalServerPort
  int port;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;
  @Autowired
  VerzoekRegister register;
  @Autowired
  Procesmail procesmail;

  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  HttpResponse<String> vraag(String methode, String pad, String gebruiker, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pad))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((gebruiker + ":" + gebruiker).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .method(methode, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  String registreer(String naam) throws Exception {
    HttpResponse<String> r = vraag("POST", "/api/verzoeken", "coordinator", """
        {"verzoekType":"INZAGE","kanaal":"WEBFORMULIER",
         "betrokkene":{"naam":"%s","email":"%s@voorbeeld.example","adres":"Dorpsstraat 1, 1234 AB Ergens"},
         "omschrijving":"Welke gegevens heeft u van mij?"}
        """.formatted(naam, naam.toLowerCase().replace(' ', '.')));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String ref = json.readTree(r.body()).get("referentie").asText();
    voerJobsUit(ref);
    return ref;
  }

  /** What the job executor would do: letters and mails of this request. */
  void voerJobsUit(String ref) {
    for (int ronde = 0; ronde < 10; ronde++) {
      List<Job> jobs = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref).list().stream()
          .map(ProcessInstance::getId)
          .flatMap(id -> managementService.createJobQuery().processInstanceId(id).messages().executable().list()
              .stream()).toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> managementService.executeJob(j.getId()));
    }
  }

  /** Tasklist: find the task in the user's list, claim it (unless assigned), complete it with the form's values. */
  void rondAf(String ref, String taak, String gebruiker, Map<String, Object> formulier) throws Exception {
    HttpResponse<String> lijst = vraag("GET", "/engine-rest/task?processInstanceBusinessKey="
        + URLEncoder.encode(ref, StandardCharsets.UTF_8) + "&taskDefinitionKey=" + taak, gebruiker, null);
    assertThat(lijst.statusCode()).as(lijst.body()).isEqualTo(200);
    JsonNode taken = json.readTree(lijst.body());
    assertThat(taken).as(taak + " zichtbaar voor " + gebruiker).hasSize(1);
    String id = taken.get(0).get("id").asText();
    if (taken.get(0).get("assignee").isNull()) {
      HttpResponse<String> claim = vraag("POST", "/engine-rest/task/" + id + "/claim", gebruiker,
          "{\"userId\":\"" + gebruiker + "\"}");
      assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
    }
    ObjectNode variabelen = json.createObjectNode();
    formulier.forEach((k, v) -> {
      ObjectNode var = variabelen.putObject(k);
      if (v instanceof List<?> l) {
        var.put("value", json.valueToTree(l).toString()).put("type", "Json");
      } else {
        var.putPOJO("value", v);
      }
    });
    ObjectNode body = json.createObjectNode();
    body.set("variables", variabelen);
    HttpResponse<String> klaar = vraag("POST", "/engine-rest/task/" + id + "/complete", gebruiker, body.toString());
    assertThat(klaar.statusCode()).as(taak + ": " + klaar.body()).isIn(200, 204);
    voerJobsUit(ref);
  }

  @Test
  void threeRequestsRejectedAfterVerificationRejectedAfterDeviatingFromFgAndAnsweredInTime() throws Exception {
    // 1. negative verification
    String negatief = registreer("Anna Bakker");
    rondAf(negatief, "Task_VerzoekBeoordelenDuidelijkheid", "coordinator", Map.of("verzoekDuidelijk", "JA"));
    rondAf(negatief, "Task_IdentiteitVerifieren", "coordinator", Map.of("verificatieStap", "RESULTAAT",
        "verificatieResultaat", "NEGATIEF", "verificatieMethode", List.of("BSN_CIJFERS"),
        "waarschuwingAdres", "ADRES_VERZOEK"));

    // 2. intended rejection, FG disagrees, the coordinator deviates with a reason
    String afwijking = registreer("Bram Claes");
    rondAf(afwijking, "Task_VerzoekBeoordelenDuidelijkheid", "coordinator", Map.of("verzoekDuidelijk", "JA"));
    rondAf(afwijking, "Task_IdentiteitVerifieren", "coordinator", Map.of("verificatieStap", "RESULTAAT",
        "verificatieResultaat", "POSITIEF", "verificatieMethode", List.of("IDENTITEITSBEWIJS")));
    rondAf(afwijking, "Task_VerzoekBeoordelen", "coordinator", Map.of("voorgenomenBesluit", "AFWIJZEN",
        "afwijzingsgronden", List.of("ONREDELIJK_BELASTEND"), "besluitMotivering", "Twintig verzoeken per week."));
    rondAf(afwijking, "Task_AdviesGeven", "fg", Map.of("fgAdvies", "NIET_AKKOORD",
        "fgToelichting", "Vraag eerst om specificatie."));
    rondAf(afwijking, "Task_BesluitNemenNaFgAdvies", "coordinator", Map.of("besluitNaAdvies", "AFWIJKEN",
        "afwijkingMotivering", "Specificatie is al twee keer gevraagd."));

    // 3. granted and answered by secure e-mail
    String beantwoord = registreer("Carla de Wit");
    rondAf(beantwoord, "Task_VerzoekBeoordelenDuidelijkheid", "coordinator", Map.of("verzoekDuidelijk", "JA"));
    rondAf(beantwoord, "Task_IdentiteitVerifieren", "coordinator", Map.of("verificatieStap", "RESULTAAT",
        "verificatieResultaat", "POSITIEF", "verificatieMethode", List.of("DOSSIERGEGEVENS")));
    rondAf(beantwoord, "Task_VerzoekBeoordelen", "coordinator", Map.of("voorgenomenBesluit", "TOEWIJZEN"));
    rondAf(beantwoord, "Task_VerantwoordelijkeAanwijzen", "coordinator", Map.of("verantwoordelijke", "medewerker"));
    rondAf(beantwoord, "Task_GegevensVerzamelen", "medewerker", GegevensVerzamelenProcesTest.checklist(true));
    rondAf(beantwoord, "Task_GegevensScreenen", "coordinator", Map.of("screeningUitkomst", "GESCREEND",
        "screenKopie", true, "screenAlleenBetrokkene", true, "screenPersoonsgegevens", true,
        "screenInzagerecht", true, "screenDerden", true, "screenMetadata", true, "screenPapier", true,
        "screenGearchiveerd", true));
    // the dossier application adds the screened data over the API (issue 12.1; without them the reply is refused)
    String grens = "----stuk" + System.nanoTime();
    byte[] multipart = ("--" + grens + "\r\nContent-Disposition: form-data; name=\"stuksoort\"\r\n\r\n"
        + "GESCREENDE_GEGEVENS\r\n--" + grens + "\r\nContent-Disposition: form-data; name=\"bestand\"; "
        + "filename=\"dossier.txt\"\r\nContent-Type: text/plain\r\n\r\nDossier 4711, gescreend\r\n--" + grens
        + "--\r\n").getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> stuk = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/api/verzoeken/" + beantwoord + "/stukken"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("coordinator:coordinator"
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "multipart/form-data; boundary=" + grens)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(stuk.statusCode()).as(stuk.body()).isEqualTo(201);
    rondAf(beantwoord, "Task_ReactieSamenstellen", "coordinator", Map.of("verzendwijze", "BEVEILIGDE_EMAIL",
        "bijlagen", "Overzicht gegevens", "legenda", "naam: weggelaten naam",
        "informatieDoeleinden", "Ambtelijke taken.", "informatieCategorieen", "NAW.",
        "informatieOntvangers", "Opdrachtgevers.", "informatieBewaartermijn", "10 jaar.", "informatieBron", "BRP."));
    // no mobile number: the password letter waits for a person to post it, and the request waits with it
    assertThat(register.haal(beantwoord).status()).isNotEqualTo(VerzoekStatus.AFGEHANDELD);
    assertThat(register.haal(beantwoord).verzendingWachtOpPost()).isTrue();
    rondAf(beantwoord, "Task_BriefAfdrukkenEnVersturen", "coordinator", Map.of("postVerzendwijze", "GEWONE_POST",
        "gepostOp", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString()));

    Verzoek v1 = register.haal(negatief);
    assertThat(v1.status()).isEqualTo(VerzoekStatus.AFGEWEZEN);
    assertThat(v1.verificatieResultaat()).isEqualTo("NEGATIEF");
    Verzoek v2 = register.haal(afwijking);
    assertThat(v2.status()).isEqualTo(VerzoekStatus.AFGEWEZEN);
    assertThat(v2.fgAdvies()).isEqualTo("NIET_AKKOORD");
    assertThat(v2.besluit()).isEqualTo("AFWIJZEN");
    assertThat(v2.afwijkingMotivering()).isEqualTo("Specificatie is al twee keer gevraagd.");
    assertThat(v2.afwijzingsgronden()).containsExactly("ONREDELIJK_BELASTEND");
    assertThat(procesmail.soorten(afwijking)).containsExactly("FG_AFWIJKING");
    assertThat(brieftypen(negatief)).containsExactly("ONTVANGSTBEVESTIGING", "VERIFICATIE_NEGATIEF");
    assertThat(brieftypen(afwijking)).containsExactly("ONTVANGSTBEVESTIGING", "AFWIJZING");
    // no mobile number: the password of the encrypted PDF goes by post (TOEGANGSCODE, issue 12.3)
    assertThat(brieftypen(beantwoord)).containsExactly("ONTVANGSTBEVESTIGING", "REACTIE_INZAGE", "TOEGANGSCODE");
    Verzoek v3 = register.haal(beantwoord);
    assertThat(v3.status()).isEqualTo(VerzoekStatus.AFGEHANDELD);
    assertThat(v3.verzendwijze()).isEqualTo("BEVEILIGDE_EMAIL");
    assertThat(v3.behandelaar()).isEqualTo("medewerker");
    assertThat(v3.verzondenOp().toLocalDate()).isBeforeOrEqualTo(v3.uitersteReactiedatum());
    for (String ref : List.of(negatief, afwijking, beantwoord)) {
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref).count()).isZero();
    }

    HttpResponse<String> csv = vraag("GET", "/api/verzoeken/export.csv", "coordinator", null);
    assertThat(csv.statusCode()).isEqualTo(200);
    List<String> regels = csv.body().lines().toList();
    List<String> kop = List.of(regels.get(0).split(","));
    assertThat(regel(regels, kop, negatief)).containsEntry("status", "AFGEWEZEN")
        .containsEntry("verificatieResultaat", "NEGATIEF");
    assertThat(regel(regels, kop, afwijking)).containsEntry("status", "AFGEWEZEN")
        .containsEntry("fgAdvies", "NIET_AKKOORD").containsEntry("besluit", "AFWIJZEN")
        .containsEntry("afwijzingsgronden", "ONREDELIJK_BELASTEND")
        .containsEntry("afwijkingMotivering", "Specificatie is al twee keer gevraagd.");
    assertThat(regel(regels, kop, beantwoord)).containsEntry("status", "AFGEHANDELD")
        .containsEntry("verzendwijze", "BEVEILIGDE_EMAIL").containsEntry("besluit", "TOEWIJZEN")
        .containsEntry("behandelaar", "medewerker").containsEntry("verificatieResultaat", "POSITIEF");
  }

  @Test
  void withoutAnEmailAddressSecureEmailBecomesRegisteredPostAndTheRequestWaitsUntilAPersonConfirmsPosting()
      throws Exception {
    HttpResponse<String> r = vraag("POST", "/api/verzoeken", "coordinator", """
        {"verzoekType":"INZAGE","kanaal":"BRIEF",
         "betrokkene":{"naam":"Dirk Post","adres":"Kerkstraat 2, 1234 AB Ergens"},
         "omschrijving":"Welke gegevens heeft u van mij?"}
        """);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    String ref = json.readTree(r.body()).get("referentie").asText();
    voerJobsUit(ref);
    String vandaag = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString();
    // no e-mail address: the receipt is posted first (its own print task)
    rondAf(ref, "Task_BriefAfdrukkenEnVersturen", "coordinator", Map.of("postVerzendwijze", "GEWONE_POST",
        "gepostOp", vandaag));
    rondAf(ref, "Task_VerzoekBeoordelenDuidelijkheid", "coordinator", Map.of("verzoekDuidelijk", "JA"));
    rondAf(ref, "Task_IdentiteitVerifieren", "coordinator", Map.of("verificatieStap", "RESULTAAT",
        "verificatieResultaat", "POSITIEF", "verificatieMethode", List.of("DOSSIERGEGEVENS")));
    rondAf(ref, "Task_VerzoekBeoordelen", "coordinator", Map.of("voorgenomenBesluit", "TOEWIJZEN"));
    rondAf(ref, "Task_VerantwoordelijkeAanwijzen", "coordinator", Map.of("verantwoordelijke", "medewerker"));
    rondAf(ref, "Task_GegevensVerzamelen", "medewerker", GegevensVerzamelenProcesTest.checklist(true));
    rondAf(ref, "Task_GegevensScreenen", "coordinator", Map.of("screeningUitkomst", "GESCREEND",
        "screenKopie", true, "screenAlleenBetrokkene", true, "screenPersoonsgegevens", true,
        "screenInzagerecht", true, "screenDerden", true, "screenMetadata", true, "screenPapier", true,
        "screenGearchiveerd", true));
    archief.bewaar(ref, nl.deurwaarder.avg.archief.Stuksoort.GESCREENDE_GEGEVENS, "Dossier (gescreend)",
        "dossier.pdf", "application/pdf", nl.deurwaarder.avg.levering.Leveringshulp.pdfMetTekst("Dossier 4712"),
        "coordinator");
    // the coordinator keeps "Beveiligde e-mail": the form told her it goes by registered post
    HttpResponse<String> vars = vraag("GET", "/engine-rest/task?processInstanceBusinessKey=" + ref
        + "&taskDefinitionKey=Task_ReactieSamenstellen", "coordinator", null);
    String taakId = json.readTree(vars.body()).get(0).get("id").asText();
    HttpResponse<String> zonder = vraag("GET", "/engine-rest/task/" + taakId + "/variables/zonderEmailadres",
        "coordinator", null);
    assertThat(json.readTree(zonder.body()).get("value").asBoolean()).isTrue();
    rondAf(ref, "Task_ReactieSamenstellen", "coordinator", Map.of("verzendwijze", "BEVEILIGDE_EMAIL"));

    // waits for the post: not AFGEHANDELD, nothing mailed, the register and its CSV say so
    assertThat(register.haal(ref).status()).isNotEqualTo(VerzoekStatus.AFGEHANDELD);
    assertThat(register.haal(ref).verzondenOp()).isNull();
    assertThat(brieftypen(ref)).containsExactly("ONTVANGSTBEVESTIGING");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM avg_levering WHERE referentie = ?", Integer.class, ref))
        .isZero();
    HttpResponse<String> api = vraag("GET", "/api/verzoeken/" + ref, "fg", null);
    assertThat(json.readTree(api.body()).get("verzendingWachtOpPost").asBoolean()).isTrue();
    List<String> regels = vraag("GET", "/api/verzoeken/export.csv", "coordinator", null).body().lines().toList();
    assertThat(regel(regels, List.of(regels.get(0).split(",")), ref)).containsEntry("verzendingWachtOpPost", "ja");
    // the print task holds the whole package, readable without a password
    HttpResponse<String> post = vraag("GET", "/engine-rest/task?processInstanceBusinessKey=" + ref
        + "&taskDefinitionKey=Task_BriefAfdrukkenEnVersturen", "coordinator", null);
    String postId = json.readTree(post.body()).get(0).get("id").asText();
    String link = json.readTree(vraag("GET", "/engine-rest/task/" + postId + "/variables/postBriefLink",
        "coordinator", null).body()).get("value").asText();
    assertThat(json.readTree(vraag("GET", "/engine-rest/task/" + postId + "/variables/postVerzendwijze",
        "coordinator", null).body()).get("value").asText()).isEqualTo("AANGETEKENDE_POST");
    byte[] pdf = archief.inhoud(Long.parseLong(link.substring(link.lastIndexOf('/') + 1)));
    assertThat(nl.deurwaarder.avg.levering.Leveringshulp.pdfTekst(pdf, null)).contains("Bij deze brief ontvangt u")
        .contains("Dossier 4712");

    rondAf(ref, "Task_BriefAfdrukkenEnVersturen", "coordinator", Map.of("postVerzendwijze", "AANGETEKENDE_POST",
        "gepostOp", vandaag, "barcode", "RR123456785NL"));
    Verzoek v = register.haal(ref);
    assertThat(v.status()).isEqualTo(VerzoekStatus.AFGEHANDELD);
    assertThat(v.verzendwijze()).isEqualTo("AANGETEKENDE_POST");
    assertThat(v.verzondenOp().toLocalDate().toString()).isEqualTo(vandaag);
    assertThat(v.verzendingWachtOpPost()).isFalse();
    assertThat(brieftypen(ref)).containsExactly("ONTVANGSTBEVESTIGING", "REACTIE_INZAGE");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref)
        .processDefinitionKey("avg-inzageverzoek").count()).isZero();
  }

  @Autowired
  nl.deurwaarder.avg.archief.Archief archief;

  List<String> brieftypen(String ref) {
    return jdbc.queryForList("SELECT brief_type FROM avg_brief WHERE referentie = ? AND status = 'VERZONDEN' ORDER BY id",
        String.class, ref);
  }

  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  /** The CSV row of a request as column → value (the values asserted here contain no commas or quotes). */
  static Map<String, String> regel(List<String> regels, List<String> kop, String ref) {
    String rij = regels.stream().filter(r -> r.startsWith(ref + ",")).findFirst().orElseThrow();
    String[] cellen = rij.split(",", -1);
    Map<String, String> m = new java.util.HashMap<>();
    for (int i = 0; i < kop.size() && i < cellen.length; i++) {
      m.put(kop.get(i), cellen[i]);
    }
    return m;
  }
}
