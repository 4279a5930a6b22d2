package nl.deurwaarder.avg.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import nl.deurwaarder.avg.IngebouwdePostgres;
import nl.deurwaarder.avg.overzicht.Privacycijfers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The overview page at scale (issue 17.1): 10 000 requests spread over the past two years (a quarter of them open,
 * with deadlines from three weeks ago to two months ahead), 1 000 breaches (50 open), 300 letters waiting for the
 * post and 200 deviations, on PostgreSQL (embedded, as in production). Times {@code GET /overzicht} as {@code fg}
 * over HTTP (the whole page: every aggregate query, the incidents, Thymeleaf, the SVG) and the half-year figures of
 * the privacy report. Prints median and spread; asserts no times. Run:
 * {@code mvn -Pbenchmark verify -Dit.test=OverzichtBenchmark} (docs/performance.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(IngebouwdePostgres.Levensduur.class)
@DirtiesContext
class OverzichtBenchmark {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final int VERZOEKEN = Integer.getInteger("bench.verzoeken", 10_000);
  static final int METINGEN = Integer.getInteger("bench.metingen", 30);
  static final List<String> TYPES = List.of("INZAGE", "VERWIJDERING", "CORRECTIE", "BEPERKING");
  static final List<String> OPEN = List.of("ONTVANGEN", "VERIFICATIE", "BEOORDELING", "FG_ADVIES", "IN_BEHANDELING");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    IngebouwdePostgres.gebruik(registry);
  }

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Privacycijfers cijfers;

  @Test
  void overviewPageOnTenThousandRequests() throws Exception {
    zaai();
    System.out.printf("== Overzicht: %d requests (%d open), %d breaches, %d letters waiting ==%n",
        jdbc.queryForObject("SELECT COUNT(*) FROM avg_verzoek", Integer.class),
        jdbc.queryForObject("SELECT COUNT(*) FROM avg_verzoek WHERE status NOT IN ('AFGEHANDELD','AFGEWEZEN',"
            + "'INGETROKKEN')", Integer.class),
        jdbc.queryForObject("SELECT COUNT(*) FROM avg_datalek", Integer.class),
        jdbc.queryForObject("SELECT COUNT(*) FROM avg_brief WHERE status = 'WACHT_OP_POST'", Integer.class));
    jdbc.execute("ANALYZE");

    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest pagina = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/overzicht"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("fg:fg".getBytes(StandardCharsets.UTF_8)))
        .GET().build();
    int bytes = 0;
    for (int i = 0; i < 5; i++) { // warm-up: JIT, Thymeleaf template cache, connection pool
      HttpResponse<String> r = http.send(pagina, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET /overzicht: " + r.statusCode());
      }
      bytes = r.body().length();
    }
    List<Double> pag = new ArrayList<>();
    for (int i = 0; i < METINGEN; i++) {
      long t = System.nanoTime();
      http.send(pagina, HttpResponse.BodyHandlers.discarding());
      pag.add((System.nanoTime() - t) / 1e6);
    }
    LocalDate van = LocalDate.now(AMSTERDAM).withDayOfMonth(1).minusMonths(6);
    List<Double> rap = new ArrayList<>();
    for (int i = 0; i < METINGEN; i++) {
      long t = System.nanoTime();
      cijfers.periode(van, van.plusMonths(6));
      rap.add((System.nanoTime() - t) / 1e6);
    }
    druk("GET /overzicht as fg (" + bytes / 1024 + " KiB HTML)", pag);
    druk("figures of a half-year report (Privacycijfers.periode)", rap);
  }

  private static void druk(String wat, List<Double> ms) {
    List<Double> s = new ArrayList<>(ms);
    s.sort(Double::compare);
    System.out.printf("%s: median %.1f ms, p90 %.1f ms, min %.1f, max %.1f, n=%d%n", wat, s.get(s.size() / 2),
        s.get((int) Math.ceil(s.size() * 0.9) - 1), s.get(0), s.get(s.size() - 1), s.size());
  }

  /** Batch inserts straight into the registers (the page reads only the registers). */
  private void zaai() {
    OffsetDateTime nu = OffsetDateTime.now(AMSTERDAM);
    LocalDate vandaag = nu.toLocalDate();
    List<Object[]> rijen = new ArrayList<>();
    for (int i = 0; i < VERZOEKEN; i++) {
      boolean open = i % 4 == 0;
      OffsetDateTime ontvangen = open ? nu.minusDays(i % 50) : nu.minusDays(30 + (i * 7L) % 700).minusHours(i % 11);
      LocalDate uiterste = open ? vandaag.plusDays(-21 + i % 80) : ontvangen.toLocalDate().plusDays(14);
      String status = open ? OPEN.get(i % OPEN.size()) : i % 9 == 1 ? "AFGEWEZEN" : "AFGEHANDELD";
      OffsetDateTime verzonden = open ? null : ontvangen.plusDays(3 + i % 15);
      rijen.add(new Object[] {"AVG-B-" + i, 2000 + i / 9000, i, TYPES.get(i % 4), ontvangen, status, uiterste,
          uiterste.plusMonths(2), i % 13 == 0, verzonden, verzonden == null ? null : verzonden.plusHours(1),
          status.equals("AFGEWEZEN") ? "ONDUIDELIJK" : null});
    }
    jdbc.batchUpdate("""
        INSERT INTO avg_verzoek (referentie, jaar, volgnummer, verzoek_type, kanaal, ontvangen_op, geregistreerd_op,
          verzoeker_rol, status, uiterste_reactiedatum, wettelijke_uiterste_datum, verlengd, verzonden_op,
          afgesloten_op, afwijzingsgronden)
        VALUES (?, ?, ?, ?, 'EMAIL', ?, ?, 'BETROKKENE', ?, ?, ?, ?, ?, ?, ?)
        """, rijen.stream().map(r -> new Object[] {r[0], r[1], r[2], r[3], r[4], r[4], r[5], r[6], r[7], r[8], r[9],
            r[10], r[11]}).toList());
    List<Object[]> lekken = new ArrayList<>();
    List<String> ernst = List.of("BEPERKT", "MATIG_TOT_ERNSTIG", "GEEN_DATALEK");
    List<String> cat = List.of("VERTROUWELIJKHEID", "BESCHIKBAARHEID", "INTEGRITEIT,VERTROUWELIJKHEID");
    for (int i = 0; i < VERZOEKEN / 10; i++) {
      boolean open = i % 20 == 0;
      OffsetDateTime ontdekt = open ? nu.minusHours(i % 90) : nu.minusDays(5 + i % 700);
      lekken.add(new Object[] {"DL-B-" + i, 2000, i, ontdekt, ontdekt.plusHours(1), open ? "IN_BEHANDELING"
          : "AFGESLOTEN", ernst.get(i % 3), cat.get(i % 3), !open && i % 3 != 2, ontdekt.plusHours(72)});
    }
    jdbc.batchUpdate("""
        INSERT INTO avg_datalek (referentie, jaar, volgnummer, ontdekt_op, gemeld_op, bron, status, ernst,
          inbreuk_categorieen, ap_gemeld, ap_melding_uiterlijk)
        VALUES (?, ?, ?, ?, ?, 'MEDEWERKER', ?, ?, ?, ?, ?)
        """, lekken);
    List<Object[]> brieven = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      brieven.add(new Object[] {"AVG-B-" + i * 4, "bench:" + i, nu.minusHours(i)});
    }
    jdbc.batchUpdate("""
        INSERT INTO avg_brief (referentie, brief_type, sleutel, onderwerp, status, opgesteld_op)
        VALUES (?, 'ONTVANGSTBEVESTIGING', ?, 'Ontvangstbevestiging', 'WACHT_OP_POST', ?)
        """, brieven);
    List<Object[]> afwijkingen = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      afwijkingen.add(new Object[] {"AVG-B-" + i * 8, nu.minusDays(i)});
    }
    jdbc.batchUpdate("""
        INSERT INTO avg_afwijking (soort, referentie, besloten_op, besloten_door, onderwerp, fg_advies, besluit,
          motivering) VALUES ('VERZOEK_BESLUIT', ?, ?, 'directie', 'Voorgenomen besluit', 'NIET_AKKOORD', 'AFWIJZEN',
          'm')
        """, afwijkingen);
  }
}
