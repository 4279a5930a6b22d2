package nl.deurwaarder.avg.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.archief.Archief;
import nl.deurwaarder.avg.archief.Stuksoort;
import nl.deurwaarder.avg.verzoek.Betrokkene;
import nl.deurwaarder.avg.verzoek.Kanaal;
import nl.deurwaarder.avg.verzoek.NieuwVerzoek;
import nl.deurwaarder.avg.verzoek.VerzoekIntake;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import nl.deurwaarder.avg.verzoek.Verzoeker;
import nl.deurwaarder.avg.verzoek.VerzoekerRol;
import nl.deurwaarder.avg.webformulier.Inzendingslimiet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The access matrix: every HTTP endpoint of the application × anonymous and each demo role → the status the caller
 * gets, over real HTTP (HTTP Basic for the roles), in one table.
 *
 * <p>How to read a status: 200/201/302 = served; 400/422 = let through to the validation (the call was allowed, the
 * empty body refused); 404 = allowed but nothing there (or, for actuator, not exposed); 401 = not logged in; 403 =
 * logged in without the right role, or no CSRF token.
 *
 * <p>Anonymous callers reach only the public website form ({@code /verzoek}, its answer page and static assets) and
 * the health endpoint. Camunda's webapp <em>pages</em> ({@code /camunda/app/**}) are a static single-page app that is
 * served to everyone: it shows its own login form and contains no data; the data behind it
 * ({@code /camunda/api/**}) needs a webapp session, which HTTP Basic does not give, so that row is 401 for everyone
 * here. We count the pages as "public shell, protected data" and document that in the table.
 */
@AvgSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ToegangsmatrixTest {

  /** The callers, in the order of the status columns of {@link #TABEL}. */
  static final List<String> WIE = List.of("anoniem", "coordinator", "fg", "directie", "medewerker", "ict", "admin");

  /**
   * METHOD path → status for anoniem, coordinator, fg, directie, medewerker, ict, admin. {REF} is a registered
   * request, {STUK} a document in its archive. POST bodies: see {@link #body}.
   */
  static final String TABEL = """
      # method path                                        anon coord fg   dir  mdw  ict  admin
      GET    /verzoek                                         200  200  200  200  200  200  200
      GET    /verzoek/ontvangen                               200  200  200  200  200  200  200
      POST   /verzoek                     (no CSRF token)     403  403  403  403  403  403  403
      POST   /verzoek                     (session + token)   422  422  422  422  422  422  422
      GET    /css/webformulier.css                            200  200  200  200  200  200  200
      GET    /actuator/health                                 200  200  200  200  200  200  200
      GET    /actuator/env                                    401  403  403  403  403  403  404
      GET    /actuator/info                                   401  403  403  403  403  403  404
      GET    /api/verzoeken                                   401  200  200  200  403  403  403
      POST   /api/verzoeken               ({})                401  400  403  403  403  403  403
      GET    /api/verzoeken/{REF}                             401  200  200  200  403  403  403
      GET    /api/verzoeken/AVG-1999-0001                     401  404  404  404  403  403  403
      GET    /api/verzoeken/export.csv                        401  200  200  200  403  403  403
      GET    /api/verzoeken/{REF}/stukken                     401  200  200  200  403  403  403
      POST   /api/verzoeken/{REF}/stukken ({})                401  415  403  403  403  403  403
      GET    /api/datalekken                                  401  200  200  200  403  403  403
      POST   /api/datalekken              ({})                401  400  400  400  400  400  403
      GET    /api/datalekken/DL-1999-0001                     401  404  404  404  403  403  403
      GET    /api/datalekken/export.csv                       401  200  200  200  403  403  403
      GET    /api/verwerkingsregister                         401  200  200  200  403  403  403
      GET    /api/verwerkingsregister/export.csv              401  200  200  200  403  403  403
      GET    /api/verwerkers                                  401  200  200  200  403  403  403
      GET    /api/verwerkers/1                                401  200  200  200  403  403  403
      GET    /api/verwerkers/999999                           401  404  404  404  403  403  403
      GET    /api/verwerkers/export.csv                       401  200  200  200  403  403  403
      GET    /api/onbekend                                    401  404  404  404  404  404  404
      GET    /verwerkingsregister                             401  200  200  200  403  403  403
      GET    /overzicht                                       401  200  200  200  403  403  403
      GET    /afwijkingen                                     401  403  200  200  403  403  403
      GET    /afwijkingen/export.csv                          401  403  200  200  403  403  403
      GET    /afwijkingen?van=morgen      (bad date)          401  403  400  400  403  403  403
      GET    /archief/{REF}                                   401  200  200  200  403  403  403
      GET    /archief/{REF}/stukken/{STUK}                    401  200  200  200  403  403  403
      POST   /archief/{REF}/stukken       (no CSRF token)     403  403  403  403  403  403  403
      GET    /archief/{REF}/reactie-voorbeeld                 401  200  200  200  403  403  403
      GET    /ophalen/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA     404  404  404  404  404  404  404
      GET    /ophalen/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/pakket 404  404  404  404  404  404  404
      POST   /ophalen/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA (no CSRF token) 403  403  403  403  403  403  403
      GET    /beheer/brieven                                  401  403  403  403  403  200  200
      POST   /beheer/brieven/1            (no CSRF token)     403  403  403  403  403  403  403
      GET    /beheer/tweefactor                               401  403  403  403  403  403  200
      GET    /beheer/verwerkers                               401  200  200  200  403  403  403
      GET    /beheer/verwerkers/1                             401  200  200  200  403  403  403
      GET    /beheer/verwerkers/999999                        401  404  404  404  403  403  403
      POST   /beheer/verwerkers           (no CSRF token)     403  403  403  403  403  403  403
      POST   /beheer/verwerkers/1         (no CSRF token)     403  403  403  403  403  403  403
      POST   /beheer/tweefactor           (no CSRF token)     403  403  403  403  403  403  403
      GET    /aanmelden                                       200  200  200  200  200  200  200
      GET    /engine-rest/engine                              401  200  200  200  200  200  200
      GET    /engine-rest/task                                401  200  200  200  200  200  200
      GET    /engine-rest/process-definition                  401  200  200  200  200  200  200
      GET    /engine-rest/user                                401  200  200  200  200  200  200
      GET    /camunda/app/tasklist/default/                   200  200  200  200  200  200  200
      GET    /camunda/app/cockpit/default/                    200  200  200  200  200  200  200
      GET    /camunda/app/admin/default/                      200  200  200  200  200  200  200
      GET    /camunda/api/engine/engine/default/task          401  401  401  401  401  401  401
      GET    /camunda/api/admin/auth/user/default             404  404  404  404  404  404  404
      GET    /onbekend                                        401  404  404  404  404  404  404
      GET    /                            (redirect)          302  302  302  302  302  302  302
      """;

  private static final Pattern REGEL = Pattern.compile(
      "(GET|POST)\\s+(\\S+)\\s+(?:\\(([^)]*)\\))?\\s*((?:\\d{3}\\s*){7})");

  @LocalServerPort
  int port;
  @Autowired
  VerzoekIntake intake;
  @Autowired
  Archief archief;
  @Autowired
  Inzendingslimiet limiet;

  String referentie;
  long stuk;

  @BeforeEach
  void verzoekMetArchiefstuk() {
    if (referentie != null) {
      return;
    }
    referentie = intake.registreer(new NieuwVerzoek(VerzoekType.INZAGE, Kanaal.EMAIL, null,
        new Betrokkene("Toegang Proef", "toegang.proef@voorbeeld.example", "Dorpsstraat 1, 1234 AB Ergens", null,
            null),
        new Verzoeker(VerzoekerRol.BETROKKENE, null, null, null), "Welke gegevens heeft u van mij?"),
        "coordinator").referentie();
    stuk = archief.bewaar(referentie, Stuksoort.values()[0], "Proefstuk", "proef.pdf", "application/pdf",
        "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), "coordinator").id();
  }

  record Rij(String methode, String pad, String soort, List<Integer> statussen) {
  }

  static List<Rij> rijen() {
    List<Rij> rijen = new ArrayList<>();
    for (String regel : TABEL.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
      Matcher m = REGEL.matcher(regel);
      assertThat(m.matches()).as("table line: %s", regel).isTrue();
      List<Integer> statussen = Pattern.compile("\\s+").splitAsStream(m.group(4).strip()).map(Integer::valueOf)
          .toList();
      rijen.add(new Rij(m.group(1), m.group(2), m.group(3) == null ? "" : m.group(3), statussen));
    }
    return rijen;
  }

  @Test
  void everyEndpointAnswersEveryCallerAsTheTableSays() throws Exception {
    List<Rij> rijen = rijen();
    assertThat(rijen).hasSizeGreaterThan(30);
    List<String> afwijkingen = new ArrayList<>();
    for (Rij rij : rijen) {
      for (int i = 0; i < WIE.size(); i++) {
        String wie = WIE.get(i);
        // the website form has a submission limit per address and per minute: this test is not about that
        ReflectionTestUtils.invokeMethod(limiet, "wisAlles");
        int status = vraag(rij, i == 0 ? null : wie);
        if (status != rij.statussen().get(i)) {
          afwijkingen.add("%s %s %s as %s: expected %d, got %d".formatted(rij.methode(), rij.pad(), rij.soort(),
              wie, rij.statussen().get(i), status));
        }
      }
    }
    assertThat(afwijkingen).as("cells of the access matrix that differ").isEmpty();
  }

  /** The table itself: anonymous callers may only reach the public form, its assets, health and Camunda's shell. */
  @Test
  void anonymousReachesOnlyThePublicPages() {
    List<String> open = rijen().stream()
        .filter(r -> r.statussen().get(0) < 400 || r.statussen().get(0) == 422)
        .map(Rij::pad).distinct().toList();
    assertThat(open).allSatisfy(p -> assertThat(p).matches(
        "/verzoek(/ontvangen)?|/css/.*|/actuator/health|/camunda/app/(tasklist|cockpit|admin)/default/|/"
            + "|/aanmelden"));
  }

  private int vraag(Rij rij, String gebruiker) throws Exception {
    String pad = rij.pad().replace("{REF}", referentie).replace("{STUK}", String.valueOf(stuk));
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pad));
    if (gebruiker != null) {
      b.header("Authorization", BeveiligingTest.basic(gebruiker, gebruiker));
    }
    if (rij.methode().equals("GET")) {
      b.GET();
    } else {
      Map.Entry<String, String> body = body(rij, http, gebruiker);
      b.header("Content-Type", body.getKey()).POST(HttpRequest.BodyPublishers.ofString(body.getValue()));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Content type and body of a POST: an empty JSON object for the API, an empty form for the pages. */
  private Map.Entry<String, String> body(Rij rij, HttpClient http, String gebruiker) throws Exception {
    if (rij.pad().startsWith("/api/")) {
      return Map.entry("application/json", "{}");
    }
    String form = "verzoekType=&naam=";
    if (rij.soort().equals("session + token")) {
      HttpRequest.Builder get = HttpRequest.newBuilder(URI.create("http://localhost:" + port + rij.pad()));
      if (gebruiker != null) {
        get.header("Authorization", BeveiligingTest.basic(gebruiker, gebruiker));
      }
      String html = http.send(get.build(), HttpResponse.BodyHandlers.ofString()).body();
      Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(html);
      assertThat(m.find()).as("CSRF token on the form page").isTrue();
      form += "&_csrf=" + m.group(1);
    }
    return Map.entry("application/x-www-form-urlencoded", form);
  }
}
