package nl.deurwaarder.avg.tweefactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One browser (its own cookies, redirects not followed) that walks the login pages over real HTTP. */
public class Aanmeldbrowser {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
  private static final Pattern GEHEIM = Pattern.compile("<code class=\"geheim\">([A-Z2-7 ]+)</code>");

  private final int port;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;
  private String csrf;

  public Aanmeldbrowser(int port) {
    this.port = port;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public HttpResponse<String> get(String pad) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(pad)).header("Accept", "text/html").GET().build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher m = CSRF.matcher(r.body());
    if (m.find()) {
      csrf = m.group(1);
    }
    return r;
  }

  /** A form POST with the CSRF token of the last page. */
  public HttpResponse<String> post(String pad, Map<String, String> velden) throws Exception {
    Map<String, String> alle = new LinkedHashMap<>(velden);
    if (csrf != null) {
      alle.put("_csrf", csrf);
    }
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(pad))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(alle))).build(), HttpResponse.BodyHandlers.ofString());
    Matcher m = CSRF.matcher(r.body());
    if (m.find()) {
      csrf = m.group(1);
    }
    return r;
  }

  /** Step 1: the password form. */
  public HttpResponse<String> wachtwoord(String gebruiker, String wachtwoord) throws Exception {
    get("/aanmelden");
    return post("/aanmelden", Map.of("gebruikersnaam", gebruiker, "wachtwoord", wachtwoord));
  }

  /** Step 2: the code form. */
  public HttpResponse<String> code(String code) throws Exception {
    get("/aanmelden/code");
    return post("/aanmelden/code", Map.of("code", code));
  }

  /** The secret shown on the enrolment page (Base32, as typed into an app). */
  public static byte[] geheimVan(String instelpagina) {
    Matcher m = GEHEIM.matcher(instelpagina);
    assertThat(m.find()).as("secret on the enrolment page").isTrue();
    return Base32.decodeer(m.group(1));
  }

  public static String codeVoor(byte[] geheim, int stappenVooruit) {
    return new Totp().code(geheim, Totp.stap(Instant.now()) + stappenVooruit);
  }

  /** Camunda's own "who is logged in" of the webapps: 200 with the user, 404 when nobody is. */
  public HttpResponse<String> webappGebruiker() throws Exception {
    return http.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Camunda's own password-only login form of Tasklist, as the webapp posts it. */
  public HttpResponse<String> camundaLogin(String gebruiker, String wachtwoord, String app) throws Exception {
    http.send(HttpRequest.newBuilder(uri("/camunda/app/" + app + "/default/")).build(),
        HttpResponse.BodyHandlers.discarding());
    String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .findFirst().map(HttpCookie::getValue).orElse("");
    return http.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", gebruiker, "password", wachtwoord))))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpClient client() {
    return http;
  }

  public URI uri(String pad) {
    return URI.create("http://localhost:" + port + pad);
  }

  private static String form(Map<String, String> velden) {
    return velden.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
  }
}
