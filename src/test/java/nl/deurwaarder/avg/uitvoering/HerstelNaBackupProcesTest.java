package nl.deurwaarder.avg.uitvoering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.verzoek.Betrokkene;
import nl.deurwaarder.avg.verzoek.Kanaal;
import nl.deurwaarder.avg.verzoek.NieuwVerzoek;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekIntake;
import nl.deurwaarder.avg.verzoek.VerzoekRegister;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Herstel na back-up" (PH-PRO-05 §7.3, PH-PRO-06 §7.2): every flow node and flow, the backup day itself included,
 * the day before not, one task per request, the re-application logged in the table and the register history, and
 * who may start it. Each test works in a year of its own, later years later (the query looks "on or after" a date).
 */
@AvgSpringTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HerstelNaBackupProcesTest {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final String PROCES = "avg-herstel-na-backup";

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
  IdentityService identityService;
  @Autowired
  VerzoekIntake intake;
  @Autowired
  VerzoekRegister verzoeken;
  @Autowired
  Uitvoeringsregister register;
  @LocalServerPort
  int port;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  static void klok(int jaar, int maand, int dag) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(jaar, maand, dag, 10, 0, 0, 0, AMSTERDAM).toInstant()));
  }

  private Verzoek registreer(VerzoekType type) {
    return intake.registreer(new NieuwVerzoek(type, Kanaal.BRIEF, null,
        new Betrokkene("Karin Bos", "karin@example.org", null, null, "D-77"), null, "Verzoek."), "coordinator");
  }

  private void voer(Verzoek v, Uitvoeringssoort soort, String systeem, LocalDate op) {
    register.legVast(v.referentie(), List.of(NieuweUitvoering.van(soort, systeem, "D-77", "Adres en telefoon", op,
        null)), "coordinator");
  }

  private String definitie() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCES).latestVersion()
        .singleResult().getId();
  }

  private ProcessInstance start(Map<String, Object> formulier) {
    return formService.submitStartForm(definitie(), formulier);
  }

  private Task taakVoor(ProcessInstance pi, String referentie) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).list().stream()
        .filter(t -> referentie.equals(taskService.getVariable(t.getId(), "referentie"))).findFirst().orElseThrow();
  }

  private static Map<String, Object> antwoord(String uitkomst, String op, String opmerking) {
    Map<String, Object> m = new HashMap<>();
    m.put("herstelUitkomst", uitkomst);
    m.put("opnieuwToegepastOp", op);
    m.put("herstelOpmerking", opmerking);
    return m;
  }

  @Test
  @Order(1)
  void redoesEveryExecutionFromTheBackupDayOnOneTaskPerRequestAndLogsIt() throws Exception {
    klok(2035, 6, 1);
    Verzoek a = registreer(VerzoekType.VERWIJDERING);
    Verzoek b = registreer(VerzoekType.CORRECTIE);
    Verzoek c = registreer(VerzoekType.BEPERKING);
    klok(2035, 6, 20);
    voer(a, Uitvoeringssoort.WISSEN, "Dossierapplicatie", LocalDate.of(2035, 6, 10)); // the backup day itself
    voer(a, Uitvoeringssoort.ANONIMISEREN, "E-mailberichten", LocalDate.of(2035, 6, 12));
    voer(b, Uitvoeringssoort.CORRIGEREN, "Dossierapplicatie", LocalDate.of(2035, 6, 9)); // the day before
    register.legVast(c.referentie(), List.of(new NieuweUitvoering(Uitvoeringssoort.BEPERKEN,
        "Webportal justitiabelen", "D-77", "Adres afgeschermd", "Juistheid betwist", LocalDate.of(2035, 9, 1), null,
        LocalDate.of(2035, 6, 15), null)), "coordinator");

    ProcessInstance pi = start(Map.of("backupDatum", "10-06-2035"));

    assertThat(pi).isWaitingAt("Task_OpnieuwToepassen")
        .hasPassed("StartEvent_BackupTeruggezet", "Task_TeHerstellenBepalen", "Gateway_IetsTeHerstellen");
    List<Task> taken = taskService.createTaskQuery().processInstanceId(pi.getId()).list();
    assertThat(taken).extracting(Task::getName).containsExactlyInAnyOrder(
        "Wissing/correctie opnieuw toepassen: " + a.referentie(),
        "Wissing/correctie opnieuw toepassen: " + c.referentie());
    assertThat(taken).allSatisfy(t -> assertThat(t).hasCandidateGroup("privacycoordinator"));

    Task taakA = taakVoor(pi, a.referentie());
    Task taakC = taakVoor(pi, c.referentie());
    Map<String, Object> formA = formService.getTaskFormVariables(taakA.getId());
    assertThat(formA).containsEntry("backupDatumTekst", "10-06-2035").containsEntry("referentie", a.referentie())
        .containsEntry("herstelSystemenTekst", "alle systemen");
    assertThat((String) formA.get("herstelOverzicht"))
        .contains("**Dossierapplicatie** (dossier D-77): gewist op 10-06-2035 — Adres en telefoon")
        .contains("**E-mailberichten** (dossier D-77): onomkeerbaar geanonimiseerd op 12-06-2035");
    assertThat((String) taskService.getVariable(taakC.getId(), "herstelOverzicht"))
        .contains("Webportal justitiabelen", "beperkt op 15-06-2035", "reden: Juistheid betwist; tot 01-09-2035");

    // C: not needed, but only with a reason
    taskService.claim(taakC.getId(), "coordinator");
    assertThatThrownBy(() -> taskService.complete(taakC.getId(), antwoord("NIET_NODIG", "", null)))
        .hasMessageContaining("(herstelOpmerking): vul dit veld in");
    assertThatThrownBy(() -> taskService.complete(taakC.getId(), antwoord("MISSCHIEN", "", null)))
        .hasMessageContaining("'MISSCHIEN' hoort niet bij de opties");
    taskService.complete(taakC.getId(), antwoord("NIET_NODIG", "", "Portaal niet teruggezet"));
    // the other task keeps its own (empty) answer
    assertThat(taskService.getVariable(taakA.getId(), "herstelUitkomst")).isNull();

    // A: applied again; not in the future
    taskService.claim(taakA.getId(), "coordinator");
    assertThatThrownBy(() -> taskService.complete(taakA.getId(), antwoord("OPNIEUW_TOEGEPAST", "21-06-2035", null)))
        .hasMessageContaining("ligt in de toekomst");
    taskService.complete(taakA.getId(), antwoord("OPNIEUW_TOEGEPAST", "20-06-2035", null));

    assertThat(pi).isEnded().hasPassed("Task_HerstelAfronden", "EndEvent_HerstelAfgerond")
        .hasNotPassed("Task_HerstelZonderWerkVastleggen", "EndEvent_NietsOpnieuw");

    List<Heruitvoering> heruitA = register.heruitvoeringen(a.referentie());
    assertThat(heruitA).hasSize(2).allSatisfy(h -> {
      assertThat(h.uitkomst()).isEqualTo(Hersteluitkomst.OPNIEUW_TOEGEPAST);
      assertThat(h.opnieuwUitgevoerdOp()).isEqualTo(LocalDate.of(2035, 6, 20));
      assertThat(h.opnieuwUitgevoerdDoor()).isEqualTo("coordinator");
    });
    assertThat(heruitA).extracting(Heruitvoering::uitvoeringId)
        .containsExactlyElementsOf(register.uitvoeringen(a.referentie()).stream().map(Uitvoering::id).toList());
    assertThat(register.heruitvoeringen(b.referentie())).isEmpty();
    assertThat(register.heruitvoeringen(c.referentie())).singleElement().satisfies(h -> {
      assertThat(h.uitkomst()).isEqualTo(Hersteluitkomst.NIET_NODIG);
      assertThat(h.opmerking()).isEqualTo("Portaal niet teruggezet");
    });
    assertThat(verzoeken.historie(a.referentie())).filteredOn(h -> h.veld().equals("opnieuwToegepast"))
        .singleElement().satisfies(h -> {
          assertThat(h.gebruiker()).isEqualTo("coordinator");
          assertThat(h.nieuweWaarde()).startsWith("opnieuw toegepast na herstel back-up van 10-06-2035 op 20-06-2035")
              .contains("Dossierapplicatie (dossier D-77, gewist op 10-06-2035)");
        });
    assertThat(verzoeken.historie(b.referentie())).noneMatch(h -> h.veld().equals("opnieuwToegepast"));

    long herstelId = (Long) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName("herstelId").singleResult().getValue();
    Herstel herstel = register.herstel(herstelId);
    assertThat(herstel.backupDatum()).isEqualTo(LocalDate.of(2035, 6, 10));
    assertThat(herstel.aantalVerzoeken()).isEqualTo(2);
    assertThat(herstel.afgerondOp()).isNotNull();
    assertThat(herstel.processInstanceId()).isEqualTo(pi.getId());

    // the register still shows when the erasure was carried out
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/api/verzoeken/" + a.referentie()))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("coordinator:coordinator"
            .getBytes(StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"uitgevoerdOp\":\"2035-06-12\"");
  }

  @Test
  @Order(2)
  void restoredSystemsFilterStandardSystemsButNeverUnknownOnesIsoDateAccepted() {
    klok(2037, 3, 1);
    Verzoek d = registreer(VerzoekType.CORRECTIE);
    klok(2037, 3, 20);
    voer(d, Uitvoeringssoort.CORRIGEREN, "Dossierapplicatie", LocalDate.of(2037, 3, 10));
    voer(d, Uitvoeringssoort.CORRIGEREN, "Webportal opdrachtgevers", LocalDate.of(2037, 3, 11));
    voer(d, Uitvoeringssoort.CORRIGEREN, "Eigen CRM", LocalDate.of(2037, 3, 12));

    ProcessInstance pi = start(Map.of("backupDatum", "2037-03-10", "herstelSystemen", "[\"Dossierapplicatie\"]"));

    Task taak = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(taak.getName()).endsWith(d.referentie());
    assertThat(taskService.getVariable(taak.getId(), "herstelSystemenTekst")).isEqualTo("Dossierapplicatie");
    assertThat((String) taskService.getVariable(taak.getId(), "herstelOverzicht"))
        .contains("Dossierapplicatie", "Eigen CRM").doesNotContain("Webportal opdrachtgevers");
    taskService.complete(taak.getId(), antwoord("OPNIEUW_TOEGEPAST", null, null));
    assertThat(pi).isEnded().hasPassed("EndEvent_HerstelAfgerond");
    assertThat(register.heruitvoeringen(d.referentie())).hasSize(2)
        .allSatisfy(h -> assertThat(h.opnieuwUitgevoerdOp()).isEqualTo(LocalDate.of(2037, 3, 20))); // default today
  }

  @Test
  @Order(3)
  void nothingToRedoIsRecordedAndEndsAndBadStartInputIsRefused() {
    klok(2039, 2, 1);
    long voor = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCES).count()
        + processEngine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCES).count();
    assertThatThrownBy(() -> start(Map.of("backupDatum", "31-02-2039")))

        .hasMessageContaining("De datum van de back-up: '31-02-2039' is geen datum (dd-mm-jjjj).");
    assertThatThrownBy(() -> start(Map.of("backupDatum", "02-02-2039")))
        .hasMessageContaining("De datum van de back-up (02-02-2039) ligt in de toekomst.");
    assertThatThrownBy(() -> start(Map.of("backupDatum", "01-02-2039", "herstelSystemen", "[\"Kluis\"]")))
        .hasMessageContaining("Onbekend systeem [Kluis]");
    assertThatThrownBy(() -> start(Map.of("herstelToelichting", "zonder datum")))
        .hasMessageContaining("Vul de datum van de teruggezette back-up in");
    assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCES)
        .count()).isEqualTo(voor);

    ProcessInstance pi = start(Map.of("backupDatum", "1-2-2039", "herstelToelichting", "Schijf vervangen"));

    assertThat(pi).isEnded().hasPassed("Gateway_IetsTeHerstellen", "Task_HerstelZonderWerkVastleggen",
        "EndEvent_NietsOpnieuw").hasNotPassed("Task_OpnieuwToepassen", "Task_HerstelAfronden");
    Herstel herstel = register.herstellen().stream().filter(h -> pi.getId().equals(h.processInstanceId()))
        .findFirst().orElseThrow();
    assertThat(herstel.aantalVerzoeken()).isZero();
    assertThat(herstel.afgerondOp()).isNotNull();
    assertThat(herstel.toelichting()).isEqualTo("Schijf vervangen");
  }

  @Test
  @Order(4)
  void ictAndTheCoordinatorMayStartItAnEmployeeMayNot() {
    klok(2039, 2, 1);
    assertThat(startbaar("ict", List.of("ict", "medewerker", "datalekteam"))).isTrue();
    assertThat(startbaar("coordinator", List.of("privacycoordinator", "medewerker"))).isTrue();
    assertThat(startbaar("medewerker", List.of("medewerker"))).isFalse();
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCES).latestVersion()
        .startableByUser("ict").count()).isEqualTo(1);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCES).latestVersion()
        .startableByUser("medewerker").count()).isZero();

    identityService.setAuthentication("ict", List.of("ict", "medewerker", "datalekteam"));
    ProcessInstance pi = start(Map.of("backupDatum", "01-02-2039"));
    identityService.clearAuthentication();
    assertThat(pi).isEnded();
    assertThat(register.herstellen().stream().filter(h -> pi.getId().equals(h.processInstanceId())).findFirst()
        .orElseThrow().gestartDoor()).isEqualTo("ict");

    identityService.setAuthentication("medewerker", List.of("medewerker"));
    assertThatThrownBy(() -> start(Map.of("backupDatum", "01-02-2039"))).isInstanceOf(AuthorizationException.class);
  }

  /** Over /engine-rest (as Tasklist submits the start form): refused input is a 400 with the Dutch message. */
  @Test
  @Order(5)
  void badStartFormOverRestIs400WithTheDutchMessage() throws Exception {
    klok(2039, 2, 1);
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
            + port + "/engine-rest/process-definition/key/" + PROCES + "/submit-form"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("ict:ict"
            .getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"variables\":{\"backupDatum\":{\"value\":\"31-02-2039\"}}}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.body()).contains("'31-02-2039' is geen datum (dd-mm-jjjj)").doesNotContain("ENGINE-");
  }

  private boolean startbaar(String gebruiker, List<String> groepen) {
    identityService.setAuthentication(gebruiker, groepen);
    try {
      return repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCES).latestVersion()
          .startablePermissionCheck().count() == 1;
    } finally {
      identityService.clearAuthentication();
    }
  }
}
