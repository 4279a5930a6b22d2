package nl.deurwaarder.avg.verzoek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import nl.deurwaarder.avg.AvgSpringTest;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Tasklist start form "AVG-verzoek registreren" for staff: a letter received in the past, a bad form. */
@AvgSpringTest
class VerzoekRegistrerenProcesTest {

  @Autowired
  FormService formService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  HistoryService historyService;
  @Autowired
  IdentityService identityService;
  @Autowired
  VerzoekRegister register;
  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  org.camunda.bpm.engine.ProcessEngine processEngine;

  @BeforeEach
  void klok() {
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init(processEngine);
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 6, 10, 9, 30, 0, 0, ZoneId.of("Europe/Amsterdam"))
        .toInstant()));
  }

  /** Submits the start form as the coordinator does in Tasklist (Camunda authorizations apply). */
  private ProcessInstance alsCoordinator(Map<String, Object> formulier) {
    identityService.setAuthentication("coordinator", java.util.List.of("privacycoordinator", "medewerker"));
    try {
      return formService.submitStartForm(definitie(), formulier);
    } finally {
      identityService.clearAuthentication();
    }
  }

  @AfterEach
  void herstel() {
    ClockUtil.reset();
  }

  private String definitie() {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey("avg-verzoek-registreren")
        .latestVersion().singleResult().getId();
  }

  private Map<String, Object> brief() {
    Map<String, Object> v = new HashMap<>();
    v.put("verzoekType", "CORRECTIE");
    v.put("kanaal", "BRIEF");
    v.put("ontvangenOp", "29-05-2026"); // a letter from last week, as staff type a date
    v.put("betrokkeneNaam", "Fatima el Amrani");
    v.put("betrokkeneAdres", "Kerkstraat 12\n3511 AB Utrecht");
    v.put("betrokkeneGeboortedatum", "3-2-1975");
    v.put("verzoekerRol", "ADVOCAAT");
    v.put("verzoekerNaam", "mr. K. Jansen");
    v.put("verzoekerEmail", "jansen@advocaten.example");
    v.put("verzoekerOrganisatie", "Jansen Advocaten");
    v.put("omschrijving", "Mijn adres in dossier 2024-77 klopt niet.");
    return v;
  }

  @Test
  void aLetterFromLastWeekIsRegisteredWithItsDeadlineFromReceiptAndItsProcedureStarted() {
    ProcessInstance registratie = alsCoordinator(brief());
    assertThat(registratie).isEnded();
    String ref = (String) historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(registratie.getId()).variableName("referentie").singleResult().getValue();
    Verzoek v = register.haal(ref);
    assertThat(v.kanaal()).isEqualTo(Kanaal.BRIEF);
    assertThat(v.verzoekType()).isEqualTo(VerzoekType.CORRECTIE);
    assertThat(v.geregistreerdDoor()).isEqualTo("coordinator");
    assertThat(v.verzoekerRol()).isEqualTo(VerzoekerRol.ADVOCAAT);
    assertThat(v.briefadresEmail()).isEqualTo("jansen@advocaten.example");
    assertThat(v.ontvangenOp().toLocalDate()).isEqualTo(LocalDate.of(2026, 5, 29));
    assertThat(v.betrokkene().geboortedatum()).isEqualTo(LocalDate.of(1975, 2, 3));
    // office norm: Friday 29 May 2026 + 2 weeks = Friday 12 June; legal: 29 June 2026 (Monday)
    assertThat(v.uitersteReactiedatum()).isEqualTo(LocalDate.of(2026, 6, 12));
    assertThat(v.wettelijkeUitersteDatum()).isEqualTo(LocalDate.of(2026, 6, 29));
    ProcessInstance procedure = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref)
        .processDefinitionKey("avg-correctieverzoek").singleResult();
    assertThat(procedure).isNotNull().isWaitingAt("Task_OntvangstbevestigingVerzenden");
    assertThat(v.processInstanceId()).isEqualTo(procedure.getId());
  }

  @Test
  void aBadStartFormIsRefusedInDutchAndRegistersNothing() {
    int voor = jdbc.queryForObject("SELECT COUNT(*) FROM avg_verzoek", Integer.class);
    long processen = runtimeService.createProcessInstanceQuery().count();
    Map<String, Object> slecht = brief();
    slecht.put("betrokkeneNaam", "");
    slecht.put("ontvangenOp", "01-01-2999");
    assertThatThrownBy(() -> alsCoordinator(slecht))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Vul de naam van de betrokkene in")
        .hasMessageContaining("toekomst");
    Map<String, Object> geenDatum = brief();
    geenDatum.put("ontvangenOp", "morgen");
    assertThatThrownBy(() -> alsCoordinator(geenDatum))
        .isInstanceOf(BadUserRequestException.class).hasMessageContaining("geen datum");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM avg_verzoek", Integer.class)).isEqualTo(voor);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(processen);
  }
}
