package nl.deurwaarder.avg.archief;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.verzoek.Betrokkene;
import nl.deurwaarder.avg.verzoek.Kanaal;
import nl.deurwaarder.avg.verzoek.NieuwVerzoek;
import nl.deurwaarder.avg.verzoek.VerzoekRegister;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The archive pages over real HTTP: access rules, webapp-session login, upload checks and safe downloads. */
@AvgSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchiefPaginaTest {

  private static final AtomicInteger VOLGNUMMER = new AtomicInteger(ThreadLocalRandom.current().nextInt(50000, 89000));
  static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @LocalServerPort
  int port;
  @Autowired
  VerzoekRegister register;
  @Autowired
  Archief archief;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  IdentityService identityService;

  private String deploymentId;
  private String ref;

  @BeforeAll
  void deployTestProces() {
    deploymentId = repositoryService.createDeployment().name("archief-test")
        .addClasspathResource("archief/archief-taak.bpmn").deploy().getId();
  }

  @AfterAll
  void verwijderTestProces() {
    repositoryService.deleteDeployment(deploymentId, true);
  }

  @BeforeEach
  void nieuwVerzoek() {
    ref = nieuweReferentie(register, "Jan de Vries");
  }

  static String nieuweReferentie(VerzoekRegister register, String naam) {
    int nummer = VOLGNUMMER.incrementAndGet();
    String referentie = "AVG-2026-" + nummer;
    register.voegToe(referentie, 2026, nummer, new NieuwVerzoek(VerzoekType.INZAGE, Kanaal.EMAIL,
            OffsetDateTime.parse("2026-03-02T10:00:00+01:00"),
            new Betrokkene(naam, "jan@example.org", null, null, null), null, "Inzage in mijn dossier"),
        LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 2), null, "test");
    return referentie;
  }

  // ---------------------------------------------------------------------------------------------------- access

  @Test
  void anonymousBrowserGetsDutchPageWithTasklistLinkAndNoBasicDialog() throws Exception {
    HttpResponse<String> r = new Klant(null).get("/archief/" + ref);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(r.body()).contains("niet aangemeld").contains("/camunda/app/tasklist/default/")
        .doesNotContain("Jan de Vries");
  }

  @Test
  void anonymousProgramGetsBasicChallenge() throws Exception {
    HttpResponse<String> r = new Klant(null).accept("*/*").get("/archief/" + ref);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    // (an unknown user: a wrong password would make Camunda delay the next logins of a real user)
    assertThat(new Klant("onbekend", "fout").get("/archief/" + ref).statusCode()).isEqualTo(401);
  }

  @ParameterizedTest
  @ValueSource(strings = {"coordinator", "fg", "directie"})
  void privacyStaffReadTheArchive(String user) throws Exception {
    long id = archief.bewaar(ref, Stuksoort.VERZOEK, "Verzoek per e-mail", "verzoek.pdf", "application/pdf", PDF,
        "coordinator").id();
    HttpResponse<String> r = new Klant(user).get("/archief/" + ref);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("<title>Archief " + ref + " — Jan de Vries</title>")
        .contains("Origineel verzoek").contains("Verzoek per e-mail").contains("verzoek.pdf")
        .contains("/archief/" + ref + "/stukken/" + id).contains("name=\"soort\"");
    assertThat(new Klant(user).get("/archief/" + ref + "/stukken/" + id).statusCode()).isEqualTo(200);
  }

  @Test
  void medewerkerWithoutTaskIsRefusedEverything() throws Exception {
    long id = archief.bewaar(ref, Stuksoort.VERZOEK, "Verzoek", "verzoek.pdf", "application/pdf", PDF, "coordinator")
        .id();
    Klant medewerker = new Klant("medewerker");
    HttpResponse<String> pagina = medewerker.get("/archief/" + ref);
    assertThat(pagina.statusCode()).isEqualTo(403);
    assertThat(pagina.body()).contains("Geen toegang").doesNotContain("Jan de Vries");
    assertThat(medewerker.get("/archief/" + ref + "/stukken/" + id).statusCode()).isEqualTo(403);
    // a valid form token (from a page the user may see) does not help either
    Klant coordinator = new Klant("coordinator");
    String token = coordinator.csrf(ref);
    assertThat(coordinator.upload(ref, token, "VERZOEK", "x", "a.pdf", PDF).statusCode()).isEqualTo(302);
    String eigenToken = medewerker.csrfVan("/archief/" + nieuweReferentieMetTaak("medewerker"));
    assertThat(medewerker.upload(ref, eigenToken, "VERZOEK", "x", "a.pdf", PDF).statusCode()).isEqualTo(403);
    assertThat(archief.stukken(ref)).hasSize(2);
  }

  @Test
  void medewerkerWithAnOpenTaskMayAddButNotRead() throws Exception {
    archief.bewaar(ref, Stuksoort.IDENTITEITSBEWIJS, "Paspoort van betrokkene", "paspoort.pdf", "application/pdf",
        PDF, "coordinator");
    runtimeService.startProcessInstanceByKey("test-archief-taak", ref, Map.of("uitvoerder", "medewerker"));
    Klant medewerker = new Klant("medewerker");
    HttpResponse<String> pagina = medewerker.get("/archief/" + ref);
    assertThat(pagina.statusCode()).isEqualTo(200);
    assertThat(pagina.body()).contains("Stuk toevoegen").doesNotContain("Paspoort van betrokkene")
        .doesNotContain("paspoort.pdf").doesNotContain("/stukken/").contains("1 stuk(ken) van anderen");

    String token = medewerker.csrf(ref);
    HttpResponse<String> upload = medewerker.upload(ref, token, "NIET_GEVALIDEERDE_GEGEVENS",
        "Export debiteurensysteem", "export.txt", "Dossier 123: gegevens\n".getBytes(StandardCharsets.UTF_8));
    assertThat(upload.statusCode()).isEqualTo(302);
    Archiefstuk stuk = archief.stukken(ref).get(1);
    assertThat(stuk.toegevoegdDoor()).isEqualTo("medewerker");
    assertThat(stuk.contentType()).isEqualTo("text/plain;charset=UTF-8");
    assertThat(medewerker.get("/archief/" + ref).body()).contains("Export debiteurensysteem")
        .doesNotContain("/stukken/" + stuk.id());
    assertThat(medewerker.get("/archief/" + ref + "/stukken/" + stuk.id()).statusCode()).isEqualTo(403);

    // once the task is completed, the right to add ends
    Task taak = taskService.createTaskQuery().processInstanceBusinessKey(ref).singleResult();
    taskService.complete(taak.getId());
    assertThat(medewerker.get("/archief/" + ref).statusCode()).isEqualTo(403);
  }

  @Test
  void aCandidateGroupTaskAlsoGivesTheRightToAdd() throws Exception {
    runtimeService.startProcessInstanceByKey("test-archief-taak", ref, java.util.Collections.singletonMap(
        "uitvoerder", null));
    Task taak = taskService.createTaskQuery().processInstanceBusinessKey(ref).singleResult();
    assertThat(new Klant("medewerker").get("/archief/" + ref).statusCode()).isEqualTo(403);
    taskService.addCandidateGroup(taak.getId(), "medewerker");
    assertThat(new Klant("medewerker").get("/archief/" + ref).statusCode()).isEqualTo(200);
    taskService.setAssignee(taak.getId(), "ict"); // claimed by someone else
    assertThat(new Klant("medewerker").get("/archief/" + ref).statusCode()).isEqualTo(403);
  }

  @Test
  void aUserInBothFgAndDirectieIsRefused() throws Exception {
    User u = identityService.newUser("archiefdubbel");
    u.setPassword("archiefdubbel");
    identityService.saveUser(u);
    identityService.createMembership("archiefdubbel", "fg");
    identityService.createMembership("archiefdubbel", "directie");
    try {
      assertThat(new Klant("archiefdubbel").accept("*/*").get("/archief/" + ref).statusCode()).isEqualTo(401);
    } finally {
      identityService.deleteUser("archiefdubbel");
    }
  }

  // ---------------------------------------------------------------------------------------------------- upload

  @Test
  void uploadThenDownloadGivesTheExactBytesAsAttachment() throws Exception {
    Klant coordinator = new Klant("coordinator");
    String token = coordinator.csrf(ref);
    HttpResponse<String> r = coordinator.upload(ref, token, "VERZOEK", "Verzoek per brief",
        "../../etc/Verzoek <Jan>.pdf", PDF);
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location").orElseThrow()).contains("/archief/" + ref + "?toegevoegd=");
    Archiefstuk stuk = archief.stukken(ref).get(0);
    assertThat(stuk.bestandsnaam()).isEqualTo("Verzoek _Jan_.pdf");
    assertThat(stuk.soort()).isEqualTo(Stuksoort.VERZOEK);
    assertThat(stuk.toegevoegdDoor()).isEqualTo("coordinator");
    assertThat(register.historie(ref)).anySatisfy(h -> {
      assertThat(h.veld()).isEqualTo("archief");
      assertThat(h.gebruiker()).isEqualTo("coordinator");
      assertThat(h.nieuweWaarde()).isEqualTo("Origineel verzoek: Verzoek per brief toegevoegd");
    });

    HttpResponse<byte[]> download = coordinator.download("/archief/" + ref + "/stukken/" + stuk.id());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(PDF);
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(download.headers().firstValue("Content-Security-Policy")).hasValue("sandbox");
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");

    HttpResponse<String> pagina = coordinator.get("/archief/" + ref + "?toegevoegd=" + stuk.id());
    assertThat(pagina.body()).contains("Het stuk is aan het archief toegevoegd.").contains(stuk.sha256()
        .substring(0, 12));
  }

  @Test
  void aStoredHtmlDocumentIsStillServedAsHarmlessDownload() throws Exception {
    long id = archief.bewaar(ref, Stuksoort.OVERIG, "Oud stuk", "oud.html", "text/html",
        "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "systeem").id();
    HttpResponse<byte[]> r = new Klant("fg").download("/archief/" + ref + "/stukken/" + id);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
    assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"exe", "html", "svg", "leeg", "zonderSoort", "zonderTitel"})
  void badUploadsShowThePageAgainAndStoreNothing(String geval) throws Exception {
    byte[] inhoud = switch (geval) {
      case "exe" -> new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0};
      case "html" -> "<!DOCTYPE html><html><body>hoi</body></html>".getBytes(StandardCharsets.UTF_8);
      case "svg" -> "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
          .getBytes(StandardCharsets.UTF_8);
      case "leeg" -> new byte[0];
      default -> PDF;
    };
    String naam = switch (geval) {
      case "exe" -> "factuur.pdf";
      case "html" -> "brief.html";
      case "svg" -> "logo.svg";
      default -> "stuk.pdf";
    };
    Klant coordinator = new Klant("coordinator");
    HttpResponse<String> r = coordinator.upload(ref, coordinator.csrf(ref), geval.equals("zonderSoort") ? "" : "OVERIG",
        geval.equals("zonderTitel") ? " " : "Een stuk", naam, inhoud);
    // POST-redirect-GET (issue 13.5): back to the archive page, no form token in the address bar
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location")).hasValueSatisfying(
        l -> assertThat(l).endsWith("/archief/" + ref).doesNotContain("_csrf"));
    HttpResponse<String> pagina = coordinator.get("/archief/" + ref);
    assertThat(pagina.statusCode()).isEqualTo(200);
    assertThat(pagina.body()).contains("class=\"melding fout\"").contains("<title>Archief " + ref);
    if (!geval.equals("zonderTitel")) {
      assertThat(pagina.body()).contains("value=\"Een stuk\""); // what was typed is kept
    }
    // the message is shown once
    assertThat(coordinator.get("/archief/" + ref).body()).doesNotContain("class=\"melding fout\"");
    assertThat(archief.stukken(ref)).isEmpty();
    assertThat(register.historie(ref)).noneMatch(h -> h.veld().equals("archief"));
  }

  @Test
  void oversizedUploadIsRefusedWithADutchPage() throws Exception {
    byte[] groot = new byte[(int) Bestandscontrole.MAX_GROOTTE + 1];
    System.arraycopy(PDF, 0, groot, 0, PDF.length);
    Klant coordinator = new Klant("coordinator");
    HttpResponse<String> r = coordinator.upload(ref, coordinator.csrf(ref), "OVERIG", "Groot", "groot.pdf", groot);
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location")).hasValueSatisfying(
        l -> assertThat(l).endsWith("/archief/" + ref).doesNotContain("_csrf"));
    HttpResponse<String> pagina = coordinator.get("/archief/" + ref);
    assertThat(pagina.body()).contains("te groot").contains("<title>Archief " + ref);
    assertThat(archief.stukken(ref)).isEmpty();
  }

  @Test
  void medewerkerCannotFileTheOriginalRequestOrASentLetter() throws Exception {
    runtimeService.startProcessInstanceByKey("test-archief-taak", ref, Map.of("uitvoerder", "medewerker"));
    Klant medewerker = new Klant("medewerker");
    HttpResponse<String> pagina = medewerker.get("/archief/" + ref);
    assertThat(pagina.body()).contains("value=\"NIET_GEVALIDEERDE_GEGEVENS\"").contains("value=\"OVERIG\"")
        .doesNotContain("value=\"BRIEF\"").doesNotContain("Verzonden brief")
        .doesNotContain("value=\"VERZOEK\"").doesNotContain("Origineel verzoek");
    // a request built by hand is refused on the server, and nothing is stored
    for (String soort : new String[] {"BRIEF", "VERZOEK"}) {
      HttpResponse<String> r = medewerker.upload(ref, medewerker.csrf(ref), soort, "Brief aan betrokkene", "b.pdf",
          PDF);
      assertThat(r.statusCode()).isEqualTo(302);
      assertThat(medewerker.get("/archief/" + ref).body()).contains("class=\"melding fout\"")
          .contains("kan alleen de privacycoördinator");
    }
    assertThat(archief.stukken(ref)).isEmpty();
    assertThat(register.historie(ref)).noneMatch(h -> h.veld().equals("archief"));

    // the privacy coordinator offers and files both
    Klant coordinator = new Klant("coordinator");
    assertThat(coordinator.get("/archief/" + ref).body()).contains("value=\"BRIEF\"").contains("value=\"VERZOEK\"");
    assertThat(coordinator.upload(ref, coordinator.csrf(ref), "BRIEF", "Per post verzonden brief", "b.pdf", PDF)
        .statusCode()).isEqualTo(302);
    assertThat(archief.stukken(ref)).singleElement().satisfies(st -> assertThat(st.soort()).isEqualTo(Stuksoort.BRIEF));
  }

  @Test
  void uploadWithoutFormTokenIsRefused() throws Exception {
    HttpResponse<String> r = new Klant("coordinator").upload(ref, null, "OVERIG", "Stuk", "a.pdf", PDF);
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(archief.stukken(ref)).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------------- 404s

  @Test
  void aDocumentOfAnotherReferenceIs404() throws Exception {
    String ander = nieuweReferentie(register, "Piet Pietersen");
    long id = archief.bewaar(ander, Stuksoort.VERZOEK, "Ander verzoek", "a.pdf", "application/pdf", PDF, "x").id();
    HttpResponse<byte[]> r = new Klant("coordinator").download("/archief/" + ref + "/stukken/" + id);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("Stuk niet gevonden");
    assertThat(new Klant("coordinator").download("/archief/" + ander + "/stukken/" + id).statusCode()).isEqualTo(200);
    assertThat(new Klant("coordinator").download("/archief/" + ref + "/stukken/999999999").statusCode())
        .isEqualTo(404);
  }

  @Test
  void unknownReferenceGivesDutch404() throws Exception {
    HttpResponse<String> r = new Klant("coordinator").get("/archief/AVG-1999-0001");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("Archief niet gevonden").contains("AVG-1999-0001");
    assertThat(new Klant("coordinator").get("/archief/onzin").statusCode()).isEqualTo(404);
  }

  @Test
  void breachArchiveNeedsNoRegisterEntry() throws Exception {
    HttpResponse<String> r = new Klant("fg").get("/archief/DL-2026-0042");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("<title>Archief DL-2026-0042</title>");
  }

  // ---------------------------------------------------------------------------------------------------- session

  @Test
  void theTasklistLoginSessionOpensTheArchive() throws Exception {
    Klant browser = new Klant(null);
    assertThat(browser.get("/archief/" + ref).statusCode()).isEqualTo(401);
    assertThat(browser.loginTasklist("coordinator").statusCode()).isEqualTo(200);
    HttpCookie sessie = browser.cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("JSESSIONID")).findFirst().orElseThrow();
    assertThat(sessie.getPath()).isEqualTo("/");

    HttpResponse<String> pagina = browser.get("/archief/" + ref);
    assertThat(pagina.statusCode()).isEqualTo(200);
    assertThat(pagina.body()).contains("Aangemeld als <strong>coordinator</strong>").contains("Jan de Vries");
    HttpResponse<String> upload = browser.upload(ref, browser.csrf(ref), "CORRESPONDENTIE", "Mail van betrokkene",
        "mail.eml", ("From: Jan <jan@example.org>\r\nTo: privacy@kantoor.example\r\nSubject: Inzage\r\n"
            + "Date: Mon, 2 Mar 2026 10:00:00 +0100\r\n\r\nGraag inzage.\r\n").getBytes(StandardCharsets.UTF_8));
    assertThat(upload.statusCode()).isEqualTo(302);
    assertThat(archief.stukken(ref)).singleElement().satisfies(s -> {
      assertThat(s.toegevoegdDoor()).isEqualTo("coordinator");
      assertThat(s.contentType()).isEqualTo("message/rfc822");
    });

    // the same session of a medewerker without a task: recognised, but no access
    Klant medewerker = new Klant(null);
    medewerker.loginTasklist("medewerker");
    assertThat(medewerker.get("/archief/" + ref).statusCode()).isEqualTo(403);

    // logging out of Tasklist ends the access here too
    browser.post("/camunda/api/admin/auth/user/default/logout");
    assertThat(browser.get("/archief/" + ref).statusCode()).isEqualTo(401);
  }

  private String nieuweReferentieMetTaak(String user) {
    String andere = nieuweReferentie(register, "Ander");
    runtimeService.startProcessInstanceByKey("test-archief-taak", andere, Map.of("uitvoerder", user));
    return andere;
  }

  // ---------------------------------------------------------------------------------------------------- client

  /** A browser-like client: cookie jar, Accept text/html, optional HTTP Basic, no automatic redirects. */
  final class Klant {
    final CookieManager cookies = new CookieManager();
    final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).build();
    final String basic;
    String accept = "text/html,application/xhtml+xml,*/*;q=0.8";

    Klant(String user) {
      this(user, user);
    }

    Klant(String user, String wachtwoord) {
      basic = user == null ? null : "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + wachtwoord).getBytes(StandardCharsets.UTF_8));
    }

    Klant accept(String waarde) {
      accept = waarde;
      return this;
    }

    HttpRequest.Builder verzoek(String pad) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pad))
          .header("Accept", accept);
      if (basic != null) {
        b.header("Authorization", basic);
      }
      return b;
    }

    HttpResponse<String> get(String pad) throws Exception {
      return http.send(verzoek(pad).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> download(String pad) throws Exception {
      return http.send(verzoek(pad).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String pad) throws Exception {
      return http.send(verzoek(pad).header("X-XSRF-TOKEN", xsrf())
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    String csrf(String referentie) throws Exception {
      return csrfVan("/archief/" + referentie);
    }

    String csrfVan(String pad) throws Exception {
      HttpResponse<String> r = get(pad);
      assertThat(r.statusCode()).as("page with the upload form").isEqualTo(200);
      Matcher m = Pattern.compile("_csrf=([A-Za-z0-9_\\-]+)").matcher(r.body());
      assertThat(m.find()).as("form token in the page").isTrue();
      return m.group(1);
    }

    HttpResponse<String> upload(String referentie, String token, String soort, String titel, String bestandsnaam,
        byte[] inhoud) throws Exception {
      String grens = "----archieftest" + System.nanoTime();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      deel(body, grens, "soort", null, soort.getBytes(StandardCharsets.UTF_8));
      deel(body, grens, "titel", null, titel.getBytes(StandardCharsets.UTF_8));
      deel(body, grens, "bestand", bestandsnaam, inhoud);
      body.write(("--" + grens + "--\r\n").getBytes(StandardCharsets.UTF_8));
      String pad = "/archief/" + referentie + "/stukken" + (token == null ? "" : "?_csrf=" + token);
      return http.send(verzoek(pad).header("Content-Type", "multipart/form-data; boundary=" + grens)
          .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    private void deel(ByteArrayOutputStream body, String grens, String naam, String bestandsnaam, byte[] inhoud)
        throws java.io.IOException {
      StringBuilder kop = new StringBuilder("--" + grens + "\r\nContent-Disposition: form-data; name=\"" + naam + "\"");
      if (bestandsnaam != null) {
        kop.append("; filename=\"").append(bestandsnaam).append("\"\r\nContent-Type: application/octet-stream");
      }
      kop.append("\r\n\r\n");
      body.write(kop.toString().getBytes(StandardCharsets.UTF_8));
      body.write(inhoud);
      body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    /** Logs in like the Tasklist login page: XSRF cookie first, then the form with the header. */
    HttpResponse<String> loginTasklist(String user) throws Exception {
      http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/"))
          .build(), HttpResponse.BodyHandlers.discarding());
      return http.send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-XSRF-TOKEN", xsrf())
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)).build(),
          HttpResponse.BodyHandlers.ofString());
    }

    String xsrf() {
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .findFirst().map(HttpCookie::getValue).orElseThrow();
    }
  }
}
