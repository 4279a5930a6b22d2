package nl.deurwaarder.avg.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.archief.Archief;
import nl.deurwaarder.avg.archief.Stuksoort;
import nl.deurwaarder.avg.brief.Verzendregister.Verzending;
import nl.deurwaarder.avg.verzoek.Betrokkene;
import nl.deurwaarder.avg.verzoek.Kanaal;
import nl.deurwaarder.avg.verzoek.NieuwVerzoek;
import nl.deurwaarder.avg.verzoek.VerzoekIntake;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import nl.deurwaarder.avg.verzoek.Verzoeker;
import nl.deurwaarder.avg.verzoek.VerzoekerRol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The page for letters in doubt, as ICT uses it: the letter is listed with its Message-ID and the moment the
 * interrupted attempt began; a decision needs the form's CSRF token, is refused without a choice, and is recorded once.
 */
@AvgSpringTest
class VerzendcontrolePaginaTest {

  @LocalServerPort int port;
  @Autowired Verzendregister verzendregister;
  @Autowired Archief archief;
  @Autowired VerzoekIntake intake;

  @Test
  void ictZietDeOnzekereBriefEnLegtEenBesluitVast() throws Exception {
    String referentie = intake.registreer(new NieuwVerzoek(VerzoekType.INZAGE, Kanaal.EMAIL, null,
        new Betrokkene("T. Test", "t.test@voorbeeld.example", null, null, null),
        new Verzoeker(VerzoekerRol.BETROKKENE, null, null, null), "Welke gegevens heeft u van mij?"),
        "coordinator").referentie();
    Verzending v = onzekereBrief("pagina-" + System.nanoTime(), referentie);
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    HttpResponse<String> pagina = get(http, "ict");
    assertThat(pagina.statusCode()).isEqualTo(200);
    assertThat(pagina.body()).contains("Brieven met onzekere verzending").contains(referentie)
        .contains(v.messageId().replace("<", "&lt;").replace(">", "&gt;"))
        .contains("Is aangekomen").contains("Opnieuw verzenden");
    assertThat(get(HttpClient.newHttpClient(), "coordinator").statusCode()).isEqualTo(403);

    String token = token(pagina.body());
    // no choice: a Dutch message, nothing changed
    HttpResponse<String> zonderKeuze = post(http, "ict", v.id(), "_csrf=" + token);
    assertThat(zonderKeuze.statusCode()).isEqualTo(302);
    assertThat(get(http, "ict").body()).contains("Kies of de brief is aangekomen");
    assertThat(verzendregister.vind(v.id()).orElseThrow().status()).isEqualTo(Verzendstatus.ONZEKER);
    // without the token: refused
    assertThat(post(HttpClient.newHttpClient(), "ict", v.id(), "besluit=opnieuw").statusCode()).isEqualTo(403);
    assertThat(verzendregister.vind(v.id()).orElseThrow().status()).isEqualTo(Verzendstatus.ONZEKER);

    assertThat(post(http, "ict", v.id(), "besluit=opnieuw&_csrf=" + token).statusCode()).isEqualTo(302);
    assertThat(verzendregister.vind(v.id()).orElseThrow().status()).isEqualTo(Verzendstatus.OPGESTELD);
    String daarna = get(http, "ict").body();
    assertThat(daarna).contains("Hij wordt nu opnieuw verzonden").doesNotContain(v.messageId().replace("<", "&lt;"));

    // a second decision on the same letter changes nothing
    post(http, "ict", v.id(), "besluit=verzonden&_csrf=" + token);
    assertThat(get(http, "ict").body()).contains("al besloten");
    assertThat(verzendregister.vind(v.id()).orElseThrow().status()).isEqualTo(Verzendstatus.OPGESTELD);
  }

  /** A letter whose attempt was interrupted: written, attempt recorded, then found by the next attempt. */
  private Verzending onzekereBrief(String sleutel, String referentie) {
    Verzending v = verzendregister.legVast(sleutel, referentie, BriefType.ONTVANGSTBEVESTIGING, "T. Test",
        "t.test@example.org", "Ontvangstbevestiging", () -> archief.bewaar(referentie, Stuksoort.BRIEF,
            "Ontvangstbevestiging", "brief.pdf", "application/pdf", new byte[] {'%', 'P', 'D', 'F'}, "test").id());
    assertThat(verzendregister.verzendingGestart(v.id(), "<brief." + v.id() + ".test@kantoor.example>")).isTrue();
    assertThat(verzendregister.onzeker(v.id(), () -> { })).isTrue();
    return verzendregister.vind(v.id()).orElseThrow();
  }

  private HttpResponse<String> get(HttpClient http, String gebruiker) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/beheer/brieven"))
        .header("Authorization", basic(gebruiker)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(HttpClient http, String gebruiker, long id, String form) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/beheer/brieven/" + id))
        .header("Authorization", basic(gebruiker))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String basic(String gebruiker) {
    return "Basic " + java.util.Base64.getEncoder().encodeToString((gebruiker + ":" + gebruiker)
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String token(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("CSRF token in the form").isTrue();
    return m.group(1);
  }
}
