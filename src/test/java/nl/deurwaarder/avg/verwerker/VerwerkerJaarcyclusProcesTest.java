package nl.deurwaarder.avg.verwerker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.datalek.Bron;
import nl.deurwaarder.avg.datalek.Datalek;
import nl.deurwaarder.avg.datalek.DatalekIntake;
import nl.deurwaarder.avg.datalek.NieuweDatalekmelding;
import nl.deurwaarder.avg.verzoek.Betrokkene;
import nl.deurwaarder.avg.verzoek.Kanaal;
import nl.deurwaarder.avg.verzoek.NieuwVerzoek;
import nl.deurwaarder.avg.verzoek.OngeldigVerzoekException;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekIntake;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * "Jaarcyclus verwerker" (bpmn/avg-verwerker-jaarcyclus.bpmn), every path: the yearly review with its four tasks and
 * their guards, the end of the agreement with the deletion/return statement, re-planning after a changed end date,
 * announced sub-processors with FG advice and the coordinator's decision within the objection period, and a breach
 * reported too late that reaches the FG. Also the request passed on by a processor (3 working days).
 */
@AvgSpringTest
class VerwerkerJaarcyclusProcesTest {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  /** "Today" in these tests: Monday 15 June 2026, 10:00. */
  static final ZonedDateTime NU = ZonedDateTime.of(2026, 6, 15, 10, 0, 0, 0, AMSTERDAM);

  @Autowired
  ProcessEngine processEngine;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  org.camunda.bpm.engine.IdentityService identityService;
  @Autowired
  Verwerkersregister register;
  @Autowired
  VerwerkerCyclus cyclus;
  @Autowired
  DatalekIntake datalekIntake;
  @Autowired
  VerzoekIntake verzoekIntake;
  @Autowired
  NamedParameterJdbcTemplate jdbc;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(Date.from(NU.toInstant()));
  }

  @AfterEach
  void herstel() {
    ClockUtil.reset();
  }

  private Verwerker nieuw(String naam, LocalDate getekend, LocalDate eindigt) {
    Verwerker v = register.voegToe(new VerwerkerGegevens(naam + " " + System.nanoTime(), "Hosting van dossiers",
        "Jan Contact", "jan@verwerker.example", "030 123 45 67", getekend, eindigt, null, false, null, null, null,
        null, null), "coordinator");
    cyclus.overeenkomstGewijzigd(v.id());
    return v;
  }

  private ProcessInstance cyclus(Verwerker v) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(VerwerkerCyclus.PROCES)
        .processInstanceBusinessKey(v.referentie()).singleResult();
  }

  private Job timer(ProcessInstance pi, String activiteit) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).timers().activityId(activiteit)
        .singleResult();
  }

  private Task taak(ProcessInstance pi, String activiteit) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activiteit).singleResult();
  }

  /** Completes a task as Tasklist does: claimed and completed by a logged-in user. */
  private void voltooi(Task t, String gebruiker, Map<String, Object> vars) {
    taskService.claim(t.getId(), gebruiker);
    identityService.setAuthentication(gebruiker, "fg".equals(gebruiker) ? List.of("fg")
        : List.of("privacycoordinator", "medewerker"));
    try {
      taskService.complete(t.getId(), vars);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void voltooi(Task t, Map<String, Object> vars) {
    voltooi(t, "coordinator", vars);
  }

  private void geweigerd(Task t, Map<String, Object> vars, String melding) {
    assertThatThrownBy(() -> taskService.complete(t.getId(), vars)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining(melding);
  }

  private static Date om(int jaar, int maand, int dag, int uur, int minuut, int seconde) {
    return Date.from(ZonedDateTime.of(jaar, maand, dag, uur, minuut, seconde, 0, AMSTERDAM).toInstant());
  }

  private static Map<String, Object> vars(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  @Autowired
  CyclusBijStart cyclusBijStart;

  /**
   * A processor that a migration put in the register (no cycle yet) gets its cycle at start-up, exactly once, even
   * when two nodes start at the same moment; a finished processor gets none.
   */
  @Test
  void atStartUpEveryUnfinishedProcessorWithoutACycleGetsExactlyOne() throws Exception {
    java.util.function.LongFunction<Long> cycli = id -> runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(VerwerkerCyclus.PROCES).processInstanceBusinessKey(Verwerkersregister.referentie(id))
        .count();
    java.util.Set<String> al = new java.util.HashSet<>();
    runtimeService.createProcessInstanceQuery().processDefinitionKey(VerwerkerCyclus.PROCES).list()
        .forEach(p -> al.add(p.getId()));
    List<Verwerker> zonder = register.lijst().stream()
        .filter(v -> v.status() != VerwerkerStatus.AFGEROND && cycli.apply(v.id()) == 0).toList();
    assertThat(zonder).as("processors from the migration, without a cycle").isNotEmpty();
    try {
      java.util.concurrent.ExecutorService twee = java.util.concurrent.Executors.newFixedThreadPool(2);
      var a = twee.submit(cyclusBijStart::zorgVoorAlleCycli);
      var b = twee.submit(cyclusBijStart::zorgVoorAlleCycli);
      int gestart = a.get() + b.get();
      twee.shutdown();
      assertThat(gestart).isEqualTo(zonder.size());
      for (Verwerker v : register.lijst()) {
        assertThat(cycli.apply(v.id())).as(v.naam())
            .isEqualTo(v.status() == VerwerkerStatus.AFGEROND ? 0L : 1L);
      }
      assertThat(cyclusBijStart.zorgVoorAlleCycli()).as("a second start starts nothing").isZero();
    } finally {
      runtimeService.createProcessInstanceQuery().processDefinitionKey(VerwerkerCyclus.PROCES).list().stream()
          .filter(p -> !al.contains(p.getId()))
          .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "einde test"));
    }
  }

  @Test
  void theYearlyReviewAsksTheReportDecidesOnAnAuditChecksSubProcessorsAndRecordsTheOutcome() {
    Verwerker v = nieuw("Leverancier review", LocalDate.of(2025, 3, 10), null);
    ProcessInstance pi = cyclus(v);
    assertThat(pi).isWaitingAt("Gateway_Wachten");
    // one year after signing, 09:00 on a working day (Tuesday 10 March 2026)
    Job review = timer(pi, "Timer_Reviewmoment");
    assertThat(review.getDuedate()).isEqualTo(om(2026, 3, 10, 9, 0, 0));
    // no end date: the end timer waits "for ever"
    assertThat(timer(pi, "Timer_OvereenkomstGeeindigd").getDuedate().toInstant().atZone(AMSTERDAM).getYear())
        .isEqualTo(9999);
    managementService.executeJob(review.getId());

    Task rapport = taak(pi, "Task_RapportBeoordelen");
    assertThat(rapport.getDueDate()).isEqualTo(om(2026, 7, 15, 23, 59, 59));
    assertThat(taskService.getIdentityLinksForTask(rapport.getId())).anySatisfy(l ->
        assertThat(l.getGroupId()).isEqualTo("privacycoordinator"));
    assertThat(taskService.getVariable(rapport.getId(), "verwerkerNaam")).isEqualTo(v.naam());
    geweigerd(rapport, vars("rapportOntvangen", "JA"), "Vul de datum van het ontvangen beveiligingsrapport in");
    geweigerd(rapport, vars("rapportOntvangen", "JA", "rapportOntvangenOp", "16-06-2026"), "toekomst");
    geweigerd(rapport, vars("rapportOntvangen", "JA", "rapportOntvangenOp", "31-02-2026"), "bestaat niet");
    geweigerd(rapport, vars("rapportOntvangen", "NEE"), "beschrijf wat er is gedaan");
    voltooi(rapport, vars("rapportOntvangen", "JA", "rapportOntvangenOp", "01-06-2026", "rapportBeoordeling",
        "ISO 27001-verklaring, geen afwijkingen."));

    Task audit = taak(pi, "Task_AuditBesluiten");
    geweigerd(audit, vars("auditBesluit", "AUDIT_UITGEVOERD", "auditToelichting", "x"), "datum van de uitgevoerde");
    geweigerd(audit, vars("auditBesluit", "GEEN_AUDIT", "auditUitgevoerdOp", "01-05-2026", "auditToelichting", "x"),
        "alleen bij");
    voltooi(audit, vars("auditBesluit", "AUDIT_UITGEVOERD", "auditUitgevoerdOp", "20-05-2026", "auditToelichting",
        "Audit door onafhankelijk deskundige."));

    Task sub = taak(pi, "Task_SubverwerkersControleren");
    geweigerd(sub, vars("subverwerkersOordeel", "NIET_GEMELDE_WIJZIGING"), "Licht de niet gemelde wijziging toe");
    voltooi(sub, vars("subverwerkersOordeel", "ONGEWIJZIGD"));

    Task uitkomst = taak(pi, "Task_UitkomstVastleggen");
    geweigerd(uitkomst, vars("reviewUitkomst", "VERBETERPUNTEN"), "Licht de verbeterpunten toe");
    voltooi(uitkomst, vars("reviewUitkomst", "VOLDOET"));

    // recorded, and the cycle waits for next year's review: one year after this review, on a working day at 09:00
    assertThat(pi).isWaitingAt("Gateway_Wachten");
    assertThat(timer(pi, "Timer_Reviewmoment").getDuedate()).isEqualTo(om(2027, 6, 15, 9, 0, 0));
    Verwerker na = register.haal(v.id());
    assertThat(na.laatsteBeveiligingsrapportOp()).isEqualTo(LocalDate.of(2026, 6, 1));
    assertThat(na.laatsteAuditOp()).isEqualTo(LocalDate.of(2026, 5, 20));
    assertThat(register.historie(v.id())).anySatisfy(h -> {
      assertThat(h.veld()).isEqualTo("review");
      assertThat(h.gebruiker()).isEqualTo("coordinator");
      assertThat(h.nieuweWaarde()).contains("2026", "VOLDOET", "AUDIT_UITGEVOERD", "ONGEWIJZIGD");
    });
    assertThat(register.historie(v.id())).anySatisfy(h -> {
      assertThat(h.veld()).isEqualTo("laatsteAuditOp");
      assertThat(h.nieuweWaarde()).isEqualTo("2026-05-20");
    });
    Map<String, Object> rij = jdbc.queryForMap("SELECT uitkomst, audit_besluit, afgerond_door FROM"
        + " avg_verwerker_review WHERE verwerker_id = :v AND jaar = 2026", Map.of("v", v.id()));
    assertThat(rij).containsEntry("UITKOMST", "VOLDOET").containsEntry("AFGEROND_DOOR", "coordinator");
  }

  @Test
  void atTheEndOfTheAgreementTheStatementOfDeletionOrReturnIsObtainedAndTheProcessorIsFinished() {
    Verwerker v = nieuw("Leverancier einde", LocalDate.of(2020, 1, 6), LocalDate.of(2026, 5, 31));
    assertThat(v.status()).isEqualTo(VerwerkerStatus.VERKLARING_VERKRIJGEN);
    ProcessInstance pi = cyclus(v);
    Job einde = timer(pi, "Timer_OvereenkomstGeeindigd");
    assertThat(einde.getDuedate()).isEqualTo(om(2026, 6, 1, 9, 0, 0));
    managementService.executeJob(einde.getId());

    Task verklaring = taak(pi, "Task_VerklaringVerkrijgen");
    assertThat(verklaring.getDueDate()).isEqualTo(om(2026, 6, 30, 23, 59, 59));
    geweigerd(verklaring, vars("verklaringSoort", "VERWIJDERD", "verklaringOntvangenOp", "15-05-2026"),
        "niet dateren van voor het einde");
    geweigerd(verklaring, vars("verklaringSoort", "VERWIJDERD", "verklaringOntvangenOp", "2026-06-10"),
        "dd-mm-jjjj");
    voltooi(verklaring, vars("verklaringSoort", "TERUGGEGEVEN", "verklaringOntvangenOp", "10-06-2026"));

    assertThat(pi).isEnded();
    Verwerker na = register.haal(v.id());
    assertThat(na.verwijderverklaringOp()).isEqualTo(LocalDate.of(2026, 6, 10));
    assertThat(na.status()).isEqualTo(VerwerkerStatus.AFGEROND);
    // a finished processor gets no new cycle
    cyclus.zorgVoorCyclus(v.id());
    assertThat(cyclus(v)).isNull();
  }

  @Test
  void aChangedEndDateReplansTheEndOfTheAgreementOnTheNextWorkingDay() {
    Verwerker v = nieuw("Leverancier wijziging", LocalDate.of(2025, 1, 10), null);
    ProcessInstance pi = cyclus(v);
    register.wijzig(v.id(), new VerwerkerGegevens(null, v.dienst(), null, null, null, LocalDate.of(2025, 1, 10),
        LocalDate.of(2026, 12, 31), null, false, null, null, null, null, null), "fg");
    cyclus.overeenkomstGewijzigd(v.id());
    assertThat(pi).isWaitingAt("Gateway_Wachten");
    // 1 January 2027 (Friday) is Nieuwjaarsdag: Monday 4 January 09:00
    assertThat(timer(pi, "Timer_OvereenkomstGeeindigd").getDuedate()).isEqualTo(om(2027, 1, 4, 9, 0, 0));
    assertThat(register.historie(v.id())).anySatisfy(h -> {
      assertThat(h.veld()).isEqualTo("overeenkomstEindigtOp");
      assertThat(h.gebruiker()).isEqualTo("fg");
      assertThat(h.nieuweWaarde()).isEqualTo("2026-12-31");
    });
  }

  @Test
  void anAnnouncedSubProcessorGetsFgAdviceAndTheCoordinatorsDecisionWithinTheObjectionPeriod() {
    Verwerker v = nieuw("Leverancier sub", LocalDate.of(2025, 1, 10), null);
    ProcessInstance pi = cyclus(v);
    // 12 June + 30 days = Sunday 12 July: the period ends on Monday 13 July
    Subverwerker noord = register.meldSubverwerker(v.id(), "Datacenter Noord", "Opslag van back-ups", "Nederland",
        LocalDate.of(2026, 6, 12), "coordinator");
    assertThat(noord.bezwaarUiterlijk()).isEqualTo(LocalDate.of(2026, 7, 13));
    cyclus.subverwerkerAangekondigd(v.id(), noord);
    Subverwerker mail = register.meldSubverwerker(v.id(), "Mailprovider", "Verzenden van e-mail", null,
        LocalDate.of(2026, 6, 15), "coordinator");
    cyclus.subverwerkerAangekondigd(v.id(), mail);

    List<Task> adviezen = taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_FgAdviesSubverwerker").list();
    assertThat(adviezen).hasSize(2);
    assertThat(adviezen).extracting(t -> taskService.getVariable(t.getId(), "subverwerkerNaam"))
        .containsExactlyInAnyOrder("Datacenter Noord", "Mailprovider");
    Task adviesNoord = adviezen.stream().filter(t -> "Datacenter Noord".equals(taskService.getVariable(t.getId(),
        "subverwerkerNaam"))).findFirst().orElseThrow();
    assertThat(taskService.getIdentityLinksForTask(adviesNoord.getId())).anySatisfy(l ->
        assertThat(l.getGroupId()).isEqualTo("fg"));
    // two working days before the last day of the period
    assertThat(adviesNoord.getDueDate()).isEqualTo(om(2026, 7, 9, 23, 59, 59));
    voltooi(adviesNoord, "fg", vars("fgAdviesSubverwerker", "BEZWAAR_MAKEN",
        "fgToelichtingSubverwerker", "Back-ups buiten het contract om."));

    Task besluit = taskService.createTaskQuery().processInstanceId(pi.getId())
        .taskDefinitionKey("Task_BezwaarBesluiten").singleResult();
    assertThat(besluit.getDueDate()).isEqualTo(om(2026, 7, 13, 23, 59, 59));
    assertThat(taskService.getVariable(besluit.getId(), "fgAdviesSubverwerkerTekst")).isEqualTo("bezwaar maken");
    assertThat(taskService.getVariable(besluit.getId(), "subverwerkerNaam")).isEqualTo("Datacenter Noord");
    assertThat(taskService.getVariable(besluit.getId(), "verwerkerNaam")).isEqualTo(v.naam());
    geweigerd(besluit, vars("subverwerkerBesluit", "GEEN_BEZWAAR"), "wijkt af van het advies van de FG");
    voltooi(besluit, vars("subverwerkerBesluit", "GEEN_BEZWAAR", "subverwerkerToelichting",
        "Aanvullende afspraken over versleuteling gemaakt."));

    Subverwerker na = register.subverwerker(noord.id()).orElseThrow();
    assertThat(na.besluit()).isEqualTo("GEEN_BEZWAAR");
    assertThat(na.besluitOp()).isEqualTo(LocalDate.of(2026, 6, 15));
    assertThat(na.fgAdvies()).contains("BEZWAAR_MAKEN");
    assertThat(register.subverwerker(mail.id()).orElseThrow().besluit()).isNull();
    // the yearly cycle itself is not disturbed
    assertThat(pi).isWaitingAt("Gateway_Wachten", "Task_FgAdviesSubverwerker");
  }

  @Test
  void aBreachReportedMoreThan24HoursAfterTheProcessorsDiscoveryIsLateGoesToTheFgAndKeepsTheApDeadline() {
    Verwerker v = nieuw("Leverancier datalek", LocalDate.of(2025, 1, 10), null);
    ProcessInstance pi = cyclus(v);
    OffsetDateTime ontdekt = OffsetDateTime.parse("2026-06-15T09:00+02:00");
    Datalek laat = datalekIntake.registreer(new NieuweDatalekmelding("Server gehackt", ontdekt, Bron.VERWERKER,
        "  " + v.naam().toUpperCase() + " ", ontdekt.minusHours(25), 40, null, null, null, null), "medewerker");
    // the AP deadline still counts from the office's own awareness (AVG art. 33(1))
    assertThat(laat.apMeldingUiterlijk().toInstant()).isEqualTo(ontdekt.plusHours(72).toInstant());
    Task fg = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_TeLaatBeoordelen")
        .singleResult();
    assertThat(taskService.getVariable(fg.getId(), "teLaatReferentie")).isEqualTo(laat.referentie());
    assertThat(taskService.getVariable(fg.getId(), "verwerkerNaam")).isEqualTo(v.naam());
    assertThat(taskService.getIdentityLinksForTask(fg.getId())).anySatisfy(l ->
        assertThat(l.getGroupId()).isEqualTo("fg"));

    Datalek opTijd = datalekIntake.registreer(new NieuweDatalekmelding("Usb-stick kwijt", ontdekt, Bron.VERWERKER,
        v.naam(), ontdekt.minusHours(23), 2, null, null, null, null), "medewerker");
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("Task_TeLaatBeoordelen")
        .count()).isEqualTo(1);

    Verwerker na = register.haal(v.id());
    assertThat(na.datalekken()).containsExactly(laat.referentie(), opTijd.referentie());
    assertThat(na.termijnoverschrijdingen()).singleElement().satisfies(t -> {
      assertThat(t.soort()).isEqualTo("DATALEK");
      assertThat(t.referentie()).isEqualTo(laat.referentie());
      assertThat(t.verwerkerMoment().toInstant()).isEqualTo(ontdekt.minusHours(25).toInstant());
    });
    voltooi(fg, "fg", vars("fgReactieTeLaat", "VERWERKER_AANSPREKEN", "fgToelichtingTeLaat",
        "Meldtermijn bespreken in het kwartaaloverleg."));
    assertThat(register.historie(v.id())).anySatisfy(h -> {
      assertThat(h.veld()).isEqualTo("fgReactieTeLaat");
      assertThat(h.gebruiker()).isEqualTo("fg");
      assertThat(h.nieuweWaarde()).contains(laat.referentie(), "VERWERKER_AANSPREKEN");
    });
  }

  @Test
  void aRequestPassedOnByAProcessorRecordsItAndAForwardAfterThreeWorkingDaysIsLate() {
    Verwerker v = nieuw("Leverancier verzoek", LocalDate.of(2025, 1, 10), null);
    Betrokkene b = new Betrokkene("Piet Proef", "piet@voorbeeld.example", "Dorpsstraat 1, 1234 AB Ergens", null,
        null);
    OffsetDateTime ontvangen = NU.toOffsetDateTime();
    // received by the processor on Tuesday 9 June: the 3rd working day is Friday 12 June, we got it Monday 15
    Verzoek laat = verzoekIntake.registreer(new NieuwVerzoek(VerzoekType.INZAGE, Kanaal.VERWERKER, ontvangen, b,
        null, "Inzage in mijn dossier", v.naam().toLowerCase(), OffsetDateTime.parse("2026-06-09T16:00+02:00")),
        "coordinator");
    assertThat(laat.verwerker()).isEqualTo(v.naam());
    assertThat(laat.verwerkerTijdig()).isFalse();
    Verzoek opTijd = verzoekIntake.registreer(new NieuwVerzoek(VerzoekType.INZAGE, Kanaal.VERWERKER, ontvangen, b,
        null, "Inzage", v.naam(), OffsetDateTime.parse("2026-06-10T09:00+02:00")), "coordinator");
    assertThat(opTijd.verwerkerTijdig()).isTrue();
    assertThat(register.haal(v.id()).termijnoverschrijdingen()).extracting(Termijnoverschrijding::referentie)
        .containsExactly(laat.referentie());

    assertThatThrownBy(() -> verzoekIntake.registreer(new NieuwVerzoek(VerzoekType.INZAGE, Kanaal.VERWERKER,
        ontvangen, b, null, "Inzage", "Onbekende BV", ontvangen.minusDays(1)), "coordinator"))
        .isInstanceOfSatisfying(OngeldigVerzoekException.class, e -> assertThat(e.fouten())
            .containsEntry("verwerker", "Deze verwerker staat niet in het register van verwerkers."));
    assertThatThrownBy(() -> verzoekIntake.registreer(new NieuwVerzoek(VerzoekType.INZAGE, Kanaal.VERWERKER,
        ontvangen, b, null, "Inzage", v.naam(), null), "coordinator"))
        .isInstanceOfSatisfying(OngeldigVerzoekException.class, e -> assertThat(e.fouten())
            .containsKey("verwerkerOntvangenOp"));
    assertThatThrownBy(() -> verzoekIntake.registreer(new NieuwVerzoek(VerzoekType.INZAGE, Kanaal.EMAIL,
        ontvangen, b, null, "Inzage", v.naam(), null), "coordinator"))
        .isInstanceOfSatisfying(OngeldigVerzoekException.class, e -> assertThat(e.fouten())
            .containsKey("verwerker"));
  }
}
