package nl.deurwaarder.avg.datalek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.mail.OutboxMailSender;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * bpmn/avg-datalek.bpmn, every path: a serious breach (doubt → FG, breach team, preliminary AP notification within 72
 * hours, data subjects and third parties informed, evaluation 4 weeks after closing), a limited breach that directie
 * decides not to notify, a signal that is no breach, a breach reported 70 hours after discovery (warning at once,
 * escalation at the 72-hour mark), and the Tasklist start form. The last test checks that together they passed every
 * flow node and sequence flow.
 */
@AvgSpringTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatalekProcesTest {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  /** Monday 2 March 2026, 10:00. */
  static final ZonedDateTime T0 = ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, AMSTERDAM);
  static final Set<String> GEZIEN = new HashSet<>();

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired FormService formService;
  @Autowired IdentityService identityService;
  @Autowired DatalekMelden melden;
  @Autowired DatalekRegister register;
  @Autowired OutboxMailSender outbox;
  @Autowired JdbcTemplate jdbc;
  @Autowired nl.deurwaarder.avg.afwijking.Afwijkingenregister afwijkingen;

  DatalekTestHulp hulp;

  @BeforeEach
  void klok() {
    BpmnAwareTests.init(processEngine);
    hulp = new DatalekTestHulp(taskService, managementService, outbox);
    zet(T0);
  }

  @AfterEach
  void herstel() {
    ClockUtil.reset();
  }

  static void zet(ZonedDateTime t) {
    ClockUtil.setCurrentTime(Date.from(t.toInstant()));
  }

  static String iso(ZonedDateTime t) {
    return t.toOffsetDateTime().toString();
  }

  private Datalek meld(ZonedDateTime ontdektOp, Bron bron) {
    return melden.meld(new NieuweDatalekmelding("Exploot voor debiteur A is bij debiteur B bezorgd.",
        ontdektOp.toOffsetDateTime(), bron, bron == Bron.VERWERKER ? "Print- en verzendhuis" : null,
        bron == Bron.VERWERKER ? ontdektOp.minusHours(2).toOffsetDateTime() : null, 3,
        "Dossierapplicatie", "Naam, adres, vordering", "Piet Melder", "piet.melder@kantoor.example"));
  }

  private ProcessInstance proces(String ref) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref)
        .processDefinitionKey("avg-datalek").singleResult();
  }

  private long urenResterend(String pid, String key) {
    String taskId = taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).singleResult().getId();
    return ((Number) taskService.getVariable(taskId, "urenResterend")).longValue();
  }

  private List<String> brieven(String ref) {
    return jdbc.queryForList("SELECT brief_type FROM avg_brief WHERE referentie = ? ORDER BY id", String.class, ref);
  }

  private void details(String pid, String persoonsgegevens, String misbruik, String beveiliging) {
    hulp.voltooi(pid, "Task_DetailsUitwerken", Map.of("getroffenSystemen", "Dossierapplicatie, printstraat",
        "getroffenGegevens", "Naam, adres, vordering", "geschatAantalBetrokkenen", 3L,
        "critPersoonsgegevens", persoonsgegevens, "critMisbruik", misbruik, "critBeveiliging", beveiliging),
        "privacycoordinator", "ict");
  }

  private Map<String, Object> omvang(boolean beperkt) {
    Map<String, Object> v = new HashMap<>();
    v.put("aantalBetrokkenen", beperkt ? "EEN_OF_ENKELE" : "MEERDERE");
    v.put("minderjarigen", false);
    v.put("langdurigeBlootstelling", false);
    v.put("scenarioBeschikbaar", true);
    v.put("hersteld", beperkt);
    v.put("bijzondereGegevens", false);
    v.put("inbreukCategorieen", "[\"VERTROUWELIJKHEID\"]");
    return v;
  }

  private void onthoud(String pid) {
    historyService.createHistoricActivityInstanceQuery().processInstanceId(pid).list()
        .forEach(a -> GEZIEN.add(a.getActivityId()));
  }

  @Test
  @Order(1)
  void seriousBreachTeamFiveStepsPreliminaryNotificationDataSubjectsAndEvaluation() throws Exception {
    ZonedDateTime ontdekt = T0.minusHours(2);
    Datalek d = meld(ontdekt, Bron.MEDEWERKER);
    String ref = d.referentie();
    assertThat(ref).matches("DL-2026-\\d{4}");
    assertThat(d.apMeldingUiterlijk().toInstant()).isEqualTo(ontdekt.plusHours(72).toInstant());
    assertThat(d.status()).isEqualTo(DatalekStatus.GEMELD);
    ProcessInstance pi = proces(ref);
    String pid = pi.getId();
    assertThat(pi).isWaitingAt("Task_BevestigingMailen");
    assertThat(hulp.timers(pid)).isEmpty(); // the subprocess has not started yet
    hulp.voerJobsUit(pid);
    assertThat(hulp.mails(ref)).containsExactly("Uw melding van een (mogelijk) datalek is geregistreerd: " + ref
        + " → piet.melder@kantoor.example");
    // the 72-hour timers run from discovery
    assertThat(hulp.timers(pid)).extracting(Job::getDuedate).extracting(Date::toInstant).containsExactlyInAnyOrder(
        ontdekt.plusHours(48).toInstant(), ontdekt.plusHours(72).toInstant());
    assertThat(urenResterend(pid, "Task_DetailsUitwerken")).isEqualTo(70);
    String taskId = hulp.taak(pid, "Task_DetailsUitwerken", "privacycoordinator", "ict").getId();
    assertThat(taskService.getVariable(taskId, "urenResterendTekst").toString()).startsWith("Nog 70 uur");
    assertThat(hulp.taak(pid, "Task_DetailsUitwerken", "privacycoordinator", "ict").getDueDate().toInstant())
        .isEqualTo(ontdekt.plusHours(72).toInstant());

    // a form value outside the vocabulary is refused on the server
    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("getroffenSystemen", "x", "getroffenGegevens", "y",
        "critPersoonsgegevens", "MISSCHIEN", "critMisbruik", "JA", "critBeveiliging", "INBREUK")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("critPersoonsgegevens");
    details(pid, "JA", "TWIJFEL", "INBREUK");
    assertThat(register.haal(ref).tekst("criteriaUitkomst")).isEqualTo("TWIJFEL");
    hulp.voltooi(pid, "Task_FgAdviesBeoordeling", Map.of("fgAdviesBeoordeling", "Verlies is aannemelijk: datalek."),
        "fg");
    zet(T0.plusHours(1)); // the hours left are computed when a task is created
    hulp.voltooi(pid, "Task_BeoordelingVastleggen", Map.of("isDatalek", "JA", "beoordelingToelichting",
        "Alle criteria voldaan na FG-advies."), "privacycoordinator");
    assertThat(urenResterend(pid, "Task_OmvangInschatten")).isEqualTo(69);
    hulp.voltooi(pid, "Task_OmvangInschatten", omvang(false), "privacycoordinator");
    Datalek na = register.haal(ref);
    assertThat(na.ernst()).isEqualTo(Ernst.MATIG_TOT_ERNSTIG);
    assertThat(na.inbreukCategorieen()).containsExactly("VERTROUWELIJKHEID");
    assertThat(na.status()).isEqualTo(DatalekStatus.IN_BEHANDELING);
    assertThat(pi).isWaitingAt("Task_DirectieInformeren");
    hulp.voerJobsUit(pid);
    assertThat(hulp.mails(ref)).contains("Direct melden: matig tot ernstig datalek " + ref
        + " → directie@kantoor.example");
    hulp.voltooi(pid, "Task_TeamSamenstellen", Map.of("datalekteam", "ICT: Ids; jurist: Jurgen; FG als adviseur"),
        "directie");
    String[][] stappen = {{"Task_Schadebeperking", "schadebeperkendeMaatregelen"},
        {"Task_BewijsVeiligstellen", "bewijsmateriaal"}, {"Task_AardEnOmvang", "onderzoekAardOmvang"},
        {"Task_Impactanalyse", "impactanalyse"}, {"Task_CorrigerendeMaatregelen", "corrigerendeMaatregelen"}};
    for (String[] stap : stappen) {
      assertThat(taskService.createTaskQuery().processInstanceId(pid).list()).extracting("taskDefinitionKey")
          .containsExactly(stap[0]); // strictly one after another
      hulp.voltooi(pid, stap[0], Map.of(stap[1], "Vastgelegd: " + stap[1]), "datalekteam");
    }
    Datalek team = register.haal(ref);
    for (String[] stap : stappen) {
      assertThat(team.tekst(stap[1])).isEqualTo("Vastgelegd: " + stap[1]);
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM avg_archiefstuk WHERE referentie = ?", Integer.class, ref))
        .isEqualTo(6); // team + five steps in the breach file
    String conceptTaak = hulp.taak(pid, "Task_ConceptOpstellen", "privacycoordinator", "datalekteam").getId();
    String concept = (String) taskService.getVariable(conceptTaak, "apMeldingConcept");
    assertThat(concept).contains("Melding datalek aan de Autoriteit Persoonsgegevens — " + ref)
        .contains("1. Contactgegevens").contains("Vastgelegd: impactanalyse").contains("vertrouwelijkheid");
    // a concept longer than the engine's 4 000-character text column (the form allows 10 000): stored and read whole
    String aanvulling = "\n" + "Toelichting van het datalekteam bij de melding. ".repeat(
        (9900 - concept.length()) / 48) + "\nAanvulling team.";
    assertThat(concept.length() + aanvulling.length()).isBetween(4001, 10000);
    taskService.complete(conceptTaak, Map.of("apMeldingConcept", concept + aanvulling));
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pid)
        .variableName("apMeldingConcept").singleResult().getValue()).isEqualTo(concept + aanvulling);
    hulp.voltooi(pid, "Task_FgAdviesConcept", Map.of("fgApAdvies", "MELDEN", "fgAdviesAp", "Akkoord met het concept."),
        "fg");
    hulp.voltooi(pid, "Task_ConceptVaststellen", Map.of("apBesluit", "MELDEN"), "directie");
    String indienen = hulp.taak(pid, "Task_MeldingIndienen", "privacycoordinator").getId();
    assertThat((String) taskService.getVariable(indienen, "apMeldingTekst")).endsWith("Aanvulling team.");
    assertThat(register.haal(ref).status()).isEqualTo(DatalekStatus.MELDING_AP);

    // 48 hours after discovery: the 24-hour warning to coordinator and directie; the 72-hour timer still waits
    zet(ontdekt.plusHours(48).plusMinutes(1));
    hulp.voerJobsUit(pid);
    assertThat(hulp.mails(ref)).contains("Nog 24 uur: melding datalek " + ref + " bij de AP → "
        + "coordinator@kantoor.example,directie@kantoor.example");
    assertThat(hulp.timers(pid)).hasSize(1);
    Map<String, Object> melding = new HashMap<>();
    melding.put("apMeldingOp", iso(ontdekt.plusHours(49)));
    melding.put("apKenmerk", "AP-2026-4711");
    melding.put("apMeldingSoort", "VOORLOPIG");
    zet(ontdekt.plusHours(49).plusMinutes(5));
    hulp.voltooi(pid, "Task_MeldingIndienen", melding, "privacycoordinator");
    assertThat(hulp.timers(pid)).as("notified: the 72-hour timer is gone").isEmpty();
    Datalek gemeld = register.haal(ref);
    assertThat(gemeld.ja("apGemeld")).isTrue();
    assertThat(gemeld.moment("apMeldingOp").toInstant()).isEqualTo(ontdekt.plusHours(49).toInstant());
    assertThat(gemeld.tekst("apKenmerk")).isEqualTo("AP-2026-4711");
    assertThat(gemeld.tekst("apMeldingSoort")).isEqualTo("VOORLOPIG");
    assertThat(gemeld.tekst("apTeLaatReden")).isNull();
    zet(ontdekt.plusHours(80));
    hulp.voerJobsUit(pid);
    assertThat(hulp.mails(ref)).noneMatch(m -> m.startsWith("Termijn verstreken"));

    assertThat(urenResterend(pid, "Task_MeldingAanvullen")).isEqualTo(22); // created at 49:05 after discovery
    hulp.voltooi(pid, "Task_MeldingAanvullen", Map.of("apMeldingAangevuldOp", iso(ontdekt.plusHours(79))),
        "privacycoordinator");
    assertThat(register.haal(ref).tekst("apMeldingSoort")).isEqualTo("DEFINITIEF");
    hulp.voltooi(pid, "Task_RisicoBetrokkenen", Map.of("betrokkenenAdvies", "MELDEN", "betrokkenenAdviesFg",
        "AP: hoog risico, betrokkenen informeren."), "fg");
    assertThat(register.haal(ref).status()).isEqualTo(DatalekStatus.NAZORG);
    Map<String, Object> besluit = new HashMap<>();
    besluit.put("betrokkenenMelden", "JA");
    besluit.put("betrokkenenOmschrijving", "Een exploot met uw gegevens is bij een ander adres bezorgd.");
    besluit.put("gevolgen", "Een ander kan uw schuldgegevens hebben gelezen.");
    besluit.put("genomenMaatregelen", "Het exploot is teruggehaald.");
    besluit.put("adviezen", "[\"BSN\"]");
    hulp.voltooi(pid, "Task_BesluitBetrokkenen", besluit, "directie");
    // the directie followed the FG on notifying the AP and informing data subjects: nothing in the deviations
    assertThat(afwijkingen.vanReferentie(ref)).isEmpty();
    hulp.voltooi(pid, "Task_BetrokkenenOpgeven", Map.of("betrokkenenOntvangers",
        "Jan Jansen; jan.jansen@example.nl\nAnna de Vries; Dorpsstraat 1 / 1234 AB Ergens"), "privacycoordinator");
    hulp.voerJobsUit(pid);
    assertThat(brieven(ref)).containsExactly("DATALEK_MELDING_BETROKKENEN", "DATALEK_MELDING_BETROKKENEN");
    assertThat(jdbc.queryForList("SELECT ontvanger_naam FROM avg_brief WHERE referentie = ? ORDER BY ontvanger_naam",
        String.class, ref)).containsExactly("Anna de Vries", "Jan Jansen");
    // Anna has no e-mail address: her notification waits for the post, so the data subjects are not informed yet
    assertThat(jdbc.queryForObject("SELECT status FROM avg_brief WHERE referentie = ? AND ontvanger_naam = ?",
        String.class, ref, "Anna de Vries")).isEqualTo("WACHT_OP_POST");
    assertThat(pi).isWaitingAt("Task_WachtenOpPostBetrokkene");
    assertThat(register.haal(ref).ja("betrokkenenGeinformeerd")).isNotEqualTo(Boolean.TRUE);
    assertThat(register.haal(ref).ja("verzendingWachtOpPost")).as("register shows the letter waiting").isTrue();
    assertThat(register.lijst(null)).filteredOn(lek -> lek.referentie().equals(ref))
        .singleElement().satisfies(lek -> assertThat(lek.ja("verzendingWachtOpPost")).isTrue());
    assertThat(taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_BesluitDerden").count())
        .isZero();
    var post = taskService.createTaskQuery().processInstanceBusinessKey(ref)
        .taskDefinitionKey("Task_BriefAfdrukkenEnVersturen").taskCandidateGroup("privacycoordinator").singleResult();
    assertThat(post).isNotNull();
    assertThat(taskService.getVariable(post.getId(), "postOntvanger")).isEqualTo("Anna de Vries");
    String vandaag = ClockUtil.getCurrentTime().toInstant().atZone(java.time.ZoneId.of("Europe/Amsterdam"))
        .toLocalDate().toString();
    assertThatThrownBy(() -> taskService.complete(post.getId(), Map.of("postVerzendwijze", "BETEKENING_EXPLOOT",
        "gepostOp", vandaag))).hasMessageContaining("(explootnummer): vul dit veld in");
    assertThat(pi).isWaitingAt("Task_WachtenOpPostBetrokkene");
    taskService.complete(post.getId(), Map.of("postVerzendwijze", "GEWONE_POST", "gepostOp", vandaag));
    hulp.voerJobsUit(pid);
    assertThat(jdbc.queryForList("SELECT status FROM avg_brief WHERE referentie = ?", String.class, ref))
        .containsOnly("VERZONDEN");
    assertThat(register.haal(ref).ja("betrokkenenGeinformeerd")).isTrue();
    assertThat(register.haal(ref).ja("verzendingWachtOpPost")).isFalse();
    hulp.voltooi(pid, "Task_BesluitDerden", Map.of("derdenGeinformeerd", "JA", "derdenToelichting",
        "KBvG en softwareleverancier."), "directie");
    hulp.voerJobsUit(pid);
    assertThat(brieven(ref)).endsWith("DATALEK_BERICHT_MELDER");
    Datalek dicht = register.haal(ref);
    assertThat(dicht.status()).isEqualTo(DatalekStatus.AFGESLOTEN);
    assertThat(dicht.moment("afgeslotenOp")).isNotNull();
    assertThat(dicht.ja("derdenGeinformeerd")).isTrue();
    assertThat(pi).isWaitingAt("Event_VierWeken");
    assertThat(taskService.createTaskQuery().processInstanceId(pid).count()).isZero();

    // evaluation 4 weeks after closing (PH-PRO-04 §6.1)
    zet(ontdekt.plusHours(80).plusDays(27));
    hulp.voerJobsUit(pid);
    assertThat(pi).isWaitingAt("Event_VierWeken");
    zet(ontdekt.plusHours(80).plusDays(28).plusMinutes(1));
    hulp.voerJobsUit(pid);
    Map<String, Object> evaluatie = new HashMap<>();
    for (String v : List.of("evalApTijdig", "evalTeam", "evalBetrokkenen", "evalSchadebeperking", "evalPreventie",
        "evalEerderSignaleren", "evalConclusie")) {
      evaluatie.put(v, "Antwoord " + v);
    }
    hulp.voltooi(pid, "Task_Evalueren", evaluatie, "directie", "fg");
    assertThat(pi).isEnded();
    Datalek klaar = register.haal(ref);
    assertThat(klaar.status()).isEqualTo(DatalekStatus.GEEVALUEERD);
    assertThat(klaar.tekst("evaluatie")).contains("Is de melding aan de AP tijdig gedaan?\nAntwoord evalApTijdig");
    assertThat(register.historie(ref)).extracting(nl.deurwaarder.avg.registerhistorie.Registertabel.Historieregel::veld)
        .contains("registratie", "criteriaUitkomst", "isDatalek", "ernst", "apGemeld", "brief", "evaluatie");
    onthoud(pid);
  }

  @Test
  @Order(2)
  void limitedBreachDirectieDecidesNotToNotifyAfterFgAdvice() {
    Datalek d = meld(T0.minusHours(5), Bron.VERWERKER);
    String pid = proces(d.referentie()).getId();
    assertThat(d.ja("verwerkerTijdig")).isTrue();
    hulp.voerJobsUit(pid);
    details(pid, "JA", "WAARSCHIJNLIJK", "ONVOLDOENDE");
    assertThat(register.haal(d.referentie()).tekst("criteriaUitkomst")).isEqualTo("DATALEK");
    assertThat(taskService.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_FgAdviesBeoordeling")
        .count()).isZero();
    hulp.voltooi(pid, "Task_BeoordelingVastleggen", Map.of("isDatalek", "JA", "beoordelingToelichting",
        "Alle drie de criteria."), "privacycoordinator");
    hulp.voltooi(pid, "Task_OmvangInschatten", omvang(true), "privacycoordinator");
    assertThat(register.haal(d.referentie()).ernst()).isEqualTo(Ernst.BEPERKT);
    hulp.voltooi(pid, "Task_ScenarioAfhandelen", Map.of("afhandelingScenario", "Verkeerd gemaild: mail teruggeroepen."),
        "privacycoordinator");
    assertThatThrownBy(() -> hulp.voltooi(pid, "Task_MeldingVoorstellen", Map.of("apVoorstel", "NIET_MELDEN"),
        "privacycoordinator")).hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("apBesluitToelichting");
    hulp.voltooi(pid, "Task_MeldingVoorstellen", Map.of("apVoorstel", "NIET_MELDEN", "apBesluitToelichting",
        "Versleutelde bijlage, ontvanger betrouwbaar."), "privacycoordinator");
    hulp.voltooi(pid, "Task_FgAdviesNietMelden", Map.of("fgApAdvies", "MELDEN", "fgAdviesAp",
        "Toch melden: ontvanger onbekend."), "fg");
    // against the FG's advice: the motivation goes into the register of deviations (PH-ORG-02 §3.1)
    taskService.claim(hulp.taak(pid, "Task_DirectieBesluitMelding", "directie").getId(), "directie");
    hulp.voltooi(pid, "Task_DirectieBesluitMelding", Map.of("apBesluit", "NIET_MELDEN", "apBesluitToelichting",
        "Ontvanger is een bekende deurwaarder; bijlage was versleuteld."), "directie");
    assertThat(afwijkingen.vanReferentie(d.referentie())).singleElement().satisfies(a -> {
      assertThat(a.soort()).isEqualTo(nl.deurwaarder.avg.afwijking.Afwijkingssoort.DATALEK_AP_MELDING);
      assertThat(a.fgAdvies()).isEqualTo("MELDEN");
      assertThat(a.fgToelichting()).isEqualTo("Toch melden: ontvanger onbekend.");
      assertThat(a.besluit()).isEqualTo("NIET_MELDEN");
      assertThat(a.motivering()).contains("bekende deurwaarder");
      assertThat(a.beslotenDoor()).isEqualTo("directie");
      assertThat(a.beslotenOp()).isNotNull();
    });
    assertThat(hulp.timers(pid)).isEmpty();
    hulp.voltooi(pid, "Task_RisicoBetrokkenen", Map.of("betrokkenenAdvies", "MELDEN", "betrokkenenAdviesFg",
        "Wel informeren: adresgegevens."), "fg");
    // not informing against the FG's advice needs a motivation; without it nothing changes
    assertThatThrownBy(() -> hulp.voltooi(pid, "Task_BesluitBetrokkenen", Map.of("betrokkenenMelden", "NEE"),
        "directie")).hasMessageContaining("betrokkenenBesluitMotivering").hasMessageContaining("vul dit veld in"); // the form shows the field exactly then (form contract)
    assertThat(afwijkingen.vanReferentie(d.referentie())).hasSize(1);
    hulp.voltooi(pid, "Task_BesluitBetrokkenen", Map.of("betrokkenenMelden", "NEE", "betrokkenenBesluitMotivering",
        "Mail teruggeroepen voordat hij gelezen is."), "directie");
    assertThat(afwijkingen.vanReferentie(d.referentie())).hasSize(2).last().satisfies(a -> {
      assertThat(a.soort()).isEqualTo(nl.deurwaarder.avg.afwijking.Afwijkingssoort.DATALEK_BETROKKENEN);
      assertThat(a.fgAdvies()).isEqualTo("MELDEN");
      assertThat(a.besluit()).isEqualTo("NIET_MELDEN");
      assertThat(a.motivering()).isEqualTo("Mail teruggeroepen voordat hij gelezen is.");
    });
    hulp.voltooi(pid, "Task_BesluitDerden", Map.of("derdenGeinformeerd", "NEE"), "directie");
    hulp.voerJobsUit(pid);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    Datalek dicht = register.haal(d.referentie());
    assertThat(dicht.tekst("apBesluit")).isEqualTo("NIET_MELDEN");
    assertThat(dicht.ja("apGemeld")).isFalse();
    assertThat(dicht.ja("betrokkenenGeinformeerd")).isFalse();
    assertThat(dicht.status()).isEqualTo(DatalekStatus.AFGESLOTEN);
    assertThat(brieven(d.referentie())).containsExactly("DATALEK_BERICHT_MELDER");
    onthoud(pid);
  }

  @Test
  @Order(3)
  void aSignalThatIsNoBreachIsClosedAndTheReporterTold() {
    Datalek d = meld(T0.minusHours(1), Bron.EXTERN);
    String pid = proces(d.referentie()).getId();
    hulp.voerJobsUit(pid);
    details(pid, "NEE", "TWIJFEL", "TWIJFEL");
    hulp.voltooi(pid, "Task_BeoordelingVastleggen", Map.of("isDatalek", "NEE", "beoordelingToelichting",
        "Alleen bedrijfsgegevens.", "berichtAanMelder", "Er waren geen persoonsgegevens betrokken."),
        "privacycoordinator");
    assertThat(hulp.timers(pid)).isEmpty();
    hulp.voerJobsUit(pid);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pid).count()).isZero();
    Datalek dicht = register.haal(d.referentie());
    assertThat(dicht.ja("isDatalek")).isFalse();
    assertThat(dicht.ernst()).isEqualTo(Ernst.GEEN_DATALEK);
    assertThat(dicht.status()).isEqualTo(DatalekStatus.AFGESLOTEN);
    assertThat(brieven(d.referentie())).containsExactly("DATALEK_BERICHT_MELDER");
    onthoud(pid);
  }

  @Test
  @Order(4)
  void reportedSeventyHoursAfterDiscoveryEscalatesAtTheSeventyTwoHourMarkNotSeventyTwoHoursAfterReporting()
      throws Exception {
    ZonedDateTime ontdekt = T0.minusHours(70);
    Datalek d = meld(ontdekt, Bron.MEDEWERKER);
    String ref = d.referentie();
    String pid = proces(ref).getId();
    assertThat(d.apMeldingUiterlijk().toInstant()).isEqualTo(T0.plusHours(2).toInstant());
    hulp.voerJobsUit(pid); // confirmation, and the 24-hour warning that is already due
    assertThat(hulp.mails(ref)).contains("Nog 24 uur: melding datalek " + ref + " bij de AP → "
        + "coordinator@kantoor.example,directie@kantoor.example");
    assertThat(urenResterend(pid, "Task_DetailsUitwerken")).isEqualTo(2);
    assertThat(hulp.timers(pid)).extracting(Job::getDuedate).extracting(Date::toInstant)
        .containsExactly(T0.plusHours(2).toInstant());
    details(pid, "JA", "JA", "INBREUK");
    hulp.voltooi(pid, "Task_BeoordelingVastleggen", Map.of("isDatalek", "JA", "beoordelingToelichting", "Duidelijk."),
        "privacycoordinator");
    zet(T0.plusHours(2).minusMinutes(1));
    hulp.voerJobsUit(pid);
    assertThat(hulp.mails(ref)).noneMatch(m -> m.startsWith("Termijn verstreken"));
    zet(T0.plusHours(2).plusMinutes(1));
    hulp.voerJobsUit(pid);
    assertThat(hulp.mails(ref)).contains("Termijn verstreken: datalek " + ref + " niet tijdig bij de AP gemeld → "
        + "directie@kantoor.example,fg@kantoor.example");
    hulp.voltooi(pid, "Task_TermijnVerstreken", Map.of("escalatieActie", "Coördinator opgedragen direct te melden."),
        "directie", "fg");
    assertThat(urenResterend(pid, "Task_OmvangInschatten")).isEqualTo(-1);
    hulp.voltooi(pid, "Task_OmvangInschatten", omvang(true), "privacycoordinator");
    hulp.voltooi(pid, "Task_ScenarioAfhandelen", Map.of("afhandelingScenario", "Scenario gevolgd."),
        "privacycoordinator");
    hulp.voltooi(pid, "Task_MeldingVoorstellen", Map.of("apVoorstel", "MELDEN"), "privacycoordinator");
    Map<String, Object> melding = new HashMap<>();
    melding.put("apMeldingOp", iso(T0.plusHours(3)));
    melding.put("apKenmerk", "AP-2026-9");
    melding.put("apMeldingSoort", "DEFINITIEF");
    zet(T0.plusHours(3).plusMinutes(10));
    assertThatThrownBy(() -> hulp.voltooi(pid, "Task_MeldingIndienen", melding, "privacycoordinator"))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("reden van de vertraging");
    melding.put("apTeLaatReden", "Melding kwam pas 70 uur na ontdekking binnen.");
    hulp.voltooi(pid, "Task_MeldingIndienen", melding, "privacycoordinator");
    assertThat(register.haal(ref).tekst("apTeLaatReden")).startsWith("Melding kwam pas");
    assertThat(taskService.createTaskQuery().processInstanceId(pid).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_RisicoBetrokkenen");
    onthoud(pid);
  }

  @Test
  @Order(5)
  void anyEmployeeReportsInTasklistAndCannotChooseTheReference() {
    String def = repositoryService.createProcessDefinitionQuery().processDefinitionKey("avg-datalek").latestVersion()
        .singleResult().getId();
    Map<String, Object> form = new HashMap<>();
    form.put("omschrijving", "Laptop in de trein laten liggen.");
    form.put("ontdektOp", "2026-03-02T08:15+01:00");
    form.put("bron", "MEDEWERKER");
    form.put("referentie", "DL-1999-0001");
    identityService.setAuthentication("medewerker", List.of("medewerker"));
    ProcessInstance pi;
    try {
      pi = formService.submitStartForm(def, form);
      Map<String, Object> slecht = new HashMap<>(form);
      slecht.put("ontdektOp", "2026-03-09T08:15+01:00");
      slecht.put("omschrijving", " ");
      assertThatThrownBy(() -> formService.submitStartForm(def, slecht)).isInstanceOf(BadUserRequestException.class)
          .hasMessageContaining("Mag niet in de toekomst liggen").hasMessageContaining("Beschrijf wat er is gebeurd");
    } finally {
      identityService.clearAuthentication();
    }
    String ref = pi.getBusinessKey();
    assertThat(ref).matches("DL-2026-\\d{4}").isNotEqualTo("DL-1999-0001");
    Datalek d = register.haal(ref);
    assertThat(d.tekst("gemeldDoor")).isEqualTo("medewerker");
    assertThat(d.tekst("melderEmail")).isEqualTo("medewerker@kantoor.example");
    assertThat(d.apMeldingUiterlijk().toInstant()).isEqualTo(OffsetDateTime.parse("2026-03-05T08:15+01:00")
        .toInstant());
    assertThat(register.vind("DL-1999-0001")).isEmpty();
    runtimeService.deleteProcessInstance(pi.getId(), "test");
  }

  @Test
  @Order(9)
  void togetherThePathsPassEveryFlowNodeAndSequenceFlow() {
    String def = repositoryService.createProcessDefinitionQuery().processDefinitionKey("avg-datalek").latestVersion()
        .singleResult().getId();
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(def);
    Set<String> knopen = model.getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId)
        .collect(Collectors.toSet());
    assertThat(GEZIEN).containsAll(knopen);
    // a sequence flow was taken when its target ran right after its source in some instance
    Set<String> genomen = new HashSet<>();
    for (HistoricActivityInstance a : historyService.createHistoricActivityInstanceQuery()
        .processDefinitionId(def).list()) {
      genomen.add(a.getActivityId());
    }
    for (SequenceFlow f : model.getModelElementsByType(SequenceFlow.class)) {
      assertThat(genomen).as(f.getId()).contains(f.getSource().getId(), f.getTarget().getId());
    }
  }
}
