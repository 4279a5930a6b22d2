package nl.deurwaarder.avg.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.datalek.Bron;
import nl.deurwaarder.avg.datalek.DatalekMelden;
import nl.deurwaarder.avg.datalek.NieuweDatalekmelding;
import nl.deurwaarder.avg.uitvoering.NieuweUitvoering;
import nl.deurwaarder.avg.uitvoering.Uitvoeringsregister;
import nl.deurwaarder.avg.uitvoering.Uitvoeringssoort;
import nl.deurwaarder.avg.verzoek.Betrokkene;
import nl.deurwaarder.avg.verzoek.Kanaal;
import nl.deurwaarder.avg.verzoek.NieuwVerzoek;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekIntake;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import nl.deurwaarder.avg.verwerker.Verwerker;
import nl.deurwaarder.avg.verwerkingsregister.PiaInProces;
import nl.deurwaarder.avg.verwerker.VerwerkerCyclus;
import nl.deurwaarder.avg.verwerker.VerwerkerGegevens;
import nl.deurwaarder.avg.verwerker.Verwerkersregister;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Generated from the deployment, not hand-listed: for EVERY user task of EVERY deployed diagram, the task is reached
 * with {@code startBeforeActivity} and completed over {@code POST /engine-rest/task/{id}/complete} with otherwise
 * valid input (built from its deployed form) and (a) a value outside a select/radio's choices, (b) a text one
 * character over its {@code maxLength}, (c) a required field left empty. Each is refused with 400 and a Dutch message
 * naming the field's label; the task stays open and the process variables are unchanged. Only how to reach a task
 * (the business object its create listeners read) is given per procedure; a diagram with user tasks and no way to
 * reach them fails the test.
 */
@AvgSpringTest
class FormuliercontractAlleTakenTest {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  FormService formService;
  @Autowired
  HistoryService historyService;
  @Autowired
  VerzoekIntake intake;
  @Autowired
  DatalekMelden melden;
  @Autowired
  Uitvoeringsregister uitvoeringsregister;
  @Autowired
  Verwerkersregister verwerkersregister;
  @Autowired
  VerwerkerCyclus verwerkerCyclus;

  /** The instances this test started to reach the tasks; deleted at the end so no other test sees them. */
  private final List<String> gestart = new ArrayList<>();

  /** A business key and the variables an instance of the procedure has at its start. */
  record Zaad(String businessKey, Map<String, Object> variabelen) {
  }

  private Zaad verzoek(VerzoekType type) {
    Verzoek v = intake.registreer(new NieuwVerzoek(type, Kanaal.EMAIL, null,
        new Betrokkene("Contract Test", "contract" + System.nanoTime() + "@example.org", "Dorpsstraat 1, Utrecht",
            LocalDate.of(1980, 1, 1), null), null, "Welke gegevens heeft u van mij?"), "coordinator");
    gestart.add(v.processInstanceId());
    Map<String, Object> vars = new HashMap<>(runtimeService.getVariables(v.processInstanceId()));
    vars.putIfAbsent("verantwoordelijke", "medewerker");
    vars.putIfAbsent("onderwerp", "Formuliercontract");
    vars.putIfAbsent("verificatieAltijd", false);
    vars.putIfAbsent("verzoekerRol", "BETROKKENE");
    Date morgen = Date.from(OffsetDateTime.now(AMSTERDAM).plusDays(1).toInstant());
    vars.putIfAbsent("verificatieVanaf", new Date());
    vars.putIfAbsent("postUiterlijk", morgen);
    vars.putIfAbsent("beperktTot", morgen);
    vars.putIfAbsent("opheffingsdatum", morgen);
    vars.putIfAbsent("beperkingRedenen", "bezwaar aanhangig");
    return new Zaad(v.referentie(), vars);
  }

  private Zaad datalek() {
    var d = melden.meld(new NieuweDatalekmelding("Exploot bij de verkeerde debiteur bezorgd.",
        OffsetDateTime.now(AMSTERDAM).minusHours(2), Bron.MEDEWERKER, null, null, 3, "Dossierapplicatie",
        "Naam, adres", "Piet Melder", "piet.melder@kantoor.example"));
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(d.referentie())
        .processDefinitionKey("avg-datalek").singleResult();
    gestart.add(pi.getId());
    return new Zaad(d.referentie(), runtimeService.getVariables(pi.getId()));
  }

  private Zaad gestart(String key) {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(key);
    gestart.add(pi.getId());
    return new Zaad(null, runtimeService.getVariables(pi.getId()));
  }

  private Zaad startformulier(String key, Map<String, Object> formulier) {
    String id = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult().getId();
    ProcessInstance pi = formService.submitStartForm(id, formulier);
    gestart.add(pi.getId());
    Map<String, Object> vars = new HashMap<>();
    historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list()
        .forEach(v -> vars.put(v.getName(), v.getValue()));
    return new Zaad(pi.getBusinessKey(), vars);
  }

  /** A restore after a back-up with one erasure to redo (an erasure recorded today, the back-up of yesterday). */
  private Zaad herstel() {
    Zaad verzoek = verzoek(VerzoekType.VERWIJDERING);
    uitvoeringsregister.legVast(verzoek.businessKey(), List.of(NieuweUitvoering.van(Uitvoeringssoort.WISSEN,
        "Dossierapplicatie", "D-77", "Adres", LocalDate.now(AMSTERDAM), null)), "coordinator");
    return startformulier("avg-herstel-na-backup", Map.of("backupDatum",
        LocalDate.now(AMSTERDAM).minusDays(1).toString(), "herstelToelichting", "Formuliercontracttest"));
  }

  /**
   * A processor newly in the register of processors, with its running cycle (as VerwerkerJaarcyclusProcesTest): the
   * variables its review sets and those of an announced sub-processor and of a data breach it reported late, so that
   * the tasks of the event sub-processes are reached as well.
   */
  private Zaad verwerker() {
    Verwerker v = verwerkersregister.voegToe(new VerwerkerGegevens("Formuliercontract " + System.nanoTime(),
        "Hosting van dossiers", "Jan Contact", "jan@verwerker.example", "030 123 45 67",
        LocalDate.now(AMSTERDAM).minusYears(1), null, null, false, null, null, null, null, null), "coordinator");
    verwerkerCyclus.overeenkomstGewijzigd(v.id());
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processDefinitionKey(VerwerkerCyclus.PROCES)
        .processInstanceBusinessKey(v.referentie()).singleResult();
    gestart.add(pi.getId());
    Map<String, Object> vars = new HashMap<>(runtimeService.getVariables(pi.getId()));
    vars.putIfAbsent("verwerkerId", v.id());
    vars.putIfAbsent("reviewJaar", LocalDate.now(AMSTERDAM).getYear());
    vars.putIfAbsent("reviewGestartOp", new Date());
    vars.putIfAbsent("verwerkerNaam", v.naam());
    LocalDate bezwaar = LocalDate.now(AMSTERDAM).plusDays(14);
    vars.putIfAbsent("bezwaarUiterlijk", bezwaar.toString());
    vars.putIfAbsent("bezwaarUiterlijkTekst", bezwaar.toString());
    vars.putIfAbsent("teLaatKantoorMoment", Date.from(OffsetDateTime.now(AMSTERDAM).minusDays(2).toInstant()));
    vars.putIfAbsent("teLaatKantoorMomentTekst", "formuliercontracttest");
    return new Zaad(v.referentie(), vars);
  }

  /** How to reach the tasks of each procedure: the business object its create listeners read. */
  private Map<String, Supplier<Zaad>> zaden() {
    Map<String, Supplier<Zaad>> z = new HashMap<>();
    for (String k : List.of("avg-inzageverzoek", "avg-identiteit-verifieren", "avg-fg-advies",
        "avg-gegevens-verzamelen", "avg-levering-bewaken", "avg-brief-per-post", "avg-termijn-verlengen")) {
      z.put(k, () -> verzoek(VerzoekType.INZAGE));
    }
    z.put("avg-verwijderverzoek", () -> verzoek(VerzoekType.VERWIJDERING));
    z.put("avg-correctieverzoek", () -> verzoek(VerzoekType.CORRECTIE));
    z.put("avg-beperkingsverzoek", () -> verzoek(VerzoekType.BEPERKING));
    z.put("avg-beperking-opheffen", () -> verzoek(VerzoekType.BEPERKING));
    z.put("avg-herstel-na-backup", this::herstel);
    z.put("avg-datalek", this::datalek);
    z.put("avg-datalek-trendanalyse", () -> gestart("avg-datalek-trendanalyse"));
    z.put("avg-jaarlijkse-review", () -> gestart("avg-jaarlijkse-review"));
    z.put("avg-verwerking-wijzigen", this::verwerkingWijzigen);
    // as EenmaligePiaToets starts it for a published processing without a PIA decision (PiaProcesTest)
    z.put("avg-pia-toets-bestaand", () -> new Zaad("PIA-toets 60.1.1",
        Map.of("verwerkingCode", "60.1.1", "verwerkingNaam", "Formuliercontract")));
    // as the start form (or the planning's call activity) starts it (PrivacyrapportageProcesTest); the concept is
    // drafted by a service task before the FG's task, which reads no business object when it is created
    z.put("avg-privacyrapportage", () -> new Zaad("RAP-2019-H1", Map.of("rapportJaar", 2019L,
        "rapportHalfjaar", "H1", "rapportSamenvatting", "| Verzoeken ontvangen | 0 |")));
    z.put("avg-verwerker-jaarcyclus", this::verwerker);
    return z;
  }

  /**
   * A proposal for a new processing, with the prior consultation of the AP submitted yesterday (as PiaProcesTest), for
   * the due date of the task that records the AP's answer.
   */
  private Zaad verwerkingWijzigen() {
    Zaad zaad = startformulier("avg-verwerking-wijzigen", nieuweVerwerking());
    Map<String, Object> vars = new HashMap<>(zaad.variabelen());
    vars.putIfAbsent("raadplegingIngediendOp", LocalDate.now(AMSTERDAM).minusDays(1).toString());
    vars.putIfAbsent("apAntwoordWeken", PiaInProces.AP_WEKEN);
    return new Zaad(zaad.businessKey(), vars);
  }

  /** A valid proposal for a new processing (the start form of avg-verwerking-wijzigen). */
  private static Map<String, Object> nieuweVerwerking() {
    Map<String, Object> f = new HashMap<>();
    String[][] velden = {{"soortWijziging", "NIEUW"}, {"verwerkingCode", "60.2.19"},
        {"verwerkingNaam", "Formuliercontract"}, {"doeleind", "Test van het formuliercontract."},
        {"grondslag", "B"}, {"bedrijfsvoering", "JA"}, {"grondslagToelichting", "Bedrijfsvoering."},
        {"eigenaar", "Directie"}, {"categorieenBetrokkenen", "Medewerker"}, {"categorieenOntvangers", "Geen"},
        {"bewaartermijn", "2 jaar"}, {"bewaartermijnPeriode", "P2Y"}, {"bewaartermijnAanvang", "einde dienstverband"},
        {"bewaartermijnBron", "PH-ALG-05"}, {"beveiliging", "Afgeschermd"}, {"verwerkers", "ICT-dienstverlener"},
        {"systemen", "HR-systeem"}, {"hoogRisico", "NEE"}, {"gegevenstypen", "Naam | Medewerker | | ICT"},
        {"toelichting", "Formuliercontracttest."}};
    for (String[] v : velden) {
      f.put(v[0], v[1]);
    }
    return f;
  }

  @Test
  void everyUserTaskOfEveryDiagramRefusesInputOutsideItsForm() throws Exception {
    Formuliercontract contract = new Formuliercontract();
    Map<String, Supplier<Zaad>> zaden = zaden();
    List<String> fouten = new ArrayList<>();
    int taken = 0;
    int gevallen = 0;
    for (ProcessDefinition pd : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      if (!ProcesDeployment.DEPLOYMENT_NAAM.equals(repositoryService.createDeploymentQuery()
          .deploymentId(pd.getDeploymentId()).singleResult().getName())) {
        continue;
      }
      var model = repositoryService.getBpmnModelInstance(pd.getId());
      for (UserTask ut : model.getModelElementsByType(UserTask.class)) {
        // a diagram with pools (a collaboration) holds the tasks of every pool: each task is checked once, with
        // the process (pool) it belongs to; the call activity of a planning pool reaches them in that process
        if (!pd.getKey().equals(procesVan(ut))) {
          continue;
        }
        taken++;
        String wie = pd.getKey() + "/" + ut.getId();
        String formRef = ut.getCamundaFormRef();
        if (formRef == null) {
          fouten.add(wie + ": geen formRef");
          continue;
        }
        Formulier formulier = contract.formulieren(repositoryService, pd.getDeploymentId()).get(formRef);
        if (formulier == null) {
          fouten.add(wie + ": formulier " + formRef + " niet in de deployment");
          continue;
        }
        Supplier<Zaad> zaad = zaden.get(pd.getKey());
        if (zaad == null) {
          fouten.add(wie + ": geen manier om de taak te bereiken (zaden())");
          continue;
        }
        try {
          gevallen += controleer(wie, pd.getKey(), ut.getId(), ut.getLoopCharacteristics() != null, formulier,
              zaad.get(), fouten);
        } catch (RuntimeException e) {
          fouten.add(wie + ": niet bereikt: " + e);
        }
      }
    }
    for (String id : gestart) {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() == 1) {
        runtimeService.deleteProcessInstance(id, "formuliercontracttest", true, true);
      }
    }
    assertThat(fouten).as("taken: " + taken).isEmpty();
    assertThat(taken).isGreaterThan(40);
    assertThat(gevallen).isGreaterThan(taken);
  }

  /** The id of the process (pool) a task belongs to, through any (event) sub-processes. */
  private static String procesVan(ModelElementInstance element) {
    ModelElementInstance e = element.getParentElement();
    while (e != null && !(e instanceof Process)) {
      e = e.getParentElement();
    }
    return e == null ? null : ((Process) e).getId();
  }

  private int controleer(String wie, String proces, String taakId, boolean meervoudig, Formulier formulier,
      Zaad zaad, List<String> fouten) throws Exception {
    ProcessInstance pi = runtimeService.createProcessInstanceByKey(proces).businessKey(zaad.businessKey())
        .setVariables(zaad.variabelen()).startBeforeActivity(meervoudig ? taakId + "#multiInstanceBody" : taakId)
        .execute();
    Task taak = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taakId).list()
        .stream().findFirst().orElse(null);
    if (taak == null) {
      fouten.add(wie + ": taak niet aangemaakt");
      return 0;
    }
    Map<String, Object> bestaand = new HashMap<>(taskService.getVariables(taak.getId()));
    Map<String, Object> geldig = geldigeInvoer(formulier, bestaand);
    Map<String, Object> samen = new HashMap<>(bestaand);
    samen.putAll(geldig);
    List<Formulierveld> zichtbaar = formulier.velden().stream().filter(v -> !v.alleenLezen())
        .filter(v -> v.verberg() == null || !v.verberg().verbergt(samen::get)).toList();
    int n = 0;
    // (a) a value outside the choices
    for (Formulierveld v : zichtbaar) {
      if (v.isEnkeleKeuze()) {
        n += geweigerd(wie, taak, pi, geldig, v, "GEEN_VAN_DE_OPTIES", fouten);
        break;
      }
    }
    // (b) a text one character too long
    for (Formulierveld v : zichtbaar) {
      if (v.isTekst() && v.maxLengte() != null) {
        n += geweigerd(wie, taak, pi, geldig, v, "x".repeat(v.maxLengte() + 1), fouten);
        break;
      }
    }
    // (c) a required field left empty
    for (Formulierveld v : zichtbaar) {
      if (v.verplicht() && !"checkbox".equals(v.type())) {
        n += geweigerd(wie, taak, pi, geldig, v, v.isMeervoudigeKeuze() ? List.of() : "", fouten);
        break;
      }
    }
    runtimeService.deleteProcessInstance(pi.getId(), "formuliercontracttest");
    return n;
  }

  private int geweigerd(String wie, Task taak, ProcessInstance pi, Map<String, Object> geldig, Formulierveld veld,
      Object fout, List<String> fouten) throws Exception {
    Map<String, String> voor = alsTekst(runtimeService.getVariables(pi.getId()));
    Map<String, Object> invoer = new LinkedHashMap<>(geldig);
    invoer.put(veld.sleutel(), fout);
    HttpResponse<String> antwoord = voltooi(taak.getId(), invoer);
    String geval = wie + " veld " + veld.sleutel() + "=" + kort(fout);
    if (antwoord.statusCode() != 400) {
      fouten.add(geval + ": " + antwoord.statusCode() + " " + antwoord.body());
    } else if (!antwoord.body().contains("(" + veld.sleutel() + ")") || !antwoord.body().contains("Veld '")) {
      fouten.add(geval + ": melding noemt het veld niet: " + antwoord.body());
    }
    if (taskService.createTaskQuery().taskId(taak.getId()).count() != 1) {
      fouten.add(geval + ": taak is toch afgerond");
    } else if (!alsTekst(runtimeService.getVariables(pi.getId())).equals(voor)) {
      fouten.add(geval + ": variabelen veranderd");
    }
    return 1;
  }

  /** A value per visible field that its form accepts. */
  static Map<String, Object> geldigeInvoer(Formulier formulier, Map<String, Object> bestaand) {
    Map<String, Object> invoer = new LinkedHashMap<>();
    for (Formulierveld v : formulier.velden()) {
      if (v.alleenLezen()) {
        continue;
      }
      Object w = switch (v.type()) {
        case "checkbox" -> Boolean.TRUE;
        case "number" -> v.minimum() != null ? v.minimum().intValue() + 1 : 1;
        case "datetime" -> "date".equals(v.subtype()) ? LocalDate.now().toString()
            : OffsetDateTime.now(AMSTERDAM).minusMinutes(1).withNano(0).toString();
        case "select", "radio" -> {
          List<String> k = Formuliercontrole.keuzes(v, naam -> invoer.containsKey(naam) ? invoer.get(naam)
              : bestaand.get(naam));
          yield k.isEmpty() ? null : k.get(0);
        }
        case "checklist", "taglist" -> {
          List<String> k = Formuliercontrole.keuzes(v, bestaand::get);
          yield k.isEmpty() ? null : List.of(k.get(0));
        }
        default -> tekst(v, bestaand.get(v.sleutel()));
      };
      if (w != null) {
        invoer.put(v.sleutel(), w);
      }
    }
    return invoer;
  }

  private static Object tekst(Formulierveld v, Object bestaand) {
    if (v.patroon() == null) {
      return "Tekst";
    }
    if (bestaand != null && bestaand.toString().matches(v.patroon())) {
      return bestaand.toString();
    }
    for (String kandidaat : List.of("01-01-2026", "2026-01-01", "60.1.1", "P1Y", "AVG-2026-0001",
        "iemand@example.org", "")) {
      if (kandidaat.matches(v.patroon())) {
        return kandidaat;
      }
    }
    return null;
  }

  private HttpResponse<String> voltooi(String taskId, Map<String, Object> invoer) throws Exception {
    Map<String, Object> variabelen = new LinkedHashMap<>();
    invoer.forEach((k, w) -> {
      Map<String, Object> v = new LinkedHashMap<>();
      if (w instanceof List<?> lijst) {
        v.put("value", schrijf(lijst));
        v.put("type", "Json");
      } else {
        v.put("value", w);
      }
      variabelen.put(k, v);
    });
    String body = JSON.writeValueAsString(Map.of("variables", variabelen));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/engine-rest/task/" + taskId + "/complete"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            "admin:admin".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, String> alsTekst(Map<String, Object> variabelen) {
    Map<String, String> m = new java.util.TreeMap<>();
    variabelen.forEach((k, v) -> m.put(k, v instanceof byte[] b ? java.util.Arrays.toString(b) : String.valueOf(v)));
    return m;
  }

  private static String schrijf(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String kort(Object o) {
    String s = String.valueOf(o);
    return s.length() > 20 ? s.substring(0, 17) + "..." : s;
  }
}
