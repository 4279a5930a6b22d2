package nl.deurwaarder.avg.verzoekprocedure;

import static nl.deurwaarder.avg.verzoekprocedure.ProcesTestSteun.lijst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
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

/** Every path of the erasure procedure PH-PRO-05 (bpmn/avg-verwijderverzoek.bpmn). */
@AvgSpringTest
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class VerwijderverzoekProcesTest extends RechtverzoekProcesTestBasis {

  /** Receipt on Monday 2 March 2026: office deadline (2 weeks) Monday 16 March, legal (1 month) Thursday 2 April. */
  static final LocalDate ONTVANGST = LocalDate.of(2026, 3, 2);

  @BeforeEach
  void registreer() {
    Verzoek v = begin(VerzoekType.VERWIJDERING, "avg-verwijderverzoek", ONTVANGST);
    assertThat(v.uitersteReactiedatum()).isEqualTo(t.termijn.laatsteDagWeken(ONTVANGST, 2));
    assertThat(v.wettelijkeUitersteDatum()).isEqualTo(t.termijn.laatsteDagMaanden(ONTVANGST, 1));
    // extending is an action of the coordinator (avg-termijn-verlengen), not a task open for two weeks
    assertThat(pi).isWaitingAt("Task_OntvangstbevestigingVerzenden");
    assertThat(t.heeftVerlengtaak(ref)).isFalse();
    ontvangstBevestigd();
  }


  private void duidelijkEnNietVerifieren() {
    t.rondAf(ref, "Task_VerzoekBeoordelenDuidelijkheid", "verzoekDuidelijk", "JA");
    Task nodig = t.taak(ref, "Task_BeoordelenVerificatieNodig");
    assertThat(nodig).hasCandidateGroup("privacycoordinator");
    assertThat(t.runtime.getVariable(nodig.getProcessInstanceId(), "verificatieAltijd")).isEqualTo(false);
    t.rondAf(ref, "Task_BeoordelenVerificatieNodig", "verificatieNodig", "NIET_NODIG");
    t.voerJobsUit(pi.getId());
  }

  private void beoordeel(Object... vars) {
    Task taak = t.taak(ref, "Task_VerzoekBeoordelen");
    assertThat(taak).hasCandidateGroup("privacycoordinator");
    assertThat(taak.getDueDate()).isEqualTo(deadline());
    assertThat(t.register.haal(ref).status()).isEqualTo(VerzoekStatus.BEOORDELING);
    t.rondAf(ref, "Task_VerzoekBeoordelen", vars);
  }

  private void toewijzenMetFgAkkoord() {
    assertThatThrownBy(() -> beoordeel("voorgenomenBesluit", "TOEWIJZEN", "besluitMotivering", "Niet meer nodig."))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("toewijzingsgronden");
    beoordeel("voorgenomenBesluit", "TOEWIJZEN", "toewijzingsgronden", lijst("NIET_MEER_NODIG"),
        "besluitMotivering", "Dossier gesloten, bewaartermijn verstreken.");
    // FG advice on every intended decision, also on a grant
    assertThat(t.register.haal(ref).status()).isEqualTo(VerzoekStatus.FG_ADVIES);
    Task advies = t.taak(ref, "Task_AdviesGeven");
    assertThat(advies).hasCandidateGroup("fg");
    // the FG sees the grant grounds in words
    assertThat(t.runtime.getVariable(advies.getProcessInstanceId(), "grondenTekst"))
        .isEqualTo("niet meer nodig voor het doel");
    t.rondAf(ref, "Task_AdviesGeven", "fgAdvies", "AKKOORD");
  }

  private void aanwijzenVerzamelenScreenen() {
    Task aanwijzen = t.taak(ref, "Task_VerantwoordelijkeAanwijzen");
    assertThat(aanwijzen).hasCandidateGroup("privacycoordinator");
    assertThat(t.register.haal(ref).status()).isEqualTo(VerzoekStatus.IN_BEHANDELING);
    assertThat(t.register.haal(ref).besluit()).isEqualTo("TOEWIJZEN");
    t.rondAf(ref, "Task_VerantwoordelijkeAanwijzen", "verantwoordelijke", "medewerker");
    Task verzamelen = t.taak(ref, "Task_GegevensVerzamelen");
    assertThat(verzamelen).isAssignedTo("medewerker");
    t.taken.complete(verzamelen.getId(), GegevensVerzamelenProcesTest.checklist(true));
    t.voerJobsUit(pi.getId());
    Task screenen = t.taak(ref, "Task_GegevensScreenen");
    assertThat(screenen).hasCandidateGroup("privacycoordinator");
    assertThat(screenen.getDueDate()).isEqualTo(deadline());
    assertThatThrownBy(() -> t.rondAf(ref, "Task_GegevensScreenen", "screeningUitkomst", "GESCREEND",
        "screenBetrokkene", true)).isInstanceOf(ProcessEngineException.class).hasMessageContaining("screenOntvangers");
    t.rondAf(ref, "Task_GegevensScreenen", "screeningUitkomst", "GESCREEND", "screenBetrokkene", true,
        "screenPersoonsgegevens", true, "screenRechtOpWissen", true, "screenOntvangers", true);
  }

  @Test
  void replyToADataSubjectWithoutEmailIsAfgehandeldOnlyAfterPosting() {
    jdbc.update("UPDATE avg_verzoek SET betrokkene_email = NULL WHERE referentie = ?", ref);
    duidelijkEnNietVerifieren();
    toewijzenMetFgAkkoord();
    aanwijzenVerzamelenScreenen();
    t.klok(ONTVANGST.plusDays(4), 10);
    t.rondAf(ref, "Task_GegevensWissen", "systeem1", "Dossierapplicatie", "dossiernummer1", "D-2019-0042",
        "uitgevoerdOp1", ONTVANGST.plusDays(3).toString(), "omschrijving1", "naam en adres");
    t.rondAf(ref, "Task_OntvangersVastleggen");
    t.voerJobsUit(pi.getId());
    assertThat(pi).isWaitingAt("Task_WachtenOpPostReactie");
    assertThat(t.brieven(ref)).last().satisfies(b -> {
      assertThat(b.type()).isEqualTo("REACTIE_VERWIJDERING");
      assertThat(b.status()).isEqualTo("WACHT_OP_POST");
    });
    Verzoek wachtend = t.register.haal(ref);
    assertThat(wachtend.status()).isEqualTo(VerzoekStatus.IN_BEHANDELING);
    assertThat(wachtend.verzondenOp()).isNull();
    assertThat(wachtend.afgeslotenOp()).isNull();
    assertThat(wachtend.verzendingWachtOpPost()).isTrue();
    // the deadline keeps counting: the escalation timer is still armed
    assertThat(t.timer(pi.getId(), "StartEvent_TermijnVerstreken")).isNotNull();
    t.klok(ONTVANGST.plusDays(6), 9);
    t.rondAf(ref, "Task_BriefAfdrukkenEnVersturen", "postVerzendwijze", "GEWONE_POST",
        "gepostOp", ONTVANGST.plusDays(5).toString());
    assertThat(pi).isEnded().hasPassed("Task_WachtenOpPostReactie", "EndEvent_VerzoekAfgehandeld");
    Verzoek v = t.register.haal(ref);
    assertThat(v.status()).isEqualTo(VerzoekStatus.AFGEHANDELD);
    assertThat(v.verzondenOp().atZoneSameInstant(ProcesTestSteun.AMSTERDAM).toLocalDate())
        .isEqualTo(ONTVANGST.plusDays(5));
    assertThat(v.verzendingWachtOpPost()).isFalse();
  }

  @Test
  void grantedErasedPerSystemRecipientsInformedAndAnswered() {
    duidelijkEnNietVerifieren();
    assertThatThrownBy(() -> beoordeel("voorgenomenBesluit", "AFWIJZEN", "afwijzingsgronden",
        lijst("ONREDELIJK_BELASTEND"), "besluitMotivering", "x"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("hoort niet bij de opties");
    toewijzenMetFgAkkoord();
    aanwijzenVerzamelenScreenen();
    Task wissen = t.taak(ref, "Task_GegevensWissen");
    assertThat(wissen).isAssignedTo("medewerker");
    assertThat(wissen.getDueDate()).isEqualTo(deadline());
    String gisteren = ONTVANGST.plusDays(3).toString();
    t.klok(ONTVANGST.plusDays(4), 10);
    assertThatThrownBy(() -> t.rondAf(ref, "Task_GegevensWissen", "systeem1", "Dossierapplicatie"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("(dossiernummer1): vul dit veld in");
    t.rondAf(ref, "Task_GegevensWissen", "systeem1", "Dossierapplicatie", "dossiernummer1", "D-2019-0042",
        "uitgevoerdOp1", gisteren, "omschrijving1", "naam en adres",
        "systeem2", "E-mailberichten", "dossiernummer2", "D-2019-0042", "uitgevoerdOp2", gisteren,
        "omschrijving2", "e-mails met telefoonnummer", "soort2", "ANONIMISEREN");
    List<Map<String, Object>> rijen = jdbc.queryForList(
        "SELECT soort, systeem, dossiernummer, uitgevoerd_op FROM avg_uitvoering WHERE referentie = ? ORDER BY id", ref);
    assertThat(rijen).extracting(r -> r.get("SOORT")).containsExactly("WISSEN", "ANONIMISEREN");
    assertThat(rijen).extracting(r -> r.get("DOSSIERNUMMER")).containsOnly("D-2019-0042");

    Task ontvangers = t.taak(ref, "Task_OntvangersVastleggen");
    assertThat(ontvangers).hasCandidateGroup("privacycoordinator");
    t.rondAf(ref, "Task_OntvangersVastleggen", "ontvanger1Naam", "Incasso BV", "ontvanger1Email",
        "post@incasso.example", "ontvanger2Naam", "Opdrachtgever NV", "ontvanger2Adres", "Postbus 1, Utrecht");
    t.voerJobsUit(pi.getId());
    // the recipient without e-mail address gets a letter by post: not informed, no reply, not AFGEHANDELD
    assertThat(pi).isWaitingAt("Task_WachtenOpPostOntvangers");
    assertThat(t.brieftypen(ref)).doesNotContain("REACTIE_VERWIJDERING");
    assertThat(jdbc.queryForList("SELECT status FROM avg_ontvanger WHERE referentie = ? ORDER BY id", String.class,
        ref)).containsExactly("GEINFORMEERD", "TE_INFORMEREN");
    Verzoek wachtend = t.register.haal(ref);
    assertThat(wachtend.status()).isNotEqualTo(VerzoekStatus.AFGEHANDELD);
    assertThat(wachtend.verzendingWachtOpPost()).isTrue();
    Task post = t.taak(ref, "Task_BriefAfdrukkenEnVersturen");
    assertThat(post).hasCandidateGroup("privacycoordinator");
    assertThat(t.taken.getVariable(post.getId(), "postOntvanger")).isEqualTo("Opdrachtgever NV");
    assertThatThrownBy(() -> t.rondAf(ref, "Task_BriefAfdrukkenEnVersturen", "postVerzendwijze", "GEWONE_POST"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("(gepostOp): vul dit veld in");
    t.rondAf(ref, "Task_BriefAfdrukkenEnVersturen", "postVerzendwijze", "GEWONE_POST",
        "gepostOp", ONTVANGST.plusDays(4).toString());
    t.voerJobsUit(pi.getId());
    // the reply lists the erased data: it goes by secure link (issue 12.7), never as a readable attachment; without
    // a mobile number the access code goes by post, and the request waits until that letter is posted
    t.reactieViaBeveiligdeLink(ref, "REACTIE_VERWIJDERING");
    assertThat(pi).isWaitingAt("Task_WachtenOpPostReactie");
    assertThat(t.register.haal(ref).status()).isNotEqualTo(VerzoekStatus.AFGEHANDELD);
    assertThat(t.register.haal(ref).verzendingWachtOpPost()).isTrue();
    assertThat(t.taken.getVariable(t.taak(ref, "Task_BriefAfdrukkenEnVersturen").getId(), "postBriefType"))
        .isEqualTo("TOEGANGSCODE");
    t.bevestigPost(ref);
    assertThat(pi).isEnded().hasPassed("Task_OntvangersInformeren", "Task_WachtenOpPostOntvangers",
        "Task_ReactieVerzenden", "Task_WachtenOpPostReactie", "EndEvent_VerzoekAfgehandeld");
    assertThat(jdbc.queryForList("SELECT geinformeerd_op FROM avg_ontvanger WHERE referentie = ? ORDER BY id",
        java.time.LocalDate.class, ref)).containsExactly(ONTVANGST.plusDays(4), ONTVANGST.plusDays(4));
    List<ProcesTestSteun.Brief> brieven = t.brieven(ref);
    assertThat(brieven).extracting(ProcesTestSteun.Brief::type).containsExactly("ONTVANGSTBEVESTIGING",
        "BERICHT_ONTVANGER", "BERICHT_ONTVANGER", "REACTIE_VERWIJDERING", "TOEGANGSCODE");
    assertThat(brieven.subList(1, 3)).extracting(ProcesTestSteun.Brief::status)
        .containsOnly("VERZONDEN");
    assertThat(brieven.subList(1, 3)).anySatisfy(b -> assertThat(b.tekst()).contains("Incasso BV"))
        .anySatisfy(b -> assertThat(b.tekst()).contains("Opdrachtgever NV"))
        .allSatisfy(b -> assertThat(b.tekst()).contains("naam en adres"));
    assertThat(brieven.get(3).tekst()).contains("Dossierapplicatie: naam en adres").contains("Incasso BV")
        .contains("Opdrachtgever NV");
    assertThat(brieven.get(3).status()).isEqualTo("VERZONDEN");
    assertThat(jdbc.queryForList("SELECT status FROM avg_ontvanger WHERE referentie = ?", String.class, ref))
        .containsOnly("GEINFORMEERD").hasSize(2);
    Verzoek v = t.register.haal(ref);
    assertThat(v.status()).isEqualTo(VerzoekStatus.AFGEHANDELD);
    assertThat(v.verzendwijze()).isEqualTo("BEVEILIGDE_LINK");
    assertThat(v.uitgevoerdOp()).isEqualTo(ONTVANGST.plusDays(3));
    assertThat(v.verzondenOp()).isNotNull();
    assertThat(v.afgeslotenOp()).isNotNull();
    assertThat(v.verificatieResultaat()).isEqualTo("NIET_NODIG");
    assertThat(t.taken.createTaskQuery().processInstanceBusinessKey(ref).count()).isZero();
  }

  @Test
  void grantedAgainstFgAdviceReachesTheFgAndTheRegisterOfDeviations() {
    duidelijkEnNietVerifieren();
    beoordeel("voorgenomenBesluit", "TOEWIJZEN", "toewijzingsgronden", lijst("ONRECHTMATIG"),
        "besluitMotivering", "Gegevens zonder grondslag verwerkt.");
    t.rondAf(ref, "Task_AdviesGeven", "fgAdvies", "NIET_AKKOORD", "fgToelichting", "Bewaartermijn loopt nog.");
    assertThatThrownBy(() -> t.rondAf(ref, "Task_BesluitNemenNaFgAdvies", "besluitNaAdvies", "AFWIJKEN"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("afwijkingMotivering");
    t.rondAf(ref, "Task_BesluitNemenNaFgAdvies", "besluitNaAdvies", "AFWIJKEN",
        "afwijkingMotivering", "De verwerking was onrechtmatig; de bewaartermijn geldt dan niet.");
    t.voerJobsUit(pi.getId());
    assertThat(t.procesmail.soorten(ref)).contains("FG_AFWIJKING");
    List<Map<String, Object>> afwijkingen = jdbc.queryForList(
        "SELECT besluit, fg_advies, motivering, fg_bericht_op FROM avg_afwijking WHERE referentie = ?",
        ref);
    assertThat(afwijkingen).singleElement().satisfies(r -> {
      assertThat(r.get("BESLUIT")).isEqualTo("TOEWIJZEN");
      assertThat(r.get("FG_ADVIES")).isEqualTo("NIET_AKKOORD");
      assertThat((String) r.get("MOTIVERING")).contains("onrechtmatig");
      assertThat(r.get("FG_BERICHT_OP")).isNotNull();
    });
    Verzoek v = t.register.haal(ref);
    assertThat(v.besluit()).isEqualTo("TOEWIJZEN");
    assertThat(t.heeftTaak(ref, "Task_VerantwoordelijkeAanwijzen")).isTrue();
  }

  @Test
  void unclearWithoutReplyThenRejectedWithFgAgreement() {
    t.rondAf(ref, "Task_VerzoekBeoordelenDuidelijkheid", "verzoekDuidelijk", "NEE",
        "verduidelijkingsvraag", "Welke gegevens bedoelt u?");
    t.voerJobsUit(pi.getId());
    assertThat(t.brieftypen(ref)).endsWith("VERDUIDELIJKING");
    assertThat(t.taak(ref, "Task_VerduidelijkingVerwerken").getDueDate()).isEqualTo(deadline());
    t.laatTimerAfgaan(pi.getId(), "BoundaryEvent_GeenVerduidelijking");
    assertThat(t.runtime.getVariable(pi.getId(), "verduidelijkt")).isEqualTo("GEEN_REACTIE");
    t.rondAf(ref, "Task_BeoordelenVerificatieNodig", "verificatieNodig", "NIET_NODIG");
    beoordeel("voorgenomenBesluit", "AFWIJZEN", "afwijzingsgronden", lijst("STRIJD_MET_BEWAARTERMIJN"),
        "besluitMotivering", "Het dossier valt onder de bewaartermijn van tien jaar.");
    t.rondAf(ref, "Task_AdviesGeven", "fgAdvies", "AKKOORD");
    t.voerJobsUit(pi.getId());
    assertThat(pi).isEnded().hasPassed("Task_BriefAfwijzing", "EndEvent_VerzoekAfgewezen");
    assertThat(t.brieven(ref)).last().satisfies(b -> {
      assertThat(b.type()).isEqualTo("AFWIJZING");
      assertThat(b.tekst()).contains("bewaartermijn van tien jaar").contains("Autoriteit Persoonsgegevens");
    });
    Verzoek v = t.register.haal(ref);
    assertThat(v.status()).isEqualTo(VerzoekStatus.AFGEWEZEN);
    assertThat(v.afwijzingsgronden()).containsExactly("STRIJD_MET_BEWAARTERMIJN");
  }

  @Test
  void clarifiedThenVerificationNegativeEndsTheRequest() {
    t.rondAf(ref, "Task_VerzoekBeoordelenDuidelijkheid", "verzoekDuidelijk", "NEE", "verduidelijkingsvraag", "Welk?");
    t.voerJobsUit(pi.getId());
    t.rondAf(ref, "Task_VerduidelijkingVerwerken", "verduidelijkt", "JA");
    t.rondAf(ref, "Task_BeoordelenVerificatieNodig", "verificatieNodig", "NODIG");
    t.rondAf(ref, "Task_IdentiteitVerifieren", "verificatieStap", "RESULTAAT", "verificatieResultaat", "NEGATIEF",
        "verificatieMethode", lijst("IDENTITEITSBEWIJS"), "waarschuwingAdres", "ADRES_VERZOEK");
    t.voerJobsUit(pi.getId());
    assertThat(pi).isEnded().hasPassed("EndEvent_VerificatieAfgewezen");
    assertThat(t.brieftypen(ref)).endsWith("VERIFICATIE_NEGATIEF");
    assertThat(t.register.haal(ref).status()).isEqualTo(VerzoekStatus.AFGEWEZEN);
  }

  @Test
  void extensionByTwoWeeksMovesRegisterTimersAndDueDates() {
    Date oud = deadline();
    duidelijkEnNietVerifieren();
    assertThat(t.taak(ref, "Task_VerzoekBeoordelen").getDueDate()).isEqualTo(oud);
    t.klok(ONTVANGST.plusDays(5), 9);
    t.verleng(ref, "verlengingMotivering", "Veel systemen.", "verlengingBevestigd", true);
    LocalDate nieuw = t.termijn.laatsteDagWeken(ONTVANGST, 4);
    Date nieuwMoment = t.datum(nieuw);
    Verzoek v = t.register.haal(ref);
    assertThat(v.verlengd()).isTrue();
    assertThat(v.uitersteReactiedatum()).isEqualTo(nieuw);
    assertThat(v.wettelijkeUitersteDatum()).isEqualTo(t.termijn.laatsteDagMaanden(ONTVANGST, 1));
    assertThat(t.taak(ref, "Task_VerzoekBeoordelen").getDueDate()).isEqualTo(nieuwMoment);
    assertThat(t.timer(pi.getId(), "StartEvent_TermijnVerstreken").getDuedate()).isEqualTo(nieuwMoment);
    assertThat(t.timer(pi.getId(), "StartEvent_Herinnering").getDuedate())
        .isEqualTo(t.termijn.werkdagenVoorDeadline(nieuwMoment, 2));
    t.voerJobsUit(pi.getId());
    assertThat(t.brieftypen(ref)).endsWith("VERLENGING");
    assertThat(t.timer(pi.getId(), "Event_HerinneringNieuweTermijn").getDuedate())
        .isEqualTo(t.termijn.werkdagenVoorDeadline(nieuwMoment, 2));
    t.laatTimerAfgaan(pi.getId(), "Event_HerinneringNieuweTermijn");
    t.voerJobsUit(pi.getId());
    assertThat(pi).hasPassed("Task_HerinneringNieuweTermijnMailen", "EndEvent_TermijnVerlengd");
    assertThat(t.procesmail.soorten(ref)).containsOnlyOnce("HERINNERING");
  }

  @Test
  void afterTheFirstTwoWeeksExtensionIsRefusedAndNothingChanges() {
    Date oud = deadline();
    t.klok(t.termijn.laatsteDagWeken(ONTVANGST, 2).plusDays(1), 9);
    assertThatThrownBy(() -> t.verleng(ref, "verlengingMotivering", "Te laat.",
        "verlengingBevestigd", true)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("alleen binnen de eerste twee weken");
    assertThat(t.register.haal(ref).verlengd()).isFalse();
    assertThat(deadline()).isEqualTo(oud);
    assertThat(t.heeftVerlengtaak(ref)).isFalse();
    assertThat(pi).hasNotPassed("Task_TermijnVerlengenVerwerken").isNotEnded();
  }

  @Test
  void reminderTwoWorkingDaysBeforeAndEscalationToFgAndDirectie() {
    Date deadline = deadline();
    assertThat(t.timer(pi.getId(), "StartEvent_Herinnering").getDuedate())
        .isEqualTo(t.termijn.werkdagenVoorDeadline(deadline, 2));
    t.laatTimerAfgaan(pi.getId(), "StartEvent_Herinnering");
    t.voerJobsUit(pi.getId());
    assertThat(t.procesmail.soorten(ref)).containsExactly("HERINNERING");
    t.laatTimerAfgaan(pi.getId(), "StartEvent_TermijnVerstreken");
    t.voerJobsUit(pi.getId());
    assertThat(t.procesmail.soorten(ref)).containsExactly("HERINNERING", "TERMIJN_VERSTREKEN");
    Task escaleren = t.taak(ref, "Task_TermijnOverschredenEscaleren");
    assertThat(escaleren).hasCandidateGroup("fg").hasCandidateGroup("directie");
    t.rondAf(ref, "Task_TermijnOverschredenEscaleren", "escalatieAantekening", "Vandaag afronden.");
    assertThat(pi).hasPassed("EndEvent_HerinneringVerzonden", "EndEvent_Geescaleerd").isNotEnded();
  }
}
