package nl.deurwaarder.avg.verwerkingsregister;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.AvgSpringTest;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** "Verwerking wijzigen (PH-PRO-03)": every path, who gets which task, what the register says. */
@AvgSpringTest
class VerwerkingWijzigenProcesTest {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @Autowired
  ProcessEngine processEngine;
  @Autowired
  FormService formService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  HistoryService historyService;
  @Autowired
  Verwerkingsregister register;
  @Autowired
  Voorstellen voorstellen;

  @BeforeEach
  void klok() {
    BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 6, 10, 10, 0, 0, 0, AMSTERDAM).toInstant()));
  }

  @AfterEach
  void herstel() {
    ClockUtil.reset();
  }

  static Map<String, Object> nieuweVerwerking(String code, String hoogRisico) {
    Map<String, Object> f = new HashMap<>();
    f.put("soortWijziging", "NIEUW");
    f.put("verwerkingCode", code);
    f.put("verwerkingNaam", "Registratie thuiswerkplekken");
    f.put("doeleind", "Beheren van de thuiswerkplekken en de daarvoor verstrekte middelen.");
    f.put("grondslag", "B");
    f.put("bedrijfsvoering", "JA");
    f.put("grondslagToelichting", "Uitvoering van de arbeidsovereenkomst; reguliere bedrijfsvoering.");
    f.put("eigenaar", "Directie");
    f.put("categorieenBetrokkenen", "Medewerker");
    f.put("categorieenOntvangers", "Geen verstrekking aan derden");
    f.put("bewaartermijn", "2 jaar na het einde van het dienstverband");
    f.put("bewaartermijnPeriode", "P2Y");
    f.put("bewaartermijnAanvang", "einde van het dienstverband");
    f.put("bewaartermijnBron", "PH-ALG-05 §5");
    f.put("beveiliging", "Alleen toegankelijk voor directie en ICT");
    f.put("verwerkers", "ICT-dienstverlener");
    f.put("systemen", "HR-systeem");
    f.put("hoogRisico", hoogRisico);
    f.put("gegevenstypen", "Thuisadres | Medewerker | b | Medewerker\nUitgeleende apparatuur | Medewerker | | ICT-beheer");
    f.put("toelichting", "Sinds het thuiswerkbeleid registreren we thuiswerkplekken.");
    return f;
  }

  private String definitie() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey("avg-verwerking-wijzigen")
        .latestVersion().singleResult().getId();
  }

  private ProcessInstance start(Map<String, Object> formulier) {
    return formService.submitStartForm(definitie(), formulier);
  }

  private static Date eindeVanDag(int jaar, int maand, int dag) {
    return Date.from(ZonedDateTime.of(jaar, maand, dag, 23, 59, 59, 0, AMSTERDAM).toInstant());
  }

  @Test
  void aNewProcessingIsADraftUntilTheFgApprovesThenItIsPublishedAsANewVersion() {
    int voor = register.gepubliceerd().orElseThrow().versienummer();
    ProcessInstance pi = start(nieuweVerwerking("60.2.11", "NEE"));

    assertThat(pi).isWaitingAt("Task_VoorstelBeoordelen")
        .hasPassed("Task_VoorstelVastleggen", "Gateway_PiaNodig").hasNotPassed("Task_PiaUitvoeren");
    assertThat(taak(pi)).hasCandidateGroup("fg").hasDueDate(eindeVanDag(2026, 6, 24));
    // the draft is not in the published register
    assertThat(register.gepubliceerd().orElseThrow().verwerking("60.2.11")).isEmpty();
    assertThat(register.gepubliceerd().orElseThrow().versienummer()).isEqualTo(voor);
    assertThat((String) runtimeService.getVariable(pi.getId(), "voorstelSamenvatting"))
        .contains("Nieuwe verwerking 60.2.11 Registratie thuiswerkplekken", "Thuisadres");

    taskService.claim(taak(pi).getId(), "fg");
    taskService.complete(taak(pi).getId(), Map.of("fgBesluit", "AKKOORD"));

    assertThat(pi).isEnded().hasPassed("Task_NieuweVersiePubliceren", "EndEvent_VersieGepubliceerd");
    RegisterVersie nu = register.gepubliceerd().orElseThrow();
    assertThat(nu.versienummer()).isGreaterThan(voor);
    assertThat(nu.gepubliceerdDoor()).isEqualTo("fg");
    assertThat(nu.omschrijving()).isEqualTo("Nieuwe verwerking 60.2.11 Registratie thuiswerkplekken");
    Verwerking v = nu.verwerking("60.2.11").orElseThrow();
    assertThat(v.gegevenstypen()).extracting(Gegevenstype::naam)
        .containsExactly("Thuisadres", "Uitgeleende apparatuur");
    // the second data type takes what the processing says
    Gegevenstype apparatuur = v.gegevenstypen().get(1);
    assertThat(apparatuur.grondslag()).isEqualTo(Grondslag.B);
    assertThat(apparatuur.bewaartermijn().periode()).isEqualTo("P2Y");
    assertThat(apparatuur.systemen()).containsExactly("HR-systeem");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("registerversie").singleResult().getValue()).isEqualTo(nu.versienummer());
  }

  @Test
  void aHighRiskProposalGetsAPiaTheFgSendsItBackAndTheAdjustedProposalIsPublishedWithoutASecondPia() {
    ProcessInstance pi = start(nieuweVerwerking("60.2.12", "JA"));

    assertThat(pi).isWaitingAt("Task_PiaUitvoeren");
    assertThat(taak(pi)).hasCandidateGroup("privacycoordinator").hasDueDate(eindeVanDag(2026, 7, 8));
    assertThatThrownBy(() -> taskService.complete(taak(pi).getId(), Map.of("piaUitkomst", "AANVAARDBAAR")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("(piaMaatregelen): vul dit veld in");
    taskService.complete(taak(pi).getId(), Map.of("piaUitkomst", "AANVAARDBAAR_MET_MAATREGELEN",
        "piaMaatregelen", "Geen privé-apparatuur; versleutelde laptops."));
    // the FG advises on the PIA, the directie decides (PiaProcesTest walks the other outcomes)
    assertThat(pi).isWaitingAt("Task_FgAdviesPia");
    taskService.complete(taak(pi).getId(), Map.of("fgPiaAdvies", "DOORGAAN", "fgPiaToelichting", "Akkoord."));
    assertThat(taak(pi)).hasCandidateGroup("directie");
    taskService.complete(taak(pi).getId(), Map.of("piaBesluit", "DOORGAAN"));

    assertThat(pi).isWaitingAt("Task_VoorstelBeoordelen");
    assertThatThrownBy(() -> taskService.complete(taak(pi).getId(), Map.of("fgBesluit", "TERUG")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("(fgOpmerkingen): vul dit veld in");
    taskService.complete(taak(pi).getId(), Map.of("fgBesluit", "TERUG",
        "fgOpmerkingen", "Beperk het doeleind tot de verstrekte middelen."));

    assertThat(pi).isWaitingAt("Task_VoorstelAanpassen");
    assertThat(taak(pi)).hasCandidateGroup("privacycoordinator");
    Map<String, Object> aangepast = new HashMap<>();
    aangepast.put("doeleind", "Beheren van de aan medewerkers verstrekte middelen voor thuiswerken.");
    aangepast.put("toelichting", "Doeleind beperkt op advies van de FG.");
    aangepast.put("grondslag", "F");
    aangepast.put("bedrijfsvoering", "NEE");
    // a change that breaks the basis-f rule is refused on the spot
    assertThatThrownBy(() -> taskService.complete(taak(pi).getId(), aangepast))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("grondslag f (gerechtvaardigd belang) is niet toegestaan");
    aangepast.put("grondslag", "B");
    aangepast.put("bedrijfsvoering", "JA");
    taskService.complete(taak(pi).getId(), aangepast);

    // the PIA was done: straight to the FG, who decides again (the earlier decision is cleared)
    assertThat(pi).isWaitingAt("Task_VoorstelBeoordelen");
    assertThat(runtimeService.getVariable(pi.getId(), "fgBesluit")).isNull();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .activityId("Task_PiaUitvoeren").count()).isEqualTo(1);
    taskService.complete(taak(pi).getId(), Map.of("fgBesluit", "AKKOORD"));

    assertThat(pi).isEnded();
    Verwerking v = register.gepubliceerd().orElseThrow().verwerking("60.2.12").orElseThrow();
    assertThat(v.doeleind()).isEqualTo("Beheren van de aan medewerkers verstrekte middelen voor thuiswerken.");
    assertThat(v.hoogRisico()).isTrue();
    Voorstel voorstel = voorstellen.haal(((Number) historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName("voorstelId").singleResult().getValue()).longValue());
    assertThat(voorstel.status()).isEqualTo(Voorstel.Status.GEPUBLICEERD);
    assertThat(voorstel.piaUitkomst()).isEqualTo("AANVAARDBAAR_MET_MAATREGELEN");
    assertThat(voorstel.fgBesluit()).isEqualTo("AKKOORD");

    // this instance went through the main line, the PIA and the loop back (PiaProcesTest walks the PIA outcomes)
    List<String> doorlopen = historyService.createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
        .list().stream().map(HistoricActivityInstance::getActivityId).toList();
    assertThat(doorlopen).contains("Task_PiaNodigBepalen", "Task_PiaUitvoeren", "Task_FgAdviesPia",
        "Task_DirectieBesluitPia", "Gateway_PiaAfgerond", "Task_VoorstelAanpassen", "Task_NieuweVersiePubliceren");
  }

  @Test
  void basisFWithoutBusinessOperationsIsRefusedAtTheStartAndNothingIsStored() {
    long instanties = runtimeService.createProcessInstanceQuery().processDefinitionKey("avg-verwerking-wijzigen")
        .count();
    Map<String, Object> f = nieuweVerwerking("50.2.9", "NEE");
    f.put("grondslag", "F");
    f.put("bedrijfsvoering", "NEE");
    assertThatThrownBy(() -> start(f)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Het voorstel is niet vastgelegd")
        .hasMessageContaining("grondslag f (gerechtvaardigd belang) is niet toegestaan")
        .hasMessageContaining("PH-PRO-03 §3.3");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("avg-verwerking-wijzigen").count())
        .isEqualTo(instanties);
  }

  @Test
  void aChangeKeepsEmptyFieldsAndAWithdrawalRemovesTheProcessing() {
    Task fg;
    start(nieuweVerwerking("60.2.13", "NEE"));
    fg = taskService.createTaskQuery().processDefinitionKey("avg-verwerking-wijzigen")
        .processVariableValueEquals("verwerkingCode", "60.2.13").singleResult();
    taskService.complete(fg.getId(), Map.of("fgBesluit", "AKKOORD"));

    Map<String, Object> wijziging = new HashMap<>();
    wijziging.put("soortWijziging", "WIJZIGING");
    wijziging.put("verwerkingCode", "60.2.13");
    wijziging.put("bewaartermijn", "1 jaar na het einde van het dienstverband");
    wijziging.put("bewaartermijnPeriode", "P1Y");
    wijziging.put("toelichting", "Kortere termijn.");
    ProcessInstance pi = start(wijziging);
    taskService.complete(taak(pi).getId(), Map.of("fgBesluit", "AKKOORD"));
    Verwerking v = register.gepubliceerd().orElseThrow().verwerking("60.2.13").orElseThrow();
    assertThat(v.naam()).isEqualTo("Registratie thuiswerkplekken");
    assertThat(v.bewaartermijn().periode()).isEqualTo("P1Y");
    assertThat(v.gegevenstypen()).hasSize(2);

    Map<String, Object> vervallen = Map.of("soortWijziging", "VERVALLEN", "verwerkingCode", "60.2.13",
        "toelichting", "Thuiswerkregeling beëindigd.");
    ProcessInstance weg = start(vervallen);
    taskService.complete(taak(weg).getId(), Map.of("fgBesluit", "AKKOORD"));
    assertThat(register.gepubliceerd().orElseThrow().verwerking("60.2.13")).isEmpty();
    assertThat(register.gepubliceerd().orElseThrow().omschrijving())
        .isEqualTo("Verwerking 60.2.13 Registratie thuiswerkplekken vervallen");

    assertThatThrownBy(() -> start(Map.of("soortWijziging", "WIJZIGING", "verwerkingCode", "60.2.13",
        "toelichting", "x"))).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("staat niet in het gepubliceerde register");
  }

  private Task taak(ProcessInstance pi) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }
}
