package nl.deurwaarder.avg.verzoekprocedure;

import static nl.deurwaarder.avg.verzoekprocedure.ProcesTestSteun.lijst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
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

/** Every path of the shared call activity "Identiteit verifiëren" (bpmn/avg-identiteit-verifieren.bpmn). */
@AvgSpringTest
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class IdentiteitVerifierenProcesTest {

  static final LocalDate MAANDAG = LocalDate.of(2026, 3, 2);

  @Autowired
  ProcesTestSteun t;

  @BeforeEach
  void klok() {
    t.klok(MAANDAG, 10);
  }

  @AfterEach
  void herstel() {
    ClockUtil.reset();
  }

  /** A registered request (its own procedure is not needed here) and the call activity started for it. */
  private ProcessInstance start(VerzoekerRol rol, boolean altijd) {
    Verzoek v = t.registreer(VerzoekType.VERWIJDERING, rol);
    t.runtime.deleteProcessInstance(v.processInstanceId(), "alleen de deelprocedure wordt getest");
    return t.runtime.startProcessInstanceByKey("avg-identiteit-verifieren", v.referentie(), ProcesTestSteun.vars(
        "verificatieAltijd", altijd, "referentie", v.referentie(), "betrokkeneNaam", "Pieter de Vries",
        "termijnTekst", "16 maart 2026", "verzoekerRol", rol.name(),
        "ontvangenOp", Date.from(v.ontvangenOp().toInstant()), "uitersteReactiedatum", t.datum(v.uitersteReactiedatum())));
  }

  private Task verifieren(String ref, LocalDate vanaf) {
    Task taak = t.taak(ref, "Task_IdentiteitVerifieren");
    assertThat(taak).hasCandidateGroup("privacycoordinator");
    assertThat(taak.getDueDate()).isEqualTo(t.termijn.werkdagenNaDatum(vanaf, 3));
    return taak;
  }

  @Test
  void alwaysForAccessPositiveWithTheRoleSpecificChecklistRecordsResultAndMethods() {
    ProcessInstance pi = start(VerzoekerRol.ADVOCAAT, true);
    String ref = pi.getBusinessKey();
    assertThat(t.register.haal(ref).status()).isEqualTo(VerzoekStatus.VERIFICATIE);
    verifieren(ref, MAANDAG);
    assertThat((String) t.runtime.getVariable(pi.getId(), "teControlerenTekst"))
        .contains("advocaat").contains("Orde van Advocaten");
    // a positive result needs at least one method: refused in Dutch on the server
    assertThatThrownBy(() -> t.rondAf(ref, "Task_IdentiteitVerifieren", "verificatieStap", "RESULTAAT",
        "verificatieResultaat", "POSITIEF", "verificatieMethode", lijst()))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Kies ten minste één waarde");
    assertThatThrownBy(() -> t.rondAf(ref, "Task_IdentiteitVerifieren", "verificatieStap", "RESULTAAT",
        "verificatieResultaat", "MISSCHIEN"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("hoort niet bij de opties");
    t.rondAf(ref, "Task_IdentiteitVerifieren", "verificatieStap", "RESULTAAT", "verificatieResultaat", "POSITIEF",
        "verificatieMethode", lijst("BRIEFPAPIER_OF_ORDE"));
    assertThat(pi).isEnded().hasPassed("EndEvent_Geverifieerd");
    Verzoek v = t.register.haal(ref);
    assertThat(v.verificatieResultaat()).isEqualTo("POSITIEF");
    assertThat(v.verificatieMethode()).isEqualTo("BRIEFPAPIER_OF_ORDE");
    assertThat(v.status()).isEqualTo(VerzoekStatus.VERIFICATIE);
    assertThat(t.brieftypen(ref)).isEmpty();
  }

  @Test
  void notAlwaysAndJudgedUnnecessaryEndsWithNietNodig() {
    ProcessInstance pi = start(VerzoekerRol.BETROKKENE, false);
    String ref = pi.getBusinessKey();
    Task taak = t.taak(ref, "Task_BeoordelenVerificatieNodig");
    assertThat(taak).hasCandidateGroup("privacycoordinator");
    assertThat(taak.getDueDate()).isEqualTo(t.termijn.werkdagenNaDatum(MAANDAG, 3));
    assertThatThrownBy(() -> t.rondAf(ref, "Task_BeoordelenVerificatieNodig", "verificatieNodig", "WEET_NIET"))
        .isInstanceOf(ProcessEngineException.class);
    t.rondAf(ref, "Task_BeoordelenVerificatieNodig", "verificatieNodig", "NIET_NODIG");
    assertThat(pi).isEnded().hasPassed("EndEvent_VerificatieNietNodig");
    assertThat(t.register.haal(ref).verificatieResultaat()).isEqualTo("NIET_NODIG");
    assertThat(t.register.haal(ref).status()).isEqualTo(VerzoekStatus.VERIFICATIE);
  }

  @Test
  void neededAndNegativeSendsTheLetterAndRejectsTheRequest() {
    ProcessInstance pi = start(VerzoekerRol.GEMACHTIGDE, false);
    String ref = pi.getBusinessKey();
    t.rondAf(ref, "Task_BeoordelenVerificatieNodig", "verificatieNodig", "NODIG");
    verifieren(ref, MAANDAG);
    t.rondAf(ref, "Task_IdentiteitVerifieren", "verificatieStap", "RESULTAAT", "verificatieResultaat", "NEGATIEF",
        "verificatieMethode", lijst("MACHTIGING"), "waarschuwingAdres", "ADRES_VERZOEK");
    assertThat(pi).isWaitingAt("Task_BriefVerificatieNegatief");
    t.voerJobsUit(pi.getId());
    assertThat(pi).isEnded().hasPassed("EndEvent_NegatiefAfgewezen");
    assertThat(t.brieftypen(ref)).containsExactly("VERIFICATIE_NEGATIEF");
    Verzoek v = t.register.haal(ref);
    assertThat(v.status()).isEqualTo(VerzoekStatus.AFGEWEZEN);
    assertThat(v.verificatieResultaat()).isEqualTo("NEGATIEF");
    assertThat(v.afgeslotenOp()).isNotNull();
  }

  @Test
  void extraInformationArrivesThenVerificationImpossibleRestartsTheThreeDaysAndRejects() {
    ProcessInstance pi = start(VerzoekerRol.BETROKKENE, true);
    String ref = pi.getBusinessKey();
    assertThatThrownBy(() -> t.rondAf(ref, "Task_IdentiteitVerifieren", "verificatieStap", "AANVULLENDE_INFORMATIE"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("aanvullendeInformatie");
    t.rondAf(ref, "Task_IdentiteitVerifieren", "verificatieStap", "AANVULLENDE_INFORMATIE",
        "aanvullendeInformatie", "een kopie van uw identiteitsbewijs");
    t.voerJobsUit(pi.getId());
    assertThat(t.brieven(ref)).singleElement().satisfies(b -> {
      assertThat(b.type()).isEqualTo("VERIFICATIE_AANVULLENDE_INFORMATIE");
      assertThat(b.tekst()).contains("een kopie van uw identiteitsbewijs");
    });
    assertThat(t.taak(ref, "Task_AanvullendeInformatieVerwerken")).hasCandidateGroup("privacycoordinator");
    LocalDate ontvangen = LocalDate.of(2026, 3, 9);
    t.klok(ontvangen, 11);
    assertThatThrownBy(() -> t.rondAf(ref, "Task_AanvullendeInformatieVerwerken",
        "aanvullendeInformatieOntvangen", false)).isInstanceOf(ProcessEngineException.class);
    t.rondAf(ref, "Task_AanvullendeInformatieVerwerken", "aanvullendeInformatieOntvangen", true);
    verifieren(ref, ontvangen);
    t.rondAf(ref, "Task_IdentiteitVerifieren", "verificatieStap", "RESULTAAT",
        "verificatieResultaat", "GEEN_VERIFICATIE_MOGELIJK");
    t.voerJobsUit(pi.getId());
    assertThat(pi).isEnded().hasPassed("Task_BriefVerificatieNietMogelijk", "EndEvent_NietMogelijkAfgewezen");
    assertThat(t.brieftypen(ref)).containsExactly("VERIFICATIE_AANVULLENDE_INFORMATIE", "VERIFICATIE_NIET_MOGELIJK");
    assertThat(t.register.haal(ref).status()).isEqualTo(VerzoekStatus.AFGEWEZEN);
    assertThat(t.register.haal(ref).verificatieResultaat()).isEqualTo("GEEN_VERIFICATIE_MOGELIJK");
  }

  @Test
  void noReplyWithinFourteenDaysMeansNoVerificationPossible() {
    ProcessInstance pi = start(VerzoekerRol.BEWINDVOERDER, true);
    String ref = pi.getBusinessKey();
    assertThat((String) t.runtime.getVariable(pi.getId(), "teControlerenTekst")).contains("bewindregister");
    t.rondAf(ref, "Task_IdentiteitVerifieren", "verificatieStap", "AANVULLENDE_INFORMATIE",
        "aanvullendeInformatie", "de beschikking");
    t.voerJobsUit(pi.getId());
    assertThat(t.timer(pi.getId(), "BoundaryEvent_GeenReactie").getDuedate())
        .isEqualTo(Date.from(ClockUtil.now().toInstant().plus(java.time.Duration.ofDays(14))));
    t.laatTimerAfgaan(pi.getId(), "BoundaryEvent_GeenReactie");
    t.voerJobsUit(pi.getId());
    assertThat(pi).isEnded().hasPassed("BoundaryEvent_GeenReactie", "EndEvent_NietMogelijkAfgewezen");
    assertThat(t.runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    Verzoek v = t.register.haal(ref);
    assertThat(v.verificatieResultaat()).isEqualTo("GEEN_VERIFICATIE_MOGELIJK");
    assertThat(v.status()).isEqualTo(VerzoekStatus.AFGEWEZEN);
    assertThat(t.brieftypen(ref)).endsWith("VERIFICATIE_NIET_MOGELIJK");
  }

  static Map<String, Object> geen() {
    return Map.of();
  }
}
