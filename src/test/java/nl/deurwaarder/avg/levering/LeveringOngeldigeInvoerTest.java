package nl.deurwaarder.avg.levering;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.archief.Archief;
import nl.deurwaarder.avg.verzoek.Telefoonnummer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bad input to what issue 12 added: {@code betrokkene.telefoon}, {@code POST /api/verzoeken/{referentie}/stukken}
 * and the portal {@code /ophalen/**}. A clear Dutch answer (problem details or the portal's page), nothing changed.
 */
@AvgSpringTest
class LeveringOngeldigeInvoerTest {

  @LocalServerPort int port;
  @Autowired Archief archief;
  @Autowired JdbcTemplate jdbc;
  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @Test
  void mobileNumbersAreNormalisedOrRefused() throws Exception {
    assertThat(Telefoonnummer.normaliseer("06-1234 5678")).isEqualTo("+31612345678");
    assertThat(Telefoonnummer.normaliseer("0031 6 12345678")).isEqualTo("+31612345678");
    assertThat(Telefoonnummer.geldig("+32 470 12 34 56")).isTrue();
    assertThat(Telefoonnummer.geldig("030 123 45 67")).isFalse(); // a Dutch landline gets no SMS
    assertThat(Telefoonnummer.geldig("06-1234")).isFalse();
    assertThat(Telefoonnummer.geldig("bel me")).isFalse();
    long voor = aantalVerzoeken();
    for (String fout : new String[] {"030 123 45 67", "06123", "+31 6 1234 5678 9", "<script>", "0612345678x"}) {
      HttpResponse<String> r = post("/api/verzoeken", "coordinator", "application/json", ("""
          {"verzoekType":"INZAGE","kanaal":"EMAIL","betrokkene":{"naam":"Ada Test","email":"ada@voorbeeld.example",
           "telefoon":"%s"},"omschrijving":"Inzage"}""".formatted(fout)).getBytes(StandardCharsets.UTF_8));
      assertThat(r.statusCode()).as(fout).isEqualTo(400);
      assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
      assertThat(json.readTree(r.body()).path("velden").path("betrokkene.telefoon").asText())
          .contains("geen geldig mobiel nummer");
    }
    assertThat(aantalVerzoeken()).isEqualTo(voor);
  }

  @Test
  void documentsApiRefusesBadFilesKindsAndReferences() throws Exception {
    String ref = json.readTree(post("/api/verzoeken", "coordinator", "application/json", """
        {"verzoekType":"INZAGE","kanaal":"EMAIL","betrokkene":{"naam":"Bea Test","email":"bea@voorbeeld.example"},
         "omschrijving":"Inzage"}""".getBytes(StandardCharsets.UTF_8)).body()).path("referentie").asText();
    int voor = archief.stukken(ref).size();
    byte[] pdf = Leveringshulp.pdfMetTekst("Gescreend");
    assertVeld(stuk(ref, "ONZIN", "a.pdf", pdf), "stuksoort", "Onbekende of hier niet toegestane stuksoort");
    assertVeld(stuk(ref, "BRIEF", "a.pdf", pdf), "stuksoort", "niet toegestane");
    assertVeld(stuk(ref, null, "a.pdf", pdf), "stuksoort", "Ontbreekt");
    assertVeld(stuk(ref, "GESCREENDE_GEGEVENS", "leeg.pdf", new byte[0]), "bestand", "Ontbreekt of is leeg");
    assertVeld(stuk(ref, "GESCREENDE_GEGEVENS", "virus.exe", new byte[] {'M', 'Z', 0, 0, 1, 2, 3}), "bestand",
        "Dit soort bestand kan niet in het archief");
    assertVeld(stuk(ref, "GESCREENDE_GEGEVENS", "pagina.html",
        "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)), "bestand", "geen programma's");
    assertThat(archief.stukken(ref)).hasSize(voor);
    HttpResponse<String> onbekend = stuk("AVG-1999-0001", "GESCREENDE_GEGEVENS", "a.pdf", pdf);
    assertThat(onbekend.statusCode()).isEqualTo(404);
    assertThat(onbekend.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
    HttpResponse<String> goed = stuk(ref, "GESCREENDE_GEGEVENS", "../../etc/dossier.pdf", pdf);
    assertThat(goed.statusCode()).as(goed.body()).isEqualTo(201);
    assertThat(goed.headers().firstValue("Location").orElse("")).startsWith("/api/verzoeken/" + ref + "/stukken/");
    JsonNode stuk = json.readTree(goed.body());
    assertThat(stuk.path("bestandsnaam").asText()).doesNotContain("/").endsWith(".pdf");
    assertThat(stuk.path("toegevoegdDoor").asText()).isEqualTo("coordinator");
    // after the retention period: 409
    jdbc.update("UPDATE avg_verzoek SET geanonimiseerd_op = CURRENT_TIMESTAMP WHERE referentie = ?", ref);
    assertThat(stuk(ref, "GESCREENDE_GEGEVENS", "a.pdf", pdf).statusCode()).isEqualTo(409);
  }

  @Test
  void thePortalAnswersEveryBadLinkWithTheSameDutchPage() throws Exception {
    String onbekend = get("/ophalen/" + "C".repeat(43)).body();
    assertThat(onbekend).contains("Deze pagina is niet beschikbaar").contains("lang=\"nl\"");
    for (String pad : new String[] {"/ophalen/kort", "/ophalen/" + "x".repeat(500), "/ophalen/%27%20OR%201=1",
        "/ophalen/" + "D".repeat(43) + "/pakket", "/ophalen/" + "E".repeat(42) + "%00"}) {
      HttpResponse<String> r = get(pad);
      assertThat(r.statusCode()).as(pad).isIn(400, 404);
      if (r.statusCode() == 404) {
        assertThat(r.body()).as(pad).isEqualTo(onbekend);
      }
    }
  }

  long aantalVerzoeken() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM avg_verzoek", Long.class);
  }

  void assertVeld(HttpResponse<String> r, String veld, String melding) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
    assertThat(json.readTree(r.body()).path("velden").path(veld).asText()).contains(melding);
  }

  HttpResponse<String> get(String pad) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pad)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String pad, String gebruiker, String type, byte[] body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pad))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((gebruiker + ":" + gebruiker)
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> stuk(String ref, String soort, String naam, byte[] inhoud) throws Exception {
    String grens = "----grens" + System.nanoTime();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    if (soort != null) {
      b.writeBytes(("--" + grens + "\r\nContent-Disposition: form-data; name=\"stuksoort\"\r\n\r\n" + soort
          + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    b.writeBytes(("--" + grens + "\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"" + naam
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    b.writeBytes(inhoud);
    b.writeBytes(("\r\n--" + grens + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return post("/api/verzoeken/" + ref + "/stukken", "coordinator", "multipart/form-data; boundary=" + grens,
        b.toByteArray());
  }
}
