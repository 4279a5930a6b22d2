package nl.deurwaarder.avg.bewaartermijn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import nl.deurwaarder.avg.archief.Archief;
import nl.deurwaarder.avg.archief.Stuksoort;
import nl.deurwaarder.avg.verzoek.Betrokkene;
import nl.deurwaarder.avg.verzoek.Kanaal;
import nl.deurwaarder.avg.verzoek.NieuwVerzoek;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekRegister;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import nl.deurwaarder.avg.verzoek.Verzoeker;
import nl.deurwaarder.avg.verzoek.VerzoekerRol;
import nl.deurwaarder.avg.AvgSpringTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Retention of request data: due on 1 January of (year of receipt + 4), Europe/Amsterdam. */
@AvgSpringTest
class BewaartermijnTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @Autowired
  Bewaartermijn bewaartermijn;
  @Autowired
  VerzoekRegister register;
  @Autowired
  Archief archief;
  @Autowired
  NamedParameterJdbcTemplate jdbc;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;

  private String deploymentId;
  private String eind2022;
  private String begin2023;
  private String eind2023;

  @BeforeEach
  void gegevens() {
    deploymentId = repositoryService.createDeployment().name("bewaartermijn-test")
        .addClasspathResource("archief/archief-taak.bpmn").deploy().getId();
    int basis = ThreadLocalRandom.current().nextInt(10000, 90000);
    eind2022 = verzoek(2022, basis, "2022-12-31T23:30:00+01:00");
    begin2023 = verzoek(2023, basis, "2023-01-01T00:30:00+01:00"); // 2022-12-31 23:30 UTC: Amsterdam counts
    eind2023 = verzoek(2023, basis + 1, "2023-12-31T23:30:00+01:00");
    // the 2022 request's procedure has ended; the early-2023 one still runs
    runtimeService.startProcessInstanceByKey("test-archief-taak", eind2022, Map.of("uitvoerder", "coordinator"));
    taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(eind2022).singleResult().getId());
    runtimeService.startProcessInstanceByKey("test-archief-taak", begin2023, Map.of("uitvoerder", "coordinator"));
  }

  @AfterEach
  void opruimen() {
    ClockUtil.reset();
    repositoryService.deleteDeployment(deploymentId, true);
  }

  private String verzoek(int jaar, int nummer, String ontvangen) {
    String ref = "AVG-" + jaar + "-" + nummer;
    register.voegToe(ref, jaar, nummer, new NieuwVerzoek(VerzoekType.VERWIJDERING, Kanaal.EMAIL,
            OffsetDateTime.parse(ontvangen),
            new Betrokkene("Jan de Vries", "jan@example.org", "Kerkstraat 1, Utrecht", LocalDate.of(1970, 5, 1),
                "D-123"),
            new Verzoeker(VerzoekerRol.ADVOCAAT, "mr. A. Advocaat", "advocaat@example.org", "Advocatenkantoor"),
            "Verwijder mijn gegevens"),
        LocalDate.of(jaar, 12, 31), LocalDate.of(jaar, 12, 31), null, "coordinator");
    register.wijzig(ref, Map.of("status", "AFGEWEZEN", "verificatieResultaat", "GESLAAGD",
        "verificatieMethode", "Paspoort van Jan de Vries gezien", "afwijzingsgronden",
        List.of("STRIJD_MET_BEWAARTERMIJN"), "fgAdvies", "NIET_AKKOORD", "fgToelichting",
        "Jan de Vries heeft een klacht lopen", "afwijkingMotivering", "Dossier D-123 loopt nog",
        "verzendwijze", "BEVEILIGDE_EMAIL", "betrokkeneDossiernummer", "D-123"), "coordinator");
    register.historie(ref, "coordinator", "archief", null, "Identiteitsbewijs: paspoort Jan de Vries toegevoegd");
    archief.bewaar(ref, Stuksoort.IDENTITEITSBEWIJS, "Paspoort Jan de Vries", "paspoort.pdf", "application/pdf",
        "%PDF-1.4".getBytes(StandardCharsets.US_ASCII), "coordinator");
    jdbc.update("""
        INSERT INTO avg_brief (referentie, brief_type, sleutel, ontvanger_naam, ontvanger_email, onderwerp, status,
          opgesteld_op) VALUES (:r, 'AFWIJZING', :s, 'mr. A. Advocaat', 'advocaat@example.org',
          'Uw verzoek namens Jan de Vries', 'VERZONDEN', :op)
        """, new MapSqlParameterSource("r", ref).addValue("s", ref + "/afwijzing")
        .addValue("op", OffsetDateTime.parse(ontvangen)));
    jdbc.update("""
        INSERT INTO avg_afwijking (soort, referentie, besloten_op, besloten_door, onderwerp, fg_advies, fg_toelichting,
          besluit, motivering) VALUES ('VERZOEK_BESLUIT', :r, :op, 'coordinator', 'Afwijzing', 'NIET_AKKOORD',
          'Jan de Vries heeft een klacht lopen', 'AFWIJZEN', 'Dossier D-123 loopt nog')
        """, new MapSqlParameterSource("r", ref).addValue("op", OffsetDateTime.parse(ontvangen)));
    return ref;
  }

  private static void klok(String amsterdam) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(java.time.LocalDateTime.parse(amsterdam), AMSTERDAM)
        .toInstant()));
  }

  @Test
  void anonymisesExactlyTheDueEntriesAndKeepsTheAnonymousRegister() {
    klok("2026-12-31T23:59:00");
    Bewaartermijn.Resultaat oudjaar = bewaartermijn.voerUit();
    assertThat(oudjaar.mislukt()).isZero();
    assertGeanonimiseerd(eind2022);
    assertOngewijzigd(begin2023);
    assertOngewijzigd(eind2023);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(eind2022).count())
        .isZero();

    klok("2027-01-01T00:01:00");
    Bewaartermijn.Resultaat nieuwjaar = bewaartermijn.voerUit();
    assertThat(nieuwjaar.mislukt()).isZero();
    assertThat(nieuwjaar.lopendeProcessen()).isGreaterThanOrEqualTo(1);
    assertGeanonimiseerd(begin2023);
    assertGeanonimiseerd(eind2023);
    // the running procedure is left alone (reported), with its history
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(begin2023).count()).isOne();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(begin2023).count())
        .isOne();
    assertThat(bewaartermijn.aantalOpenstaand()).isZero();
    // never silently kept: the coordinator gets a task for the running procedure
    org.camunda.bpm.engine.task.Task melding = taskService.createTaskQuery()
        .taskName("Bewaartermijn verstreken: procedure loopt nog").taskCandidateGroup("privacycoordinator").list()
        .stream().filter(t -> begin2023.equals(taskService.getVariableLocal(t.getId(), "bewaartermijnReferentie")))
        .findFirst().orElseThrow();
    assertThat(melding.getDescription()).contains(begin2023).contains("Cockpit");

    // a second run changes nothing
    List<Map<String, Object>> voor = rijen();
    klok("2027-01-01T00:05:00");
    Bewaartermijn.Resultaat nogmaals = bewaartermijn.voerUit();
    assertThat(nogmaals.geanonimiseerd()).isZero();
    assertThat(rijen()).isEqualTo(voor);

    // the coordinator ends the procedure: the next night its history goes and the task closes itself
    runtimeService.deleteProcessInstance(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(begin2023).singleResult().getId(), "beëindigd na melding bewaartermijn");
    bewaartermijn.voerUit();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(begin2023).count())
        .isZero();
    assertThat(taskService.createTaskQuery().taskId(melding.getId()).count()).isZero();
  }

  @Test
  void aFailingEntryIsRolledBackAndDoesNotBlockTheOthers(@Autowired TransactionTemplate transactie,
      @Autowired org.springframework.context.ApplicationContext context) {
    Bewaartermijn storing = new Bewaartermijn(
        List.copyOf(context.getBeanProvider(Bewaarregister.class).orderedStream().toList()),
        List.copyOf(context.getBeanProvider(PersoonsgegevensOpruimer.class).orderedStream().toList()), transactie,
        context.getBean(java.time.Clock.class)) {
      @Override
      int[] anonimiseer(Bewaarregister register, String referentie, OffsetDateTime grens) {
        int[] r = super.anonimiseer(register, referentie, grens);
        if (referentie.equals(begin2023)) {
          throw new IllegalStateException("storing na het anonimiseren");
        }
        return r;
      }
    };
    klok("2027-01-01T00:01:00");
    Bewaartermijn.Resultaat r = storing.voerUit();
    assertThat(r.mislukt()).isOne();
    assertOngewijzigd(begin2023); // everything of this entry rolled back, archive included
    assertGeanonimiseerd(eind2022);
    assertGeanonimiseerd(eind2023);
    // the next night it goes through
    assertThat(bewaartermijn.voerUit().geanonimiseerd()).isGreaterThanOrEqualTo(1);
    assertGeanonimiseerd(begin2023);
  }

  private List<Map<String, Object>> rijen() {
    MapSqlParameterSource p = new MapSqlParameterSource("refs", List.of(eind2022, begin2023, eind2023));
    List<Map<String, Object>> r = new java.util.ArrayList<>(
        jdbc.queryForList("SELECT * FROM avg_verzoek WHERE referentie IN (:refs) ORDER BY referentie", p));
    r.addAll(jdbc.queryForList("SELECT * FROM avg_verzoek_historie WHERE referentie IN (:refs) ORDER BY id", p));
    r.addAll(jdbc.queryForList("SELECT * FROM avg_brief WHERE referentie IN (:refs) ORDER BY id", p));
    return r;
  }

  private void assertOngewijzigd(String ref) {
    Verzoek v = register.haal(ref);
    assertThat(v.geanonimiseerdOp()).isNull();
    assertThat(v.betrokkene().naam()).isEqualTo("Jan de Vries");
    assertThat(v.fgToelichting()).isNotNull();
    assertThat(archief.stukken(ref)).hasSize(1);
    assertThat(register.historie(ref)).noneMatch(h -> Bewaartermijn.VERWIJDERD.equals(h.nieuweWaarde()));
  }

  private void assertGeanonimiseerd(String ref) {
    Verzoek v = register.haal(ref);
    assertThat(v.geanonimiseerdOp()).isNotNull();
    assertThat(v.betrokkene()).isEqualTo(new Betrokkene(null, null, null, null, null));
    assertThat(v.verzoekerNaam()).isNull();
    assertThat(v.verzoekerEmail()).isNull();
    assertThat(v.verzoekerOrganisatie()).isNull();
    assertThat(v.omschrijving()).isNull();
    assertThat(v.fgToelichting()).isNull();
    assertThat(v.afwijkingMotivering()).isNull();
    assertThat(v.verificatieMethode()).isNull();
    // the anonymous entry stays for trend reports
    assertThat(v.verzoekType()).isEqualTo(VerzoekType.VERWIJDERING);
    assertThat(v.kanaal()).isEqualTo(Kanaal.EMAIL);
    assertThat(v.verzoekerRol()).isEqualTo(VerzoekerRol.ADVOCAAT);
    assertThat(v.ontvangenOp()).isNotNull();
    assertThat(v.status().name()).isEqualTo("AFGEWEZEN");
    assertThat(v.verificatieResultaat()).isEqualTo("GESLAAGD");
    assertThat(v.afwijzingsgronden()).containsExactly("STRIJD_MET_BEWAARTERMIJN");
    assertThat(v.fgAdvies()).isEqualTo("NIET_AKKOORD");
    assertThat(v.verzendwijze()).isEqualTo("BEVEILIGDE_EMAIL");
    assertThat(v.uitersteReactiedatum()).isNotNull();
    // archive gone; no trace of the person in history, letters or the deviations register
    assertThat(archief.stukken(ref)).isEmpty();
    String alles = jdbc.queryForList("SELECT * FROM avg_verzoek_historie WHERE referentie = :r", Map.of("r", ref))
        + "" + jdbc.queryForList("SELECT * FROM avg_brief WHERE referentie = :r", Map.of("r", ref))
        + jdbc.queryForList("SELECT * FROM avg_afwijking WHERE referentie = :r", Map.of("r", ref))
        + jdbc.queryForList("SELECT * FROM avg_verzoek WHERE referentie = :r", Map.of("r", ref));
    assertThat(alles).doesNotContain("Jan", "Vries", "jan@example.org", "Advoca", "D-123", "Kerkstraat", "1970",
        "Paspoort", "paspoort", "klacht", "Verwijder mijn");
    assertThat(register.historie(ref)).anySatisfy(h -> {
      assertThat(h.veld()).isEqualTo("status");
      assertThat(h.nieuweWaarde()).isEqualTo("AFGEWEZEN");
    }).anySatisfy(h -> {
      assertThat(h.veld()).isEqualTo("fgToelichting");
      assertThat(h.nieuweWaarde()).isEqualTo(Bewaartermijn.VERWIJDERD);
    });
  }
}
