package nl.deurwaarder.avg.uitvoering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.brief.BriefType;
import nl.deurwaarder.avg.brief.Verzendregister;
import nl.deurwaarder.avg.brief.Verzendregister.Verzending;
import nl.deurwaarder.avg.brief.Verzendstatus;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import nl.deurwaarder.avg.verzoek.Betrokkene;
import nl.deurwaarder.avg.verzoek.Kanaal;
import nl.deurwaarder.avg.verzoek.NieuwVerzoek;
import nl.deurwaarder.avg.verzoek.OnbekendVerzoekException;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekIntake;
import nl.deurwaarder.avg.verzoek.VerzoekRegister;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
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

/**
 * The uitvoeringsregister and the art. 19 recipients, directly and through the pattern the procedures use (test
 * process {@code uitvoering/uitvoering-test.bpmn}): rows from a task form, one letter per recipient, none twice.
 * Dates in 2030, away from the restore tests (2035 and later).
 */
@AvgSpringTest
class UitvoeringEnOntvangersTest {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @Autowired
  ProcessEngine processEngine;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  ManagementService managementService;
  @Autowired
  VerzoekIntake intake;
  @Autowired
  VerzoekRegister verzoeken;
  @Autowired
  Uitvoeringsregister register;
  @Autowired
  Ontvangers ontvangers;
  @Autowired
  Verzendregister verzendregister;

  String deploymentId;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
    deploymentId = repositoryService.createDeployment().name("uitvoering-test")
        .addClasspathResource("uitvoering/uitvoering-test.bpmn").deploy().getId();
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    repositoryService.deleteDeployment(deploymentId, true);
  }

  static void klok(int jaar, int maand, int dag) {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(jaar, maand, dag, 10, 0, 0, 0, AMSTERDAM).toInstant()));
  }

  private Verzoek registreer(VerzoekType type) {
    return intake.registreer(new NieuwVerzoek(type, Kanaal.EMAIL, null,
        new Betrokkene("Piet de Vries", "piet@example.org", null, null, "D-2030-17"), null,
        "Wis mijn gegevens."), "coordinator");
  }

  @Test
  void recordsPerSystemKeepsTheRegisterDateCurrentAndRefusesIncompleteRows() {
    klok(2030, 3, 1);
    Verzoek v = registreer(VerzoekType.VERWIJDERING);
    klok(2030, 3, 6);

    register.legVast(v.referentie(), List.of(NieuweUitvoering.van(Uitvoeringssoort.WISSEN, "dossierapplicatie",
        "D-2030-17", "Adres en telefoonnummer", LocalDate.of(2030, 3, 4), null)), "coordinator");
    assertThat(verzoeken.haal(v.referentie()).uitgevoerdOp()).isEqualTo(LocalDate.of(2030, 3, 4));
    // a later execution moves the date; an earlier one does not move it back
    register.legVast(v.referentie(), List.of(NieuweUitvoering.van(Uitvoeringssoort.ANONIMISEREN, "E-mailberichten",
        "D-2030-17", "Mails met adres", LocalDate.of(2030, 3, 5), "ict")), "coordinator");
    register.legVast(v.referentie(), List.of(NieuweUitvoering.van(Uitvoeringssoort.WISSEN, "Eigen CRM",
        "D-2030-17", "Klantkaart", LocalDate.of(2030, 3, 2), null)), "coordinator");
    assertThat(verzoeken.haal(v.referentie()).uitgevoerdOp()).isEqualTo(LocalDate.of(2030, 3, 5));
    assertThat(verzoeken.historie(v.referentie())).filteredOn(h -> h.veld().equals("uitgevoerdOp"))
        .extracting(nl.deurwaarder.avg.registerhistorie.Registertabel.Historieregel::nieuweWaarde).containsExactly("2030-03-04", "2030-03-05");

    List<Uitvoering> rijen = register.uitvoeringen(v.referentie());
    assertThat(rijen).extracting(Uitvoering::systeem)
        .containsExactly("Eigen CRM", "Dossierapplicatie", "E-mailberichten"); // standard spelling, by date
    assertThat(rijen.get(1).uitgevoerdDoor()).isEqualTo("coordinator");
    assertThat(rijen.get(2).uitgevoerdDoor()).isEqualTo("ict");
    assertThat(rijen.get(2).vastgelegdDoor()).isEqualTo("coordinator");

    // refused: before receipt, in the future, restriction without reason/end, missing dossier number
    assertThatThrownBy(() -> register.legVast(v.referentie(), List.of(
        NieuweUitvoering.van(Uitvoeringssoort.WISSEN, "Dossierapplicatie", "D-1", "x", LocalDate.of(2030, 2, 28), null),
        NieuweUitvoering.van(Uitvoeringssoort.WISSEN, "Dossierapplicatie", " ", "x", LocalDate.of(2030, 3, 7), null),
        new NieuweUitvoering(Uitvoeringssoort.BEPERKEN, "Webportal justitiabelen", "D-1", "x", null, null, null,
            LocalDate.of(2030, 3, 5), null)), "coordinator"))
        .isInstanceOf(OngeldigeInvoerException.class)
        .hasMessageContaining("Regel 1: de datum van uitvoering (28-02-2030) ligt vóór de ontvangst van het verzoek")
        .hasMessageContaining("Regel 2: vul het dossiernummer in")
        .hasMessageContaining("Regel 2: de datum van uitvoering (07-03-2030) ligt in de toekomst")
        .hasMessageContaining("Regel 3: vul bij een beperking de reden in")
        .hasMessageContaining("Regel 3: vul bij een beperking in tot wanneer");
    assertThat(register.uitvoeringen(v.referentie())).hasSize(3);
    assertThatThrownBy(() -> register.legVast("AVG-2030-9999", List.of(NieuweUitvoering.van(
        Uitvoeringssoort.WISSEN, "Dossierapplicatie", "D-1", "x", LocalDate.of(2030, 3, 5), null)), "coordinator"))
        .isInstanceOf(OnbekendVerzoekException.class);

    // a restriction with reason and end
    Verzoek b = registreer(VerzoekType.BEPERKING);
    Uitvoering beperking = register.legVast(b.referentie(), List.of(new NieuweUitvoering(Uitvoeringssoort.BEPERKEN,
        "Webportal justitiabelen", "D-2030-17", "Adres afgeschermd in het portaal",
        "Juistheid betwist (art. 18 lid 1 a)", LocalDate.of(2030, 4, 1), null, LocalDate.of(2030, 3, 6), null)),
        "coordinator").get(0);
    assertThat(beperking.beperktTot()).isEqualTo(LocalDate.of(2030, 4, 1));
    assertThat(beperking.beperkingReden()).startsWith("Juistheid");
  }

  @Test
  void sinceABackupDateIncludesThatDayExcludesTheDayBeforeAndFiltersOnlyStandardSystems() {
    klok(2030, 5, 1);
    Verzoek v = registreer(VerzoekType.CORRECTIE);
    klok(2030, 5, 20);
    register.legVast(v.referentie(), List.of(
        NieuweUitvoering.van(Uitvoeringssoort.CORRIGEREN, "Dossierapplicatie", "D-9", "Geboortedatum",
            LocalDate.of(2030, 5, 9), null),
        NieuweUitvoering.van(Uitvoeringssoort.CORRIGEREN, "Dossierapplicatie", "D-9", "Adres",
            LocalDate.of(2030, 5, 10), null),
        NieuweUitvoering.van(Uitvoeringssoort.CORRIGEREN, "Webportal justitiabelen", "D-9", "Adres",
            LocalDate.of(2030, 5, 11), null),
        NieuweUitvoering.van(Uitvoeringssoort.CORRIGEREN, "Eigen CRM", "D-9", "Adres",
            LocalDate.of(2030, 5, 12), null)), "coordinator");

    assertThat(register.sinds(LocalDate.of(2030, 5, 10), List.of())).filteredOn(u -> u.referentie()
        .equals(v.referentie())).extracting(Uitvoering::uitgevoerdOp)
        .containsExactly(LocalDate.of(2030, 5, 10), LocalDate.of(2030, 5, 11), LocalDate.of(2030, 5, 12));
    // only the dossier application was restored: the portal row drops out, the unknown system never does
    assertThat(register.sinds(LocalDate.of(2030, 5, 10), List.of("dossierapplicatie"))).filteredOn(u -> u.referentie()
        .equals(v.referentie())).extracting(Uitvoering::systeem).containsExactly("Dossierapplicatie", "Eigen CRM");
  }

  @Test
  void oneLetterPerRecipientFromAMultiInstanceStepNoneTwiceAfterARetry() {
    klok(2030, 3, 1);
    Verzoek v = registreer(VerzoekType.VERWIJDERING);
    klok(2030, 3, 5);
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("test-uitvoering", v.referentie(),
        Map.of("storing", true));
    Task taak = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();

    Map<String, Object> fout = new HashMap<>();
    fout.put("systeem1", "Dossierapplicatie");
    fout.put("dossiernummer1", "D-2030-17");
    fout.put("uitgevoerdOp1", "31-02-2030");
    fout.put("omschrijving1", "Adres");
    fout.put("omschrijving2", "Alleen een omschrijving");
    fout.put("ontvanger1Naam", "Incassobureau Noord");
    fout.put("ontvanger1Email", "geen-adres");
    assertThatThrownBy(() -> taskService.complete(taak.getId(), fout))
        .hasMessageContaining("Regel 1: de datum van uitvoering: '31-02-2030' is geen datum (dd-mm-jjjj).");
    fout.put("uitgevoerdOp1", "4-3-2030");
    assertThatThrownBy(() -> taskService.complete(taak.getId(), fout))
        .hasMessageContaining("Regel 2: vul het systeem in.").hasMessageContaining("Regel 2: vul het dossiernummer in")
        .hasMessageContaining("Regel 2: vul de datum van uitvoering in.");
    assertThat(register.uitvoeringen(v.referentie())).isEmpty();

    Map<String, Object> goed = new HashMap<>();
    goed.put("systeem1", "Dossierapplicatie");
    goed.put("dossiernummer1", "D-2030-17");
    goed.put("uitgevoerdOp1", "4-3-2030");
    goed.put("omschrijving1", "Adres en telefoonnummer");
    goed.put("systeem3", "e-mailberichten");
    goed.put("dossiernummer3", "D-2030-17");
    goed.put("uitgevoerdOp3", "2030-03-05");
    goed.put("omschrijving3", "Mails met het adres");
    goed.put("soort3", "ANONIMISEREN");
    goed.put("ontvanger1Naam", "Incassobureau Noord");
    goed.put("ontvanger1Email", "avg@incasso-noord.example");
    goed.put("ontvanger2Naam", "Opdrachtgever Zuid BV");
    goed.put("ontvanger2Adres", "Postbus 1, 1000 AA Amsterdam");
    taskService.complete(taak.getId(), goed);

    assertThat(register.uitvoeringen(v.referentie())).extracting(Uitvoering::soort, Uitvoering::systeem)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Uitvoeringssoort.WISSEN, "Dossierapplicatie"),
            org.assertj.core.groups.Tuple.tuple(Uitvoeringssoort.ANONIMISEREN, "E-mailberichten"));
    assertThat(verzoeken.haal(v.referentie()).uitgevoerdOp()).isEqualTo(LocalDate.of(2030, 3, 5));
    List<Ontvanger> lijst = ontvangers.lijst(v.referentie());
    assertThat(lijst).extracting(Ontvanger::status).containsOnly(Ontvangerstatus.TE_INFORMEREN).hasSize(2);

    // one job per recipient; the last one runs into the failing next step and is rolled back
    List<Job> jobs = managementService.createJobQuery().processInstanceId(pi.getId()).list();
    assertThat(jobs).hasSize(2);
    managementService.executeJob(jobs.get(0).getId());
    assertThatThrownBy(() -> managementService.executeJob(jobs.get(1).getId()));
    assertThat(brieven(v)).hasSize(2); // both letters went out (committed on their own)
    assertThat(ontvangers.lijst(v.referentie())).filteredOn(o -> o.status() == Ontvangerstatus.GEINFORMEERD)
        .hasSize(1);

    // the retry: the letter is not sent again, the recipient is marked informed
    runtimeService.setVariable(pi.getId(), "storing", false);
    managementService.executeJob(jobs.get(1).getId());
    assertThat(pi).isWaitingAt("Task_BetrokkeneBerichten");
    List<Verzending> brieven = brieven(v);
    assertThat(brieven).hasSize(2);
    assertThat(brieven).extracting(Verzending::sleutel).doesNotHaveDuplicates()
        .allMatch(s -> s.startsWith(pi.getId() + ":Task_OntvangersInformeren:"));
    Ontvanger perMail = lijst.get(0);
    Ontvanger perPost = lijst.get(1);
    Verzending mail = brieven.stream().filter(b -> b.sleutel().endsWith(":" + perMail.id())).findFirst().orElseThrow();
    Verzending post = brieven.stream().filter(b -> b.sleutel().endsWith(":" + perPost.id())).findFirst().orElseThrow();
    assertThat(mail.status()).isEqualTo(Verzendstatus.VERZONDEN);
    assertThat(mail.ontvangerEmail()).isEqualTo("avg@incasso-noord.example");
    assertThat(post.status()).isEqualTo(Verzendstatus.WACHT_OP_POST);
    assertThat(post.ontvangerEmail()).isNull(); // never to the data subject's address
    // by post: not informed until a person confirms posting it (one task, although the job ran twice)
    assertThat(ontvangers.ontvanger(perMail.id()).orElseThrow().status()).isEqualTo(Ontvangerstatus.GEINFORMEERD);
    assertThat(ontvangers.ontvanger(perPost.id()).orElseThrow().status()).isEqualTo(Ontvangerstatus.TE_INFORMEREN);
    List<Task> postTaken = taskService.createTaskQuery().processInstanceBusinessKey(v.referentie())
        .taskDefinitionKey("Task_BriefAfdrukkenEnVersturen").list();
    assertThat(postTaken).hasSize(1);
    taskService.complete(postTaken.get(0).getId(), Map.of("postVerzendwijze", "GEWONE_POST",
        "gepostOp", "2030-03-05"));
    assertThat(verzendregister.vind(post.id()).orElseThrow().status()).isEqualTo(Verzendstatus.VERZONDEN);
    assertThat(ontvangers.lijst(v.referentie())).allSatisfy(o -> {
      assertThat(o.status()).isEqualTo(Ontvangerstatus.GEINFORMEERD);
      assertThat(o.geinformeerdOp()).isEqualTo(LocalDate.of(2030, 3, 5));
    });
    assertThat(ontvangers.ontvanger(perMail.id()).orElseThrow().briefSleutel()).isEqualTo(mail.sleutel());

    // a recipient found late blocks the reply until informed
    Ontvanger laat = ontvangers.voegToe(v.referentie(), "Deurwaarder Oost", "post@oost.example", null, "coordinator");
    Task berichten = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThatThrownBy(() -> taskService.complete(berichten.getId()))
        .hasMessageContaining("Er is nog 1 ontvanger die niet over de wijziging is geïnformeerd");
    ontvangers.geinformeerd(laat.id(), LocalDate.of(2030, 3, 5), null, "coordinator");
    taskService.complete(berichten.getId());
    assertThat(pi).isEnded();
  }

  private List<Verzending> brieven(Verzoek v) {
    return verzendregister.vanReferentie(v.referentie()).stream()
        .filter(b -> b.briefType() == BriefType.BERICHT_ONTVANGER).toList();
  }
}
