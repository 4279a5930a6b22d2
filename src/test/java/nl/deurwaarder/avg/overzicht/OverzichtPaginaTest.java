package nl.deurwaarder.avg.overzicht;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.termijn.Termijnberekening;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /overzicht} over real HTTP: the seeded open requests land in the right deadline class (overdue, at risk
 * within 3 working days, extended, on schedule), the open breach shows the hours left to the AP deadline, and each
 * role sees only its parts (Onderdeel).
 */
@AvgSpringTest
class OverzichtPaginaTest {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired Termijnberekening termijnen;

  @BeforeEach
  void zaai() {
    if (jdbc.queryForObject("SELECT COUNT(*) FROM avg_verzoek WHERE referentie = 'AVG-2098-0001'", Integer.class) > 0) {
      return;
    }
    LocalDate vandaag = LocalDate.now(AMSTERDAM);
    OffsetDateTime ontvangen = OffsetDateTime.now(AMSTERDAM).minusDays(10);
    verzoek("AVG-2098-0001", 1, "INZAGE", "BEOORDELING", LocalDate.of(2001, 1, 2), false); // overdue, before any other
    // at risk: the deadline is exactly the third working day from today (the last day that counts)
    verzoek("AVG-2098-0002", 2, "VERWIJDERING", "IN_BEHANDELING", termijnen.werkdagenNa(vandaag, 3), false);
    verzoek("AVG-2098-0003", 3, "CORRECTIE", "VERLENGD", vandaag.plusDays(40), true); // extended
    // on schedule: one working day beyond the risk window
    verzoek("AVG-2098-0004", 4, "BEPERKING", "ONTVANGEN", termijnen.werkdagenNa(vandaag, 4), false);
    verzoek("AVG-2098-0005", 5, "INZAGE", "AFGEHANDELD", vandaag.minusDays(20), false); // closed: no attention
    jdbc.update("""
        INSERT INTO avg_datalek (referentie, jaar, volgnummer, ontdekt_op, gemeld_op, bron, status, ernst,
          inbreuk_categorieen, ap_gemeld, ap_melding_uiterlijk)
        VALUES ('DL-2098-0001', 2098, 1, ?, ?, 'MEDEWERKER', 'IN_BEHANDELING', 'MATIG_TOT_ERNSTIG',
          'VERTROUWELIJKHEID', FALSE, ?)
        """, OffsetDateTime.now(AMSTERDAM).minusHours(62), OffsetDateTime.now(AMSTERDAM).minusHours(61),
        OffsetDateTime.now(AMSTERDAM).plusHours(10).plusMinutes(30));
    jdbc.update("""
        INSERT INTO avg_brief (referentie, brief_type, sleutel, onderwerp, status, opgesteld_op)
        VALUES ('AVG-2098-0001', 'ONTVANGSTBEVESTIGING', 'overzichttest:1', 'Ontvangstbevestiging', 'WACHT_OP_POST', ?)
        """, ontvangen);
    // a processor forwarded AVG-2098-0003 after more than 3 working days, and reported the breach after 24 hours
    jdbc.update("UPDATE avg_verzoek SET verwerker = 'Overzichttest Print BV', verwerker_ontvangen_op = ?,"
        + " verwerker_tijdig = FALSE WHERE referentie = 'AVG-2098-0003'", ontvangen.minusDays(8));
    jdbc.update("UPDATE avg_datalek SET verwerker = 'Overzichttest Hosting BV', verwerker_ontdekt_op = ?,"
        + " verwerker_tijdig = FALSE WHERE referentie = 'DL-2098-0001'", OffsetDateTime.now(AMSTERDAM).minusHours(90));
    afwijking("AVG_BESLUIT", "VERZOEK_BESLUIT", "AVG-2098-0002", "Voorgenomen besluit overzichttest", ontvangen);
    afwijking("AP", "DATALEK_AP_MELDING", "DL-2098-0001", "Melding AP overzichttest", ontvangen.plusDays(1));
    afwijking("PIA", "PIA_UITKOMST", "VWR-2098 99.9.9", "PIA-uitkomst overzichttest", ontvangen.plusDays(2));
    // older than 12 months: no longer open on the overview (still in the register of deviations)
    afwijking("OUD", "DATALEK_BETROKKENEN", "DL-2098-0001", "Oude afwijking overzichttest",
        OffsetDateTime.now(AMSTERDAM).minusMonths(13));
  }

  private void afwijking(String sleutel, String soort, String ref, String onderwerp, OffsetDateTime op) {
    jdbc.update("""
        INSERT INTO avg_afwijking (soort, referentie, onderwerp, fg_advies, besluit, motivering, besloten_door,
          besloten_op) VALUES (?, ?, ?, 'NIET_AKKOORD', 'AFWIJZEN', ?, 'directie', ?)
        """, soort, ref, onderwerp, "Motivering " + sleutel, op);
  }

  private void verzoek(String ref, int nr, String type, String status, LocalDate uiterste, boolean verlengd) {
    OffsetDateTime ontvangen = OffsetDateTime.now(AMSTERDAM).minusDays(10);
    jdbc.update("""
        INSERT INTO avg_verzoek (referentie, jaar, volgnummer, verzoek_type, kanaal, ontvangen_op, geregistreerd_op,
          verzoeker_rol, status, uiterste_reactiedatum, wettelijke_uiterste_datum, verlengd, afgesloten_op)
        VALUES (?, 2098, ?, ?, 'EMAIL', ?, ?, 'BETROKKENE', ?, ?, ?, ?, ?)
        """, ref, nr, type, ontvangen, ontvangen, status, uiterste, uiterste.plusMonths(2), verlengd,
        status.equals("AFGEHANDELD") ? ontvangen.plusDays(5) : null);
  }

  @Test
  void theFgSeesDeadlinesBreachesLettersIncidentsDeviationsAndCharts() throws Exception {
    HttpResponse<String> r = vraag("fg");
    assertThat(r.statusCode()).isEqualTo(200);
    String html = r.body();
    assertThat(rij(html, "AVG-2098-0001")).contains("verstreken");
    assertThat(rij(html, "AVG-2098-0002")).contains("in gevaar").doesNotContain("verstreken");
    assertThat(rij(html, "AVG-2098-0003")).contains("verlengd").doesNotContain("in gevaar");
    assertThat(html).doesNotContain(">AVG-2098-0004<").doesNotContain(">AVG-2098-0005<");
    assertThat(rij(html, "DL-2098-0001")).containsPattern(">(9|10) uur<").contains("Vertrouwelijkheid");
    assertThat(html).contains("Brieven die wachten op de post").contains("Wacht op verzending per post")
        .contains("Storingen in procedures")
        .contains("Open afwijkingen van het FG-advies").contains("Voorgenomen besluit overzichttest")
        .doesNotContain("Oude afwijking overzichttest")
        .contains("Halfjaarlijkse privacyrapportages")
        .contains("/camunda/app/cockpit/default/")
        .contains("<svg").contains("Verzoeken per maand en aandeel op tijd afgehandeld")
        .contains("Datalekken per categorie en ernst")
        .contains("href=\"/archief/AVG-2098-0001\"");
  }

  @Test
  void openDeviationsOfEveryKindShowTheirKindAndOpenTheRequestOrBreach() throws Exception {
    String html = vraag("fg").body();
    assertThat(rij(html, "Voorgenomen besluit overzichttest")).contains("Besluit op een AVG-verzoek")
        .contains("href=\"/archief/AVG-2098-0002\"");
    assertThat(rij(html, "Melding AP overzichttest")).contains("Melding van een datalek aan de AP")
        .contains("href=\"/archief/DL-2098-0001\"");
    assertThat(rij(html, "PIA-uitkomst overzichttest")).contains("Besluit over de uitkomst van een PIA")
        .contains("VWR-2098 99.9.9").doesNotContain("href=\"/archief/VWR");
  }

  @Test
  void lateReportsOfProcessorsShowForEveryRole() throws Exception {
    for (String wie : java.util.List.of("fg", "directie", "coordinator")) {
      String html = vraag(wie).body();
      assertThat(html).as(wie).contains("Te late meldingen van verwerkers");
      assertThat(rij(html, "Overzichttest Print BV")).as(wie).contains("Verzoek (na 3 werkdagen doorgestuurd)")
          .contains("href=\"/archief/AVG-2098-0003\"");
      assertThat(rij(html, "Overzichttest Hosting BV")).as(wie).contains("Datalek (na 24 uur gemeld)")
          .contains("href=\"/archief/DL-2098-0001\"");
    }
  }

  @Test
  void theDirectieSeesNoOperationalLettersOrIncidents() throws Exception {
    String html = vraag("directie").body();
    assertThat(html).contains("AVG-2098-0001").contains("DL-2098-0001")
        .contains("Open afwijkingen van het FG-advies").contains("Halfjaarlijkse privacyrapportages")
        .doesNotContain("Brieven die wachten op de post").doesNotContain("Storingen in procedures");
  }

  @Test
  void theCoordinatorSeesTheWorkButNotTheDeviationRegisterNorCockpit() throws Exception {
    String html = vraag("coordinator").body();
    assertThat(html).contains("AVG-2098-0001").contains("Brieven die wachten op de post")
        .contains("Storingen in procedures")
        .doesNotContain("Open afwijkingen van het FG-advies").doesNotContain("Halfjaarlijkse privacyrapportages")
        .doesNotContain("/camunda/app/cockpit/");
  }

  @Test
  void otherRolesAndAnonymousCallersAreRefused() throws Exception {
    assertThat(vraag("medewerker").statusCode()).isEqualTo(403);
    assertThat(vraag("ict").statusCode()).isEqualTo(403);
    assertThat(vraag(null).statusCode()).isEqualTo(401);
  }

  private HttpResponse<String> vraag(String gebruiker) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/overzicht"));
    if (gebruiker != null) {
      b.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
          (gebruiker + ":" + gebruiker).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    return HttpClient.newHttpClient().send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The table row of a reference. */
  private static String rij(String html, String ref) {
    int i = html.indexOf(">" + ref + "<");
    assertThat(i).as("row of " + ref).isPositive();
    int begin = html.lastIndexOf("<tr", i);
    int eind = html.indexOf("</tr>", i);
    return html.substring(begin, eind);
  }
}
