package nl.deurwaarder.avg.verzoekprocedure;

import static nl.deurwaarder.avg.verzoekprocedure.ProcesTestSteun.lijst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.List;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekStatus;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import nl.deurwaarder.avg.verzoek.VerzoekerRol;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;

/** Every path of the shared call activity "FG-advies" (bpmn/avg-fg-advies.bpmn). */
@AvgSpringTest
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class FgAdviesProcesTest {

  static final LocalDate DINSDAG = LocalDate.of(2026, 3, 3);

  @Autowired
  ProcesTestSteun t;
  @Autowired
  nl.deurwaarder.avg.afwijking.Afwijkingenregister afwijkingen;

  @BeforeEach
  void klok() {
    t.klok(DINSDAG, 10);
  }

  @AfterEach
  void herstel() {
    ClockUtil.reset();
  }

  private ProcessInstance start(String voorgenomen) {
    Verzoek v = t.registreer(VerzoekType.INZAGE, VerzoekerRol.BETROKKENE);
    t.runtime.deleteProcessInstance(v.processInstanceId(), "alleen de deelprocedure wordt getest");
    return t.runtime.startProcessInstanceByKey("avg-fg-advies", v.referentie(), ProcesTestSteun.vars(
        "voorgenomenBesluit", voorgenomen, "onderwerp", "Inzageverzoek: voorgenomen afwijzing",
        "besluitMotivering", "Derde identiek verzoek dit kwartaal.", "afwijzingsgronden", lijst("HERHAALD_VERZOEK"),
        "referentie", v.referentie(), "betrokkeneNaam", "Pieter de Vries", "termijnTekst", "3 april 2026",
        "uitersteReactiedatum", t.datum(v.uitersteReactiedatum())));
  }

  private Task advies(ProcessInstance pi) {
    String ref = pi.getBusinessKey();
    assertThat(t.register.haal(ref).status()).isEqualTo(VerzoekStatus.FG_ADVIES);
    assertThat((String) t.runtime.getVariable(pi.getId(), "grondenTekst")).contains("herhaald identiek verzoek");
    Task taak = t.taak(ref, "Task_AdviesGeven");
    assertThat(taak).hasCandidateGroup("fg");
    assertThat(taak.getDueDate()).isEqualTo(t.termijn.werkdagenNaDatum(DINSDAG, 3));
    return taak;
  }

  @Test
  void fgAgreesTheIntendedDecisionStands() {
    ProcessInstance pi = start("AFWIJZEN");
    advies(pi);
    assertThatThrownBy(() -> t.rondAf(pi.getBusinessKey(), "Task_AdviesGeven", "fgAdvies", "WEET_NIET"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("fgAdvies");
    t.rondAf(pi.getBusinessKey(), "Task_AdviesGeven", "fgAdvies", "AKKOORD");
    assertThat(pi).isEnded().hasPassed("EndEvent_AdviesAkkoord").variables()
        .containsEntry("besluit", "AFWIJZEN").containsEntry("afgewekenVanAdvies", false);
    Verzoek v = t.register.haal(pi.getBusinessKey());
    assertThat(v.fgAdvies()).isEqualTo("AKKOORD");
    assertThat(v.besluit()).isEqualTo("AFWIJZEN");
    assertThat(afwijkingen.vanReferentie(pi.getBusinessKey())).isEmpty();
  }

  @Test
  void fgDisagreesAndTheCoordinatorFollowsTheAdviceSoTheDecisionTurns() {
    ProcessInstance pi = start("AFWIJZEN");
    String ref = pi.getBusinessKey();
    advies(pi);
    assertThatThrownBy(() -> t.rondAf(ref, "Task_AdviesGeven", "fgAdvies", "NIET_AKKOORD"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("fgToelichting");
    t.rondAf(ref, "Task_AdviesGeven", "fgAdvies", "NIET_AKKOORD", "fgToelichting", "Niet identiek: ander dossier.");
    Task besluit = t.taak(ref, "Task_BesluitNemenNaFgAdvies");
    assertThat(besluit).hasCandidateGroup("privacycoordinator");
    assertThat(besluit.getDueDate()).isEqualTo(t.datum(t.register.haal(ref).uitersteReactiedatum()));
    t.rondAf(ref, "Task_BesluitNemenNaFgAdvies", "besluitNaAdvies", "ADVIES_VOLGEN");
    assertThat(pi).isEnded().hasPassed("EndEvent_AdviesGevolgd");
    Verzoek v = t.register.haal(ref);
    assertThat(v.besluit()).isEqualTo("TOEWIJZEN");
    assertThat(v.fgToelichting()).isEqualTo("Niet identiek: ander dossier.");
    assertThat(v.afwijkingMotivering()).isNull();
    assertThat(afwijkingen.vanReferentie(ref)).isEmpty();
  }

  @Test
  void deviatingNeedsAReasonThatGoesToTheFgAndTheRegisterOfDeviations() {
    ProcessInstance pi = start("AFWIJZEN");
    String ref = pi.getBusinessKey();
    t.rondAf(ref, "Task_AdviesGeven", "fgAdvies", "NIET_AKKOORD", "fgToelichting", "Niet identiek.");
    assertThatThrownBy(() -> t.rondAf(ref, "Task_BesluitNemenNaFgAdvies", "besluitNaAdvies", "AFWIJKEN"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("afwijkingMotivering");
    t.rondAf(ref, "Task_BesluitNemenNaFgAdvies", "besluitNaAdvies", "AFWIJKEN",
        "afwijkingMotivering", "Wel identiek: zelfde vraag, zelfde periode.");
    assertThat(pi).isWaitingAt("Task_FgInformerenOverAfwijking");
    List<nl.deurwaarder.avg.afwijking.Afwijking> lijst = afwijkingen.vanReferentie(ref);
    assertThat(lijst).singleElement().satisfies(a -> {
      assertThat(a.fgAdvies()).isEqualTo("NIET_AKKOORD");
      assertThat(a.besluit()).isEqualTo("AFWIJZEN");
      assertThat(a.soort()).isEqualTo(nl.deurwaarder.avg.afwijking.Afwijkingssoort.VERZOEK_BESLUIT);
      assertThat(a.motivering()).isEqualTo("Wel identiek: zelfde vraag, zelfde periode.");
      assertThat(a.fgBerichtOp()).isNull();
    });
    t.voerJobsUit(pi.getId());
    assertThat(pi).isEnded().hasPassed("Task_AfwijkingRegistreren", "EndEvent_AfgewekenVanAdvies").variables()
        .containsEntry("besluit", "AFWIJZEN").containsEntry("afgewekenVanAdvies", true);
    assertThat(t.procesmail.soorten(ref)).containsExactly("FG_AFWIJKING");
    assertThat(afwijkingen.vanReferentie(ref).get(0).fgBerichtOp()).isNotNull();
    Verzoek v = t.register.haal(ref);
    assertThat(v.besluit()).isEqualTo("AFWIJZEN");
    assertThat(v.afwijkingMotivering()).isEqualTo("Wel identiek: zelfde vraag, zelfde periode.");
  }

  @Test
  void aMailIsSentOnceEvenWhenItsJobRunsAgain() {
    String sleutel = "test:" + System.nanoTime();
    assertThat(t.procesmail.verstuur(sleutel, null, "TEST", List.of("fg@kantoor.example"), "Onderwerp", "Tekst"))
        .isTrue();
    assertThat(t.procesmail.verstuur(sleutel, null, "TEST", List.of("fg@kantoor.example"), "Onderwerp", "Tekst"))
        .isFalse();
  }
}
