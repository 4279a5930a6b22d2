package nl.deurwaarder.avg.verwerkingsregister;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.afwijking.Afwijkingenregister;
import nl.deurwaarder.avg.afwijking.Afwijkingssoort;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * PIA with consequences (PH-PRO-08, AVG art. 35/36): the decision table, every path after a PIA (go ahead, do not,
 * prior consultation of the AP with its 8 + 6 weeks), the publication block, the FG deviation, and the one-time check
 * of existing processings. The last test checks that the paths together pass every flow node of both diagrams.
 */
@AvgSpringTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PiaProcesTest {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final Set<String> GEZIEN = new HashSet<>();

  @Autowired ProcessEngine processEngine;
  @Autowired FormService formService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired DecisionService decisionService;
  @Autowired Verwerkingsregister register;
  @Autowired Voorstellen voorstellen;
  @Autowired PiaDossier dossier;
  @Autowired Afwijkingenregister afwijkingen;
  @Autowired EenmaligePiaToets eenmaligeToets;

  @BeforeEach
  void klok() {
    BpmnAwareTests.init(processEngine);
    zet(2026, 6, 10);
  }

  @AfterEach
  void herstel() {
    ClockUtil.reset();
  }

  static void zet(int jaar, int maand, int dag) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(jaar, maand, dag, 10, 0, 0, 0, AMSTERDAM).toInstant()));
  }

  static Date eindeVanDag(int jaar, int maand, int dag) {
    return Date.from(ZonedDateTime.of(jaar, maand, dag, 23, 59, 59, 0, AMSTERDAM).toInstant());
  }

  private ProcessInstance start(String code, Map<String, Object> extra) {
    Map<String, Object> f = VerwerkingWijzigenProcesTest.nieuweVerwerking(code, "NEE");
    f.putAll(extra);
    String def = repositoryService.createProcessDefinitionQuery().processDefinitionKey("avg-verwerking-wijzigen")
        .latestVersion().singleResult().getId();
    return formService.submitStartForm(def, f);
  }

  private Task taak(ProcessInstance pi, String key) {
    Task t = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).singleResult();
    assertThat(t).as(key).isNotNull();
    return t;
  }

  private void voltooi(ProcessInstance pi, String key, String wie, Object... kv) {
    Task t = taak(pi, key);
    taskService.claim(t.getId(), wie);
    Map<String, Object> v = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      v.put((String) kv[i], kv[i + 1]);
    }
    try {
      taskService.complete(t.getId(), v);
    } catch (RuntimeException e) {
      taskService.setAssignee(t.getId(), null);
      throw e;
    }
  }

  private long voorstelId(ProcessInstance pi) {
    return ((Number) historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("voorstelId").singleResult().getValue()).longValue();
  }

  private void onthoud(ProcessInstance pi) {
    historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).list()
        .forEach(a -> GEZIEN.add(a.getActivityId()));
  }

  private void piaMetUitkomst(ProcessInstance pi, String uitkomst) {
    assertThat(pi).isWaitingAt("Task_PiaUitvoeren");
    voltooi(pi, "Task_PiaUitvoeren", "coordinator", "piaUitkomst", uitkomst, "piaMaatregelen",
        "Versleuteling, toegang alleen voor de afdeling.");
    assertThat(pi).isWaitingAt("Task_FgAdviesPia");
    assertThat(taak(pi, "Task_FgAdviesPia")).hasCandidateGroup("fg");
  }

  @Test
  @Order(1)
  void theDecisionTableFollowsArticle35TheApListAndTwoEdpbCriteria() {
    record Geval(List<String> art35, List<String> ap, List<String> edpb, String hoog, boolean nodig, String grond) {
    }
    List<Geval> gevallen = List.of(
        new Geval(List.of(), List.of(), List.of(), "NEE", false, "Geen criterium"),
        new Geval(List.of("MONITORING_OPENBARE_RUIMTE"), List.of(), List.of(), "NEE", true, "Art. 35 lid 3 sub c"),
        new Geval(List.of(), List.of("FINANCIELE_SITUATIE"), List.of(), "NEE", true,
            "Lijst verplichte DPIA van de AP (5. Financiële situatie)"),
        new Geval(List.of(), List.of("BIOMETRISCHE_GEGEVENS"), List.of(), "NEE", true, "(17. Biometrische gegevens)"),
        new Geval(List.of(), List.of(), List.of("GROOTSCHALIG"), "NEE", false, "Geen criterium"),
        new Geval(List.of(), List.of(), List.of("GROOTSCHALIG", "KWETSBARE_BETROKKENEN"), "NEE", true,
            "Twee of meer criteria van de EDPB"),
        new Geval(List.of(), List.of(), List.of(), "JA", true, "De indiener schat het risico"));
    for (Geval g : gevallen) {
      DmnDecisionResult r = decisionService.evaluateDecisionByKey("pia-nodig").variables(Variables.createVariables()
          .putValue("piaArt35", g.art35()).putValue("piaApLijst", g.ap()).putValue("piaEdpbCriteria", g.edpb())
          .putValue("hoogRisico", g.hoog())).evaluate();
      assertThat(r.getSingleResult().<Boolean>getEntry("piaNodig")).as(g.toString()).isEqualTo(g.nodig());
      assertThat(r.getSingleResult().<String>getEntry("piaGrond")).as(g.toString()).contains(g.grond());
    }
  }

  @Test
  @Order(2)
  void noCriterionNoPiaAndTheDecisionIsOnTheProposal() {
    ProcessInstance pi = start("60.2.21", Map.of());
    assertThat(pi).isWaitingAt("Task_VoorstelBeoordelen").hasPassed("Task_PiaNodigBepalen")
        .hasNotPassed("Task_PiaUitvoeren");
    PiaDossier.Stand stand = dossier.stand(voorstelId(pi));
    assertThat(stand.piaNodig()).isFalse();
    assertThat(stand.piaGrond()).startsWith("Geen criterium");
    voltooi(pi, "Task_VoorstelBeoordelen", "fg", "fgBesluit", "AKKOORD");
    assertThat(pi).isEnded();
    assertThat(dossier.toetsVan("60.2.21")).hasValueSatisfying(r -> {
      assertThat(r.get("PIA_NODIG")).isEqualTo(false);
      assertThat(r.get("BRON")).isEqualTo("VOORSTEL");
    });
    onthoud(pi);
  }

  @Test
  @Order(3)
  void highResidualRiskMeansPriorConsultationWith8Plus6WeeksAndNoPublicationUntilTheApHasAnswered()
      throws Exception {
    ProcessInstance pi = start("60.2.22", Map.of("piaApLijst", "[\"FINANCIELE_SITUATIE\"]"));
    assertThat(dossier.stand(voorstelId(pi)).piaGrond()).contains("Financiële situatie");
    piaMetUitkomst(pi, "HOOG_RESTRISICO");
    voltooi(pi, "Task_FgAdviesPia", "fg", "fgPiaAdvies", "AP_RAADPLEGEN", "fgPiaToelichting",
        "Restrisico te hoog zonder oordeel van de AP.");
    assertThat(taak(pi, "Task_DirectieBesluitPia")).hasCandidateGroup("directie");
    // art. 36: with a high residual risk the directie cannot simply go ahead, not even with a motivation
    assertThatThrownBy(() -> voltooi(pi, "Task_DirectieBesluitPia", "directie", "piaBesluit", "DOORGAAN",
        "piaBesluitMotivering", "Haast.")).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("voorafgaande raadpleging van de AP (AVG art. 36)");
    voltooi(pi, "Task_DirectieBesluitPia", "directie", "piaBesluit", "AP_RAADPLEGEN");
    assertThat(afwijkingen.vanReferentie(pi.getBusinessKey())).isEmpty(); // followed the FG

    assertThat(taak(pi, "Task_RaadplegingVoorbereiden")).hasCandidateGroup("privacycoordinator");
    assertThatThrownBy(() -> voltooi(pi, "Task_RaadplegingVoorbereiden", "coordinator", "raadplegingInhoud",
        "Verzoek om raadpleging", "raadplegingIngediendOp", "2026-06-11")).hasMessageContaining("in de toekomst");
    voltooi(pi, "Task_RaadplegingVoorbereiden", "coordinator", "raadplegingInhoud",
        "PIA, maatregelen en contactgegevens FG voorgelegd.", "raadplegingIngediendOp", "2026-06-10");
    // eight weeks from submission: Wednesday 5 August 2026
    assertThat(taak(pi, "Task_ApAntwoordVastleggen")).hasCandidateGroup("privacycoordinator")
        .hasDueDate(eindeVanDag(2026, 8, 5));
    Job timer = managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(eindeVanDag(2026, 8, 5));
    assertThat(dossier.stand(voorstelId(pi)).apAntwoordUiterlijk()).isEqualTo(java.time.LocalDate.of(2026, 8, 5));

    // publishing now is refused, whatever path leads there
    assertThatThrownBy(() -> runtimeService.createProcessInstanceModification(pi.getId())
        .startBeforeActivity("Task_NieuweVersiePubliceren").execute())
        .hasMessageContaining("voorafgaande raadpleging van de AP (AVG art. 36) is niet afgerond");
    assertThat(register.gepubliceerd().orElseThrow().verwerking("60.2.22")).isEmpty();

    // the AP extends once by six weeks: 14 weeks, Wednesday 16 September 2026; a second extension is refused
    zet(2026, 7, 20);
    voltooi(pi, "Task_ApAntwoordVastleggen", "coordinator", "apAntwoord", "VERLENGD", "apAntwoordOp", "2026-07-20");
    assertThat(taak(pi, "Task_ApAntwoordVastleggen")).hasDueDate(eindeVanDag(2026, 9, 16));
    assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).timers().singleResult()
        .getDuedate()).isEqualTo(eindeVanDag(2026, 9, 16));
    assertThatThrownBy(() -> voltooi(pi, "Task_ApAntwoordVastleggen", "coordinator", "apAntwoord", "VERLENGD",
        "apAntwoordOp", "2026-07-20")).hasMessageContaining("maar één keer verlengen");
    assertThatThrownBy(() -> voltooi(pi, "Task_ApAntwoordVastleggen", "coordinator", "apAntwoord", "GEEN_BEZWAAR",
        "apAntwoordOp", "2026-06-01")).hasMessageContaining("tussen de indiening");

    // no answer by the deadline: a task to ask the AP; the answer task stays open
    zet(2026, 9, 17);
    managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).timers()
        .singleResult().getId());
    assertThat(taak(pi, "Task_ApTermijnVerstreken")).hasCandidateGroup("privacycoordinator");
    voltooi(pi, "Task_ApTermijnVerstreken", "coordinator", "navraagNotitie", "AP gebeld: antwoord volgt deze week.");
    assertThat(pi).isWaitingAt("Task_ApAntwoordVastleggen");

    voltooi(pi, "Task_ApAntwoordVastleggen", "coordinator", "apAntwoord", "GEEN_BEZWAAR", "apAntwoordOp",
        "2026-09-17", "apAntwoordToelichting", "AP z2026-123: geen bezwaar met de maatregelen.");
    assertThat(pi).isWaitingAt("Task_VoorstelBeoordelen");
    voltooi(pi, "Task_VoorstelBeoordelen", "fg", "fgBesluit", "AKKOORD");
    assertThat(pi).isEnded().hasPassed("Task_NieuweVersiePubliceren");
    assertThat(register.gepubliceerd().orElseThrow().verwerking("60.2.22")).isPresent();
    PiaDossier.Stand stand = dossier.stand(voorstelId(pi));
    assertThat(stand.apAntwoord()).isEqualTo("GEEN_BEZWAAR");
    assertThat(stand.apTermijnVerlengd()).isTrue();
    assertThat(stand.raadplegingIngediendOp()).isEqualTo(java.time.LocalDate.of(2026, 6, 10));
    onthoud(pi);
  }

  @Test
  @Order(4)
  void goingAheadAgainstTheFgsAdviceNeedsAMotivationAndIsRecordedAsADeviation() {
    ProcessInstance pi = start("60.2.23", Map.of("piaEdpbCriteria", List.of("GROOTSCHALIG", "GEVOELIGE_GEGEVENS")));
    piaMetUitkomst(pi, "AANVAARDBAAR_MET_MAATREGELEN");
    voltooi(pi, "Task_FgAdviesPia", "fg", "fgPiaAdvies", "NIET_DOORGAAN", "fgPiaToelichting",
        "De maatregelen zijn onvoldoende.");
    assertThatThrownBy(() -> voltooi(pi, "Task_DirectieBesluitPia", "directie", "piaBesluit", "DOORGAAN"))
        .hasMessageContaining("piaBesluitMotivering").hasMessageContaining("vul dit veld in"); // form contract
    assertThat(afwijkingen.vanReferentie(pi.getBusinessKey())).isEmpty();
    voltooi(pi, "Task_DirectieBesluitPia", "directie", "piaBesluit", "DOORGAAN", "piaBesluitMotivering",
        "Extra maatregel: logging per inzage.");
    assertThat(afwijkingen.vanReferentie(pi.getBusinessKey())).singleElement().satisfies(a -> {
      assertThat(a.soort()).isEqualTo(Afwijkingssoort.PIA_UITKOMST);
      assertThat(a.onderwerp()).isEqualTo("Besluit over de PIA (uitkomst aanvaardbaar met maatregelen)");
      assertThat(a.fgAdvies()).isEqualTo("NIET_DOORGAAN");
      assertThat(a.fgToelichting()).isEqualTo("De maatregelen zijn onvoldoende.");
      assertThat(a.besluit()).isEqualTo("DOORGAAN");
      assertThat(a.motivering()).isEqualTo("Extra maatregel: logging per inzage.");
      assertThat(a.beslotenDoor()).isEqualTo("directie");
    });
    assertThat(pi).isWaitingAt("Task_VoorstelBeoordelen");
    voltooi(pi, "Task_VoorstelBeoordelen", "fg", "fgBesluit", "AKKOORD");
    assertThat(pi).isEnded();
    assertThat(register.gepubliceerd().orElseThrow().verwerking("60.2.23")).isPresent();
    onthoud(pi);
  }

  @Test
  @Order(5)
  void theDirectieStopsTheProcessingAndNothingIsPublished() {
    ProcessInstance pi = start("60.2.24", Map.of("piaArt35", List.of("PROFILERING_MET_RECHTSGEVOLGEN")));
    piaMetUitkomst(pi, "HOOG_RESTRISICO");
    voltooi(pi, "Task_FgAdviesPia", "fg", "fgPiaAdvies", "NIET_DOORGAAN", "fgPiaToelichting", "Niet doen.");
    voltooi(pi, "Task_DirectieBesluitPia", "directie", "piaBesluit", "NIET_DOORGAAN");
    assertThat(pi).isEnded().hasPassed("EndEvent_NietDoorgegaan");
    assertThat(voorstellen.haal(voorstelId(pi)).status()).isEqualTo(Voorstel.Status.INGETROKKEN);
    assertThat(register.gepubliceerd().orElseThrow().verwerking("60.2.24")).isEmpty();
    onthoud(pi);
  }

  @Test
  @Order(6)
  void aWrittenAdviceOfTheApStopsTheProcessing() {
    ProcessInstance pi = start("60.2.25", Map.of("hoogRisico", "JA"));
    piaMetUitkomst(pi, "HOOG_RESTRISICO");
    voltooi(pi, "Task_FgAdviesPia", "fg", "fgPiaAdvies", "AP_RAADPLEGEN", "fgPiaToelichting", "Raadplegen.");
    voltooi(pi, "Task_DirectieBesluitPia", "directie", "piaBesluit", "AP_RAADPLEGEN");
    voltooi(pi, "Task_RaadplegingVoorbereiden", "coordinator", "raadplegingInhoud", "Voorgelegd.",
        "raadplegingIngediendOp", "2026-06-10");
    voltooi(pi, "Task_ApAntwoordVastleggen", "coordinator", "apAntwoord", "ADVIES_NIET_VERWERKEN", "apAntwoordOp",
        "2026-06-10", "apAntwoordToelichting", "AP: inbreuk op art. 5.");
    assertThat(pi).isEnded().hasPassed("EndEvent_NietDoorgegaanNaAdviesAp");
    assertThat(voorstellen.haal(voorstelId(pi)).status()).isEqualTo(Voorstel.Status.INGETROKKEN);
    assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    onthoud(pi);
  }

  @Test
  @Order(7)
  void existingProcessingsGetAOneTimeCheckOnceAndANeededPiaRunsThroughVerwerkingWijzigen() {
    int bestaand = (int) register.gepubliceerd().orElseThrow().verwerkingen()
        .filter(v -> !dossier.heeftToets(v.code())).count();
    assertThat(bestaand).isPositive();
    assertThat(eenmaligeToets.start()).isEqualTo(bestaand);
    assertThat(eenmaligeToets.start()).isZero(); // idempotent: a second start starts nothing
    List<ProcessInstance> toetsen = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(EenmaligePiaToets.PROCES).list();
    assertThat(toetsen).hasSizeGreaterThanOrEqualTo(bestaand);
    try {
      ProcessInstance geen = toetsen.get(0);
      String codeGeen = (String) runtimeService.getVariable(geen.getId(), "verwerkingCode");
      assertThat(geen.getBusinessKey()).isEqualTo("PIA-toets " + codeGeen);
      assertThat(taak(geen, "Task_PiaToetsBestaand")).hasCandidateGroup("privacycoordinator");
      voltooi(geen, "Task_PiaToetsBestaand", "coordinator", "hoogRisico", "NEE");
      assertThat(geen).isEnded().hasPassed("EndEvent_GeenPiaNodig");
      assertThat(dossier.toetsVan(codeGeen)).hasValueSatisfying(r -> {
        assertThat(r.get("PIA_NODIG")).isEqualTo(false);
        assertThat(r.get("GETOETST_DOOR")).isEqualTo("coordinator");
      });
      onthoud(geen);

      ProcessInstance wel = toetsen.get(1);
      String codeWel = (String) runtimeService.getVariable(wel.getId(), "verwerkingCode");
      voltooi(wel, "Task_PiaToetsBestaand", "coordinator", "hoogRisico", "NEE", "piaApLijst",
          List.of("FINANCIELE_SITUATIE"));
      assertThat(wel).isWaitingAt("Activity_VerwerkingWijzigen");
      ProcessInstance wijziging = runtimeService.createProcessInstanceQuery().superProcessInstanceId(wel.getId())
          .singleResult();
      assertThat(wijziging).isWaitingAt("Task_PiaUitvoeren");
      Voorstel v = voorstellen.haal(voorstelId(wijziging));
      assertThat(v.soort()).isEqualTo(Voorstel.Soort.WIJZIGING);
      assertThat(v.verwerking().code()).isEqualTo(codeWel);
      assertThat(v.aangemaaktDoor()).isEqualTo("coordinator");
      assertThat(dossier.stand(voorstelId(wijziging)).piaGrond()).contains("Financiële situatie");
      assertThat(taak(wijziging, "Task_PiaUitvoeren")).hasCandidateGroup("privacycoordinator");
      voltooi(wijziging, "Task_PiaUitvoeren", "coordinator", "piaUitkomst", "AANVAARDBAAR", "piaMaatregelen",
          "Bestaande maatregelen volstaan.");
      voltooi(wijziging, "Task_FgAdviesPia", "fg", "fgPiaAdvies", "DOORGAAN", "fgPiaToelichting", "Akkoord.");
      voltooi(wijziging, "Task_DirectieBesluitPia", "directie", "piaBesluit", "DOORGAAN");
      voltooi(wijziging, "Task_VoorstelBeoordelen", "fg", "fgBesluit", "AKKOORD");
      assertThat(wel).isEnded().hasPassed("EndEvent_PiaAfgerond");
      assertThat(dossier.toetsVan(codeWel)).hasValueSatisfying(r -> assertThat(r.get("PIA_NODIG")).isEqualTo(true));
      onthoud(wel);
      onthoud(wijziging);
    } finally {
      runtimeService.createProcessInstanceQuery().processDefinitionKey(EenmaligePiaToets.PROCES).list()
          .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test", true, true));
    }
  }

  @Test
  @Order(99)
  void togetherThePathsPassEveryFlowNodeOfBothDiagrams() {
    for (String key : List.of("avg-verwerking-wijzigen", EenmaligePiaToets.PROCES)) {
      String def = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
          .singleResult().getId();
      List<String> knopen = repositoryService.getBpmnModelInstance(def).getModelElementsByType(FlowNode.class)
          .stream().map(FlowNode::getId).toList();
      // Voorstel aanpassen is walked by VerwerkingWijzigenProcesTest
      assertThat(GEZIEN).as(key).containsAll(knopen.stream().filter(k -> !k.equals("Task_VoorstelAanpassen"))
          .toList());
    }
  }
}
