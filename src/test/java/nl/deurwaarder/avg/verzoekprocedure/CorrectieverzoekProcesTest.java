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
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestExecutionListeners;

/** Every path of the correction procedure PH-PRO-06 (bpmn/avg-correctieverzoek.bpmn). */
@AvgSpringTest
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class CorrectieverzoekProcesTest extends RechtverzoekProcesTestBasis {

  /**
   * Received on Thursday 30 April 2026: two weeks end on Thursday 14 May 2026, Hemelvaartsdag, so the office deadline
   * is Friday 15 May 2026; the legal deadline is Saturday 30 May → Monday 1 June 2026 (Whit Monday is 25 May).
   */
  static final LocalDate ONTVANGST = LocalDate.of(2026, 4, 30);

  @BeforeEach
  void registreer() {
    begin(VerzoekType.CORRECTIE, "avg-correctieverzoek", ONTVANGST);
    ontvangstBevestigd();
  }


  private void duidelijkEnNietVerifieren() {
    t.rondAf(ref, "Task_VerzoekBeoordelenDuidelijkheid", "verzoekDuidelijk", "JA");
    t.rondAf(ref, "Task_BeoordelenVerificatieNodig", "verificatieNodig", "NIET_NODIG");
    t.voerJobsUit(pi.getId());
  }

  private void corrigerenEnAntwoorden(String ontvanger) {
    Task aanwijzen = t.taak(ref, "Task_VerantwoordelijkeAanwijzen");
    assertThat(aanwijzen).hasCandidateGroup("privacycoordinator");
    assertThat(aanwijzen.getDueDate()).isEqualTo(deadline());
    assertThat(t.register.haal(ref).besluit()).isEqualTo("TOEWIJZEN");
    t.rondAf(ref, "Task_VerantwoordelijkeAanwijzen", "verantwoordelijke", "medewerker");
    Task corrigeren = t.taak(ref, "Task_GegevensCorrigeren");
    assertThat(corrigeren).isAssignedTo("medewerker");
    assertThat(corrigeren.getDueDate()).isEqualTo(deadline());
    t.klok(ONTVANGST.plusDays(5), 10);
    assertThatThrownBy(() -> t.rondAf(ref, "Task_GegevensCorrigeren", "systeem1", "Dossierapplicatie",
        "dossiernummer1", "D-1", "omschrijving1", "adres", "uitgevoerdOp1", "2099-01-01"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Regel 1");
    t.rondAf(ref, "Task_GegevensCorrigeren", "systeem1", "Dossierapplicatie", "dossiernummer1", "D-2024-0007",
        "uitgevoerdOp1", "04-05-2026", "omschrijving1", "huisnummer van het adres");
    assertThat(jdbc.queryForList("SELECT soort FROM avg_uitvoering WHERE referentie = ?", String.class, ref))
        .containsExactly("CORRIGEREN");
    if (ontvanger == null) {
      t.rondAf(ref, "Task_OntvangersVastleggen");
    } else {
      t.rondAf(ref, "Task_OntvangersVastleggen", "ontvanger1Naam", ontvanger, "ontvanger1Email",
          "info@ontvanger.example");
    }
    if (ontvanger == null) {
      t.mobielNummer(ref); // the access code of the secure link goes by SMS
    }
    t.voerJobsUit(pi.getId());
    // the reply names the corrected data: secure link (issue 12.7), access code by SMS or else by post
    t.reactieViaBeveiligdeLink(ref, "REACTIE_CORRECTIE");
    assertThat(jdbc.queryForObject("SELECT code_kanaal FROM avg_levering WHERE referentie = ?", String.class, ref))
        .isEqualTo(ontvanger == null ? "SMS" : "POST");
    if (ontvanger != null) {
      assertThat(pi).isWaitingAt("Task_WachtenOpPostReactie");
      assertThat(t.register.haal(ref).status()).isNotEqualTo(VerzoekStatus.AFGEHANDELD);
      t.bevestigPost(ref);
      assertThat(t.brieftypen(ref)).endsWith("TOEGANGSCODE");
    } else {
      assertThat(t.brieftypen(ref)).doesNotContain("TOEGANGSCODE");
    }
    assertThat(pi).isEnded().hasPassed("Task_OntvangersVastleggen", "Task_ReactieVerzenden",
        "EndEvent_VerzoekAfgehandeld");
    List<ProcesTestSteun.Brief> brieven = t.brieven(ref).stream().filter(b -> !b.type().equals("TOEGANGSCODE"))
        .toList();
    if (ontvanger == null) {
      // no recipients: no art. 19 letter, straight to the reply
      assertThat(brieven).extracting(ProcesTestSteun.Brief::type).doesNotContain("BERICHT_ONTVANGER")
          .endsWith("REACTIE_CORRECTIE");
    } else {
      assertThat(brieven).extracting(ProcesTestSteun.Brief::type).endsWith("BERICHT_ONTVANGER", "REACTIE_CORRECTIE");
      assertThat(brieven.get(brieven.size() - 2).tekst()).contains(ontvanger).contains("huisnummer van het adres");
      assertThat(brieven.get(brieven.size() - 1).tekst()).contains(ontvanger);
    }
    assertThat(brieven.get(brieven.size() - 1).tekst()).contains("huisnummer van het adres");
    Verzoek v = t.register.haal(ref);
    assertThat(v.status()).isEqualTo(VerzoekStatus.AFGEHANDELD);
    assertThat(v.verzendwijze()).isEqualTo("BEVEILIGDE_LINK");
    assertThat(v.uitgevoerdOp()).isEqualTo(LocalDate.of(2026, 5, 4));
    assertThat(v.verzondenOp()).isNotNull();
  }

  @Test
  void officeDeadlineIsFridayAfterAscensionDayAndAGrantNeedsNoFgAdvice() {
    Verzoek v = t.register.haal(ref);
    assertThat(v.uitersteReactiedatum()).isEqualTo(LocalDate.of(2026, 5, 15))
        .isEqualTo(t.termijn.laatsteDagWeken(ONTVANGST, 2));
    assertThat(v.wettelijkeUitersteDatum()).isEqualTo(t.termijn.laatsteDagMaanden(ONTVANGST, 1));
    assertThat(t.runtime.getVariable(pi.getId(), "termijnTekst")).isEqualTo("15 mei 2026");
    Task duidelijk = t.taak(ref, "Task_VerzoekBeoordelenDuidelijkheid");
    assertThat(duidelijk.getDueDate()).isEqualTo(t.termijn.werkdagenNaDatum(ONTVANGST, 3));
    duidelijkEnNietVerifieren();
    assertThatThrownBy(() -> t.rondAf(ref, "Task_VerzoekBeoordelen", "voorgenomenBesluit", "TOEWIJZEN"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("gevraagdeCorrectie");
    t.rondAf(ref, "Task_VerzoekBeoordelen", "voorgenomenBesluit", "TOEWIJZEN",
        "gevraagdeCorrectie", "Huisnummer 1 wordt 11.");
    assertThat(pi).hasNotPassed("CallActivity_FgAdvies");
    corrigerenEnAntwoorden("Incasso BV");
  }

  @Test
  void intendedRejectionFgDisagreesCoordinatorFollowsAndCorrects() {
    duidelijkEnNietVerifieren();
    assertThatThrownBy(() -> t.rondAf(ref, "Task_VerzoekBeoordelen", "voorgenomenBesluit", "AFWIJZEN",
        "afwijzingsgronden", lijst("STRIJD_MET_BEWAARTERMIJN"), "besluitMotivering", "x"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("hoort niet bij de opties");
    t.rondAf(ref, "Task_VerzoekBeoordelen", "voorgenomenBesluit", "AFWIJZEN",
        "afwijzingsgronden", lijst("AMBTELIJKE_REGISTERRAADPLEGING"), "besluitMotivering", "Adres komt uit de BRP.");
    assertThat(t.taak(ref, "Task_AdviesGeven")).hasCandidateGroup("fg");
    t.rondAf(ref, "Task_AdviesGeven", "fgAdvies", "NIET_AKKOORD", "fgToelichting", "BRP is aantoonbaar achterhaald.");
    t.rondAf(ref, "Task_BesluitNemenNaFgAdvies", "besluitNaAdvies", "ADVIES_VOLGEN");
    corrigerenEnAntwoorden(null);
  }

  @Test
  void intendedRejectionWithFgAgreementEndsRejected() {
    duidelijkEnNietVerifieren();
    t.rondAf(ref, "Task_VerzoekBeoordelen", "voorgenomenBesluit", "AFWIJZEN",
        "afwijzingsgronden", lijst("GEEN_PERSOONSGEGEVENS"), "besluitMotivering", "Het betreft een bedrijfsnaam.");
    t.rondAf(ref, "Task_AdviesGeven", "fgAdvies", "AKKOORD");
    t.voerJobsUit(pi.getId());
    assertThat(pi).isEnded().hasPassed("Task_BriefAfwijzing", "EndEvent_VerzoekAfgewezen");
    assertThat(t.brieven(ref)).last().satisfies(b -> {
      assertThat(b.type()).isEqualTo("AFWIJZING");
      assertThat(b.tekst()).contains("bedrijfsnaam");
    });
    assertThat(t.register.haal(ref).status()).isEqualTo(VerzoekStatus.AFGEWEZEN);
  }

  @Test
  void unclearClarifiedOrNotThenVerificationNegative() {
    t.rondAf(ref, "Task_VerzoekBeoordelenDuidelijkheid", "verzoekDuidelijk", "NEE", "verduidelijkingsvraag", "Welk?");
    t.voerJobsUit(pi.getId());
    t.laatTimerAfgaan(pi.getId(), "BoundaryEvent_GeenVerduidelijking");
    t.rondAf(ref, "Task_BeoordelenVerificatieNodig", "verificatieNodig", "NODIG");
    t.rondAf(ref, "Task_IdentiteitVerifieren", "verificatieStap", "RESULTAAT", "verificatieResultaat", "NEGATIEF",
        "verificatieMethode", lijst("IDENTITEITSBEWIJS"), "waarschuwingAdres", "ADRES_VERZOEK");
    t.voerJobsUit(pi.getId());
    assertThat(pi).isEnded().hasPassed("EndEvent_VerificatieAfgewezen");
    assertThat(t.register.haal(ref).status()).isEqualTo(VerzoekStatus.AFGEWEZEN);
  }

  @Test
  void clarifiedRequestGoesOn() {
    t.rondAf(ref, "Task_VerzoekBeoordelenDuidelijkheid", "verzoekDuidelijk", "NEE", "verduidelijkingsvraag", "Welk?");
    t.voerJobsUit(pi.getId());
    t.rondAf(ref, "Task_VerduidelijkingVerwerken", "verduidelijkt", "JA");
    assertThat(t.heeftTaak(ref, "Task_BeoordelenVerificatieNodig")).isTrue();
  }

  @Test
  void extensionToTheLegalLimitIsAllowedBeyondItRefused() {
    LocalDate grens = t.termijn.laatsteDagMaanden(ONTVANGST, 3);
    t.klok(LocalDate.of(2026, 5, 11), 9);
    assertThatThrownBy(() -> t.verleng(ref, "verlengdTot",
        grens.plusDays(1).toString(), "verlengingMotivering", "Veel systemen.", "verlengingBevestigd", true))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("ligt na de wettelijke grens van drie maanden na ontvangst")
        .hasMessageContaining("30 juli 2026");
    assertThat(t.register.haal(ref).verlengd()).isFalse();
    assertThatThrownBy(() -> t.verleng(ref, "verlengdTot", "01-05-2026",
        "verlengingMotivering", "x", "verlengingBevestigd", true))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("na de huidige");
    t.verleng(ref, "verlengdTot", "30-07-2026",
        "verlengingMotivering", "Correcties in vijf systemen.", "verlengingBevestigd", true);
    Verzoek v = t.register.haal(ref);
    assertThat(v.uitersteReactiedatum()).isEqualTo(grens).isEqualTo(LocalDate.of(2026, 7, 30));
    assertThat(v.wettelijkeUitersteDatum()).isEqualTo(grens);
    assertThat(v.verlengd()).isTrue();
    assertThat(t.runtime.getVariable(pi.getId(), "wettelijkeTermijnTekst")).isEqualTo("30 juli 2026");
    assertThat(t.taak(ref, "Task_VerzoekBeoordelenDuidelijkheid").getDueDate())
        .isEqualTo(t.termijn.werkdagenNaDatum(ONTVANGST, 3));
    assertThat(t.timer(pi.getId(), "StartEvent_TermijnVerstreken").getDuedate()).isEqualTo(t.datum(grens));
    t.voerJobsUit(pi.getId());
    assertThat(t.brieven(ref)).last().satisfies(b -> {
      assertThat(b.type()).isEqualTo("VERLENGING");
      assertThat(b.tekst()).contains("30 juli 2026").contains("Correcties in vijf systemen.");
    });
    t.laatTimerAfgaan(pi.getId(), "Event_HerinneringNieuweTermijn");
    t.voerJobsUit(pi.getId());
    assertThat(pi).hasPassed("EndEvent_TermijnVerlengd");
  }

  @Test
  void afterTwoWeeksNoExtensionReminderAndEscalation() {
    assertThat(t.timer(pi.getId(), "StartEvent_Herinnering").getDuedate())
        .isEqualTo(t.termijn.werkdagenVoorDeadline(deadline(), 2));
    t.laatTimerAfgaan(pi.getId(), "StartEvent_Herinnering");
    t.voerJobsUit(pi.getId());
    t.klok(t.termijn.laatsteDagWeken(ONTVANGST, 2).plusDays(1), 9);
    assertThatThrownBy(() -> t.verleng(ref, "verlengingMotivering", "Te laat.", "verlengingBevestigd", true))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("alleen binnen de eerste twee weken");
    assertThat(t.heeftVerlengtaak(ref)).isFalse();
    t.laatTimerAfgaan(pi.getId(), "StartEvent_TermijnVerstreken");
    t.voerJobsUit(pi.getId());
    assertThat(t.procesmail.soorten(ref)).containsExactly("HERINNERING", "TERMIJN_VERSTREKEN");
    t.rondAf(ref, "Task_TermijnOverschredenEscaleren", "escalatieAantekening", "Direct afhandelen.");
    assertThat(pi).hasPassed("EndEvent_HerinneringVerzonden", "EndEvent_Geescaleerd")
        .hasNotPassed("Task_TermijnVerlengenVerwerken").isNotEnded();
  }
}
