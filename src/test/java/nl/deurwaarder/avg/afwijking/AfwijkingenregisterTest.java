package nl.deurwaarder.avg.afwijking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.bewaartermijn.Bewaartermijn;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The register of deviations: recording, the period query, counts, the Dutch page, the CSV and retention. */
@AvgSpringTest
class AfwijkingenregisterTest {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @LocalServerPort
  int port;
  @Autowired
  Afwijkingenregister register;
  @Autowired
  JdbcTemplate jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void herstel() {
    ClockUtil.reset();
    jdbc.update("DELETE FROM avg_afwijking WHERE referentie LIKE 'TST-%' OR referentie LIKE 'AVG-1998-%'");
    jdbc.update("DELETE FROM avg_procesmail WHERE referentie LIKE 'TST-%'");
  }

  private static Instant op(int jaar, int maand, int dag, int uur) {
    return ZonedDateTime.of(jaar, maand, dag, uur, 0, 0, 0, AMSTERDAM).toInstant();
  }

  private Afwijking vastleggen(Instant wanneer, Afwijkingssoort soort, String ref, String motivering) {
    ClockUtil.setCurrentTime(Date.from(wanneer));
    return register.legVast(new NieuweAfwijking(soort, ref, "Onderwerp " + ref, "NIET_AKKOORD",
        "FG: niet doen", "AFWIJZEN", motivering, "directie"));
  }

  private HttpResponse<String> get(String pad, String user) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pad));
    if (user != null) {
      b.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + user)
          .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Autowired
  FgBerichtAfwijkingen fgBericht;
  @Autowired
  nl.deurwaarder.avg.mail.OutboxMailSender outbox;

  private java.time.OffsetDateTime fgBerichtOp(long id) {
    return jdbc.queryForObject("SELECT fg_bericht_op FROM avg_afwijking WHERE id = ?",
        java.time.OffsetDateTime.class, id);
  }

  private java.util.List<jakarta.mail.internet.MimeMessage> mailsOver(String ref) throws Exception {
    java.util.List<jakarta.mail.internet.MimeMessage> mails = new java.util.ArrayList<>();
    try (var bestanden = java.nio.file.Files.list(outbox.outbox())) {
      for (var p : bestanden.filter(f -> f.toString().endsWith(".eml")).toList()) {
        try (var in = java.nio.file.Files.newInputStream(p)) {
          var m = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
              in);
          if (m.getSubject() != null && m.getSubject().contains(ref)) {
            mails.add(m);
          }
        }
      }
    }
    return mails;
  }

  /**
   * PH-PRO-01 §4: the FG is told in writing of a deviation from the advice. A breach or PIA deviation has no mail step
   * in its procedure: the job tells the FG once; while the mail server is away nothing is recorded as told.
   */
  @Test
  void theFgIsToldOnceOfABreachDeviationAndNothingIsRecordedAsToldWhileMailIsAway() throws Exception {
    Afwijking datalek = register.legVast(new NieuweAfwijking(Afwijkingssoort.DATALEK_AP_MELDING, "TST-DL-1",
        "Datalek TST-DL-1", "MELDEN", "FG: wel bij de AP melden", "NIET_MELDEN", "Versleutelde laptop, geen risico",
        "directie"));
    Afwijking verzoek = register.legVast(new NieuweAfwijking(Afwijkingssoort.VERZOEK_BESLUIT, "TST-VZ-1",
        "Verzoek TST-VZ-1", "NIET_AKKOORD", "FG: toewijzen", "AFWIJZEN", "Herhaald verzoek", "coordinator"));

    java.nio.file.Path map = outbox.outbox();
    java.nio.file.Files.createDirectories(map);
    java.nio.file.Path opzij = map.resolveSibling(map.getFileName() + "-opzij");
    java.nio.file.Files.move(map, opzij);
    java.nio.file.Files.writeString(map, "geen map: de mailserver is weg");
    try {
      assertThatThrownBy(fgBericht::meldOpen).isInstanceOf(org.springframework.mail.MailException.class);
    } finally {
      java.nio.file.Files.delete(map);
      java.nio.file.Files.move(opzij, map);
    }
    assertThat(fgBerichtOp(datalek.id())).as("not told while the mail server is away").isNull();

    assertThat(fgBericht.meldOpen()).isGreaterThanOrEqualTo(1);
    assertThat(fgBerichtOp(datalek.id())).isNotNull();
    assertThat(fgBerichtOp(verzoek.id())).as("a request's deviation is mailed by its own procedure").isNull();
    var mails = mailsOver("TST-DL-1");
    assertThat(mails).hasSize(1);
    String tekst = mails.get(0).getContent().toString();
    assertThat(mails.get(0).getSubject()).isEqualTo("Afwijking van uw advies: melding van een datalek aan de AP "
        + "(TST-DL-1)");
    assertThat(tekst).contains("Uw advies: melden", "FG: wel bij de AP melden", "Besluit: niet melden (door directie)",
        "Versleutelde laptop, geen risico", "/afwijkingen");
    assertThat(mails.get(0).getAllRecipients()).isNotEmpty();

    fgBericht.meldOpen();
    assertThat(mailsOver("TST-DL-1")).as("told once").hasSize(1);
  }

  @Test
  void aPeriodHoldsExactlyTheDeviationsDecidedInItAndCountsThemPerKind() {
    vastleggen(op(1998, 12, 31, 23), Afwijkingssoort.VERZOEK_BESLUIT, "TST-1", "Net ervoor");
    vastleggen(op(1999, 1, 1, 0), Afwijkingssoort.VERZOEK_BESLUIT, "TST-2", "Eerste uur");
    vastleggen(op(1999, 3, 5, 10), Afwijkingssoort.DATALEK_AP_MELDING, "TST-3", "Niet melden");
    vastleggen(op(1999, 6, 30, 23), Afwijkingssoort.PIA_UITKOMST, "TST-4", "Toch doorgaan");
    vastleggen(op(1999, 7, 1, 0), Afwijkingssoort.DATALEK_BETROKKENEN, "TST-5", "Net erna");

    Instant van = op(1999, 1, 1, 0);
    Instant tot = op(1999, 7, 1, 0);
    assertThat(register.tussen(van, tot)).extracting(Afwijking::referentie).containsExactly("TST-2", "TST-3", "TST-4");
    assertThat(register.aantallenPerSoort(van, tot)).containsExactly(
        Map.entry(Afwijkingssoort.VERZOEK_BESLUIT, 1L), Map.entry(Afwijkingssoort.DATALEK_AP_MELDING, 1L),
        Map.entry(Afwijkingssoort.DATALEK_BETROKKENEN, 0L), Map.entry(Afwijkingssoort.PIA_UITKOMST, 1L));
    assertThatThrownBy(() -> register.tussen(tot, van)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDeviationWithoutMotivationIsNeverRecorded() {
    assertThatThrownBy(() -> new NieuweAfwijking(Afwijkingssoort.VERZOEK_BESLUIT, "TST-9", "Afwijzing",
        "NIET_AKKOORD", null, "AFWIJZEN", " ", "coordinator")).hasMessageContaining("motivering");
  }

  @Test
  void theFgAndTheDirectieSeeTheDutchPageAndTheCsvOthersDoNot() throws Exception {
    vastleggen(op(1999, 3, 5, 10), Afwijkingssoort.DATALEK_AP_MELDING, "TST-6", "=HYPERLINK(\"x\") want, zo");
    for (String user : new String[] {"fg", "directie"}) {
      HttpResponse<String> pagina = get("/afwijkingen?van=1999-01-01&tot=1999-06-30", user);
      assertThat(pagina.statusCode()).as(user).isEqualTo(200);
      assertThat(pagina.body()).contains("Register afwijkingen FG-advies", "1 januari 1999 tot en met 30 juni 1999",
          "Melding van een datalek aan de AP", "TST-6", "=HYPERLINK(&quot;x&quot;) want, zo", "5-3-1999 10:00",
          "niet per mail");
    }
    HttpResponse<String> csv = get("/afwijkingen/export.csv?van=1999-01-01&tot=1999-06-30", "fg");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
    assertThat(csv.body().split("\r\n")).hasSize(2);
    assertThat(csv.body()).startsWith("soort,referentie,onderwerp,fgAdvies,fgToelichting,besluit,motivering,")
        .contains("DATALEK_AP_MELDING,TST-6,").contains("\"'=HYPERLINK(\"\"x\"\") want, zo\"");
    for (String user : new String[] {"coordinator", "medewerker", "ict", "admin"}) {
      assertThat(get("/afwijkingen", user).statusCode()).as(user).isEqualTo(403);
      assertThat(get("/afwijkingen/export.csv", user).statusCode()).as(user).isEqualTo(403);
    }
    assertThat(get("/afwijkingen", null).statusCode()).isEqualTo(401);
  }

  /**
   * The period is typed the Dutch way (dd-mm-jjjj) in text fields: the browser's own date field would show mm/dd/yyyy
   * in an English browser. ISO links keep working.
   */
  @Test
  void thePeriodIsTypedAndShownAsDdMmJjjj() throws Exception {
    vastleggen(op(1999, 3, 5, 10), Afwijkingssoort.VERZOEK_BESLUIT, "TST-8", "Motivering");
    HttpResponse<String> pagina = get("/afwijkingen?van=1-1-1999&tot=30.06.1999", "fg");
    assertThat(pagina.statusCode()).isEqualTo(200);
    assertThat(pagina.body()).contains("1 januari 1999 tot en met 30 juni 1999", "TST-8")
        .contains("name=\"van\" value=\"01-01-1999\"", "name=\"tot\" value=\"30-06-1999\"")
        .contains("placeholder=\"dd-mm-jjjj\"")
        .contains("export.csv?van=01-01-1999&amp;tot=30-06-1999")
        .doesNotContain("type=\"date\"");
    assertThat(get("/afwijkingen/export.csv?van=01-01-1999&tot=30-06-1999", "fg").body()).contains("TST-8");
    HttpResponse<String> bestaatNiet = get("/afwijkingen?van=31-02-1999", "fg");
    assertThat(bestaatNiet.statusCode()).isEqualTo(400);
    assertThat(bestaatNiet.body()).contains("&#39;van&#39; is geen datum: deze datum bestaat niet.");
  }

  @Test
  void aWrongPeriodGetsADutchAnswerAndNoRows() throws Exception {
    vastleggen(op(1999, 3, 5, 10), Afwijkingssoort.VERZOEK_BESLUIT, "TST-7", "Motivering");
    HttpResponse<String> pagina = get("/afwijkingen?van=1999-07-01&tot=1999-01-01", "fg");
    assertThat(pagina.statusCode()).isEqualTo(400);
    assertThat(pagina.body()).contains("De begindatum (01-07-1999) ligt na de einddatum (01-01-1999).")
        .doesNotContain("TST-7");
    HttpResponse<String> csv = get("/afwijkingen/export.csv?van=gisteren", "directie");
    assertThat(csv.statusCode()).isEqualTo(400);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(csv.body()).contains("'van' is geen datum: schrijf de datum als dd-mm-jjjj");
  }

  @Test
  void retentionRemovesTheFreeTextOfItsReferenceOnceAndKeepsTheFacts() {
    Afwijking a = vastleggen(op(1999, 3, 5, 10), Afwijkingssoort.VERZOEK_BESLUIT, "AVG-1998-0001",
        "Jan de Vries heeft een klacht lopen");
    vastleggen(op(1999, 3, 5, 11), Afwijkingssoort.VERZOEK_BESLUIT, "AVG-1998-0002", "Blijft staan");
    assertThat(register.ruimOp("AVG-1998-0001")).isEqualTo(1);
    assertThat(register.ruimOp("AVG-1998-0001")).isZero();
    Afwijking na = register.vanReferentie("AVG-1998-0001").get(0);
    assertThat(na.motivering()).isEqualTo(Bewaartermijn.VERWIJDERD);
    assertThat(na.fgToelichting()).isEqualTo(Bewaartermijn.VERWIJDERD);
    assertThat(na.besluit()).isEqualTo(a.besluit());
    assertThat(na.fgAdvies()).isEqualTo("NIET_AKKOORD");
    assertThat(na.beslotenDoor()).isEqualTo("directie");
    assertThat(register.vanReferentie("AVG-1998-0002").get(0).motivering()).isEqualTo("Blijft staan");
  }
}
