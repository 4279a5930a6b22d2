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
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestExecutionListeners;

/**
 * Every path of the restriction procedure PH-PRO-07 (bpmn/avg-beperkingsverzoek.bpmn) and of the watch that lifts the
 * restriction (bpmn/avg-beperking-opheffen.bpmn).
 */
@AvgSpringTest
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class BeperkingsverzoekProcesTest extends RechtverzoekProcesTestBasis {

  /** Receipt on Monday 7 September 2026: office deadline Monday 21 September. */
  static final LocalDate ONTVANGST = LocalDate.of(2026, 9, 7);

  @BeforeEach
  void registreer() {
    Verzoek v = begin(VerzoekType.BEPERKING, "avg-beperkingsverzoek", ONTVANGST);
    assertThat(v.uitersteReactiedatum()).isEqualTo(t.termijn.laatsteDagWeken(ONTVANGST, 2));
    ontvangstBevestigd();
  }


  private void duidelijkEnNietVerifieren() {
    t.rondAf(ref, "Task_VerzoekBeoordelenDuidelijkheid", "verzoekDuidelijk", "JA");
    t.rondAf(ref, "Task_BeoordelenVerificatieNodig", "verificatieNodig", "NIET_NODIG");
    t.voerJobsUit(pi.getId());
  }

  @Test
  void grantedRestrictedAnsweredThenAnnouncedBeforeItIsLifted() {
    duidelijkEnNietVerifieren();
    Task beoordelen = t.taak(ref, "Task_VerzoekBeoordelen");
    assertThat(beoordelen).hasCandidateGroup("privacycoordinator");
    assertThat(beoordelen.getDueDate()).isEqualTo(deadline());
    assertThatThrownBy(() -> t.rondAf(ref, "Task_VerzoekBeoordelen", "voorgenomenBesluit", "TOEWIJZEN",
        "besluitMotivering", "Juistheid betwist.")).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("beperkingsgronden");
    t.rondAf(ref, "Task_VerzoekBeoordelen", "voorgenomenBesluit", "TOEWIJZEN",
        "beperkingsgronden", lijst("JUISTHEID_BETWIST"), "besluitMotivering", "De juistheid van het adres is betwist.");
    // FG advice on every intended decision
    assertThat(t.taak(ref, "Task_AdviesGeven")).hasCandidateGroup("fg");
    t.rondAf(ref, "Task_AdviesGeven", "fgAdvies", "AKKOORD");
    Task beperken = t.taak(ref, "Task_GegevensBeperken");
    assertThat(beperken).hasCandidateGroup("privacycoordinator");
    assertThat(beperken.getDueDate()).isEqualTo(deadline());
    assertThat(t.register.haal(ref).status()).isEqualTo(VerzoekStatus.IN_BEHANDELING);
    t.klok(ONTVANGST.plusDays(2), 10);
    assertThatThrownBy(() -> t.rondAf(ref, "Task_GegevensBeperken", "systeem1", "Dossierapplicatie",
        "dossiernummer1", "D-9", "uitgevoerdOp1", "08-09-2026", "omschrijving1", "adres"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("(beperkingReden1): vul dit veld in");
    t.rondAf(ref, "Task_GegevensBeperken", "systeem1", "Dossierapplicatie", "dossiernummer1", "D-2025-0100",
        "uitgevoerdOp1", "08-09-2026", "omschrijving1", "woonadres", "beperkingReden1", "juistheid betwist",
        "beperktTot1", "30-09-2026",
        "systeem2", "Webportal justitiabelen", "dossiernummer2", "D-2025-0100", "uitgevoerdOp2", "08-09-2026",
        "omschrijving2", "woonadres", "beperkingReden2", "juistheid betwist", "beperkingEinde2", "einde controle");
    t.mobielNummer(ref); // the access code of the secure link goes by SMS
    t.rondAf(ref, "Task_OntvangersVastleggen", "ontvanger1Naam", "Opdrachtgever NV",
        "ontvanger1Adres", "Postbus 2, Utrecht");
    t.voerJobsUit(pi.getId());
    assertThat(pi).isWaitingAt("Task_WachtenOpPostOntvangers");
    assertThat(t.register.haal(ref).status()).isNotEqualTo(VerzoekStatus.AFGEHANDELD);
    t.rondAf(ref, "Task_BriefAfdrukkenEnVersturen", "postVerzendwijze", "GEWONE_POST",
        "gepostOp", ONTVANGST.plusDays(2).toString());
    t.voerJobsUit(pi.getId());
    assertThat(pi).isEnded().hasPassed("Task_OntvangersInformeren", "Task_ReactieVerzenden", "Task_BewakingStarten",
        "EndEvent_VerzoekAfgehandeld");
    // the reply names the restricted data: secure link with the access code by SMS (issue 12.7)
    t.reactieViaBeveiligdeLink(ref, "REACTIE_BEPERKING");
    assertThat(t.register.haal(ref).verzendwijze()).isEqualTo("BEVEILIGDE_LINK");
    List<ProcesTestSteun.Brief> brieven = t.brieven(ref);
    assertThat(brieven).extracting(ProcesTestSteun.Brief::type)
        .containsExactly("ONTVANGSTBEVESTIGING", "BERICHT_ONTVANGER", "REACTIE_BEPERKING");
    assertThat(brieven.get(1).status()).isEqualTo("VERZONDEN");
    assertThat(brieven.get(1).tekst()).contains("Opdrachtgever NV");
    assertThat(brieven.get(2).tekst()).contains("woonadres").contains("juistheid betwist")
        .contains("Opdrachtgever NV");
    Verzoek v = t.register.haal(ref);
    assertThat(v.status()).isEqualTo(VerzoekStatus.AFGEHANDELD);
    assertThat(v.uitgevoerdOp()).isEqualTo(LocalDate.of(2026, 9, 8));
    assertThat(v.verzondenOp()).isNotNull();

    // the watch: due on the restriction's end date; the data subject is told before the restriction is lifted
    ProcessInstance bewaking = t.procedure(ref, "avg-beperking-opheffen");
    assertThat(bewaking).isNotNull().isWaitingAt("Task_EindeBeperkingBeoordelen");
    Task einde = t.taak(ref, "Task_EindeBeperkingBeoordelen");
    assertThat(einde).hasCandidateGroup("privacycoordinator");
    assertThat(einde.getDueDate()).isEqualTo(t.datum(LocalDate.of(2026, 9, 30)));
    t.klok(LocalDate.of(2026, 9, 28), 10);
    assertThatThrownBy(() -> t.rondAf(ref, "Task_EindeBeperkingBeoordelen", "opheffingReden", "Adres gecontroleerd.",
        "opheffingsdatum", "01-09-2026")).isInstanceOf(ProcessEngineException.class).hasMessageContaining("verleden");
    t.rondAf(ref, "Task_EindeBeperkingBeoordelen", "opheffingReden", "Het adres is gecontroleerd en juist.",
        "opheffingsdatum", "02-10-2026");
    assertThat(t.heeftTaak(ref, "Task_BeperkingOpheffen")).isFalse();
    t.voerJobsUit(bewaking.getId());
    assertThat(t.brieven(ref)).last().satisfies(b -> {
      assertThat(b.type()).isEqualTo("AANKONDIGING_OPHEFFING_BEPERKING");
      assertThat(b.tekst()).contains("2 oktober 2026").contains("Het adres is gecontroleerd en juist.");
    });
    Task opheffen = t.taak(ref, "Task_BeperkingOpheffen");
    assertThat(opheffen).hasCandidateGroup("privacycoordinator");
    assertThat(opheffen.getDueDate()).isEqualTo(t.datum(LocalDate.of(2026, 10, 2)));
    t.klok(LocalDate.of(2026, 10, 2), 10);
    t.rondAf(ref, "Task_BeperkingOpheffen", "systeem1", "Dossierapplicatie", "dossiernummer1", "D-2025-0100",
        "uitgevoerdOp1", "02-10-2026", "omschrijving1", "woonadres");
    assertThat(bewaking).isEnded().hasPassed("Task_BriefAankondiging", "EndEvent_BeperkingOpgeheven");
    assertThat(jdbc.queryForList("SELECT soort FROM avg_uitvoering WHERE referentie = ? ORDER BY id", String.class,
        ref)).containsExactly("BEPERKEN", "BEPERKEN", "BEPERKING_OPGEHEVEN");
    assertThat(t.register.historie(ref)).anySatisfy(h -> assertThat(String.valueOf(h.nieuweWaarde()))
        .isEqualTo("BEPERKING_OPGEHEVEN: Dossierapplicatie (dossier D-2025-0100) op 02-10-2026"));
    // the request was carried out when the data were restricted; the lifting does not change that date
    assertThat(t.register.haal(ref).uitgevoerdOp()).isEqualTo(LocalDate.of(2026, 9, 8));
  }

  @Test
  void intendedRejectionWithFgAgreementEndsRejected() {
    duidelijkEnNietVerifieren();
    assertThatThrownBy(() -> t.rondAf(ref, "Task_VerzoekBeoordelen", "voorgenomenBesluit", "AFWIJZEN",
        "afwijzingsgronden", lijst("KLACHT_OF_PROCEDURE"), "besluitMotivering", "x"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("hoort niet bij de opties");
    t.rondAf(ref, "Task_VerzoekBeoordelen", "voorgenomenBesluit", "AFWIJZEN",
        "afwijzingsgronden", lijst("GEEN_GROND_VOOR_BEPERKING"), "besluitMotivering", "Geen grond van art. 18 lid 1.");
    t.rondAf(ref, "Task_AdviesGeven", "fgAdvies", "AKKOORD");
    t.voerJobsUit(pi.getId());
    assertThat(pi).isEnded().hasPassed("Task_BriefAfwijzing", "EndEvent_VerzoekAfgewezen");
    assertThat(t.brieven(ref)).last().satisfies(b -> assertThat(b.type()).isEqualTo("AFWIJZING"));
    assertThat(t.register.haal(ref).status()).isEqualTo(VerzoekStatus.AFGEWEZEN);
    assertThat(t.procedure(ref, "avg-beperking-opheffen")).isNull();
  }

  @Test
  void unclearThenVerificationNegative() {
    t.rondAf(ref, "Task_VerzoekBeoordelenDuidelijkheid", "verzoekDuidelijk", "NEE", "verduidelijkingsvraag", "Welk?");
    t.voerJobsUit(pi.getId());
    t.laatTimerAfgaan(pi.getId(), "BoundaryEvent_GeenVerduidelijking");
    t.rondAf(ref, "Task_BeoordelenVerificatieNodig", "verificatieNodig", "NODIG");
    t.rondAf(ref, "Task_IdentiteitVerifieren", "verificatieStap", "RESULTAAT", "verificatieResultaat", "NEGATIEF",
        "verificatieMethode", lijst("IDENTITEITSBEWIJS"), "waarschuwingAdres", "ADRES_VERZOEK");
    t.voerJobsUit(pi.getId());
    assertThat(pi).isEnded().hasPassed("EndEvent_VerificatieAfgewezen");
  }

  @Test
  void clarifiedAndExtendedByTwoWeeks() {
    t.rondAf(ref, "Task_VerzoekBeoordelenDuidelijkheid", "verzoekDuidelijk", "NEE", "verduidelijkingsvraag", "Welk?");
    t.voerJobsUit(pi.getId());
    t.rondAf(ref, "Task_VerduidelijkingVerwerken", "verduidelijkt", "JA");
    t.klok(ONTVANGST.plusDays(3), 10);
    t.verleng(ref, "verlengingMotivering", "Navraag bij opdrachtgever.", "verlengingBevestigd", true);
    assertThat(t.register.haal(ref).uitersteReactiedatum()).isEqualTo(t.termijn.laatsteDagWeken(ONTVANGST, 4));
    assertThat(t.taak(ref, "Task_BeoordelenVerificatieNodig")).isNotNull();
    t.voerJobsUit(pi.getId());
    t.laatTimerAfgaan(pi.getId(), "Event_HerinneringNieuweTermijn");
    t.voerJobsUit(pi.getId());
    assertThat(pi).hasPassed("Task_BriefVerlenging", "EndEvent_TermijnVerlengd");
  }

  @Test
  void reminderEscalationAndNoExtensionAfterTwoWeeks() {
    t.laatTimerAfgaan(pi.getId(), "StartEvent_Herinnering");
    t.voerJobsUit(pi.getId());
    t.klok(t.termijn.laatsteDagWeken(ONTVANGST, 2).plusDays(1), 9);
    assertThatThrownBy(() -> t.verleng(ref, "verlengingMotivering", "Te laat.", "verlengingBevestigd", true))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("alleen binnen de eerste twee weken");
    t.laatTimerAfgaan(pi.getId(), "StartEvent_TermijnVerstreken");
    t.voerJobsUit(pi.getId());
    Task escaleren = t.taak(ref, "Task_TermijnOverschredenEscaleren");
    assertThat(escaleren).hasCandidateGroup("fg").hasCandidateGroup("directie");
    t.rondAf(ref, "Task_TermijnOverschredenEscaleren", "escalatieAantekening", "Afronden.");
    assertThat(pi).hasPassed("EndEvent_HerinneringVerzonden", "EndEvent_Geescaleerd")
        .hasNotPassed("Task_TermijnVerlengenVerwerken").isNotEnded();
    assertThat(t.procesmail.soorten(ref)).containsExactly("HERINNERING", "TERMIJN_VERSTREKEN");
  }

  @Test
  void aRestrictionUntilAnEventHasNoDueDateUntilTheLiftingIsAnnounced() {
    ProcessInstance bewaking = t.runtime.startProcessInstanceByKey("avg-beperking-opheffen", ref,
        ProcesTestSteun.vars("referentie", ref, "betrokkeneNaam", "Pieter de Vries", "beperktTot", null,
            "beperkingRedenen", "bezwaar aanhangig (tot: beslissing op bezwaar)"));
    Task einde = t.taak(ref, "Task_EindeBeperkingBeoordelen");
    assertThat(einde.getDueDate()).isNull();
    assertThatThrownBy(() -> t.rondAf(ref, "Task_EindeBeperkingBeoordelen", "opheffingReden", "Bezwaar beslist."))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("): vul dit veld in");
    t.rondAf(ref, "Task_EindeBeperkingBeoordelen", "opheffingReden", "Bezwaar beslist.",
        "opheffingsdatum", ONTVANGST.plusDays(7).toString());
    t.voerJobsUit(bewaking.getId());
    assertThat(t.brieftypen(ref)).endsWith("AANKONDIGING_OPHEFFING_BEPERKING");
    assertThat(t.taak(ref, "Task_BeperkingOpheffen").getDueDate()).isEqualTo(t.datum(ONTVANGST.plusDays(7)));
  }
}
