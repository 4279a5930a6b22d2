package nl.deurwaarder.avg.verzoekprocedure;

import static nl.deurwaarder.avg.verzoekprocedure.ProcesTestSteun.lijst;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Date;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekStatus;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import nl.deurwaarder.avg.verzoek.VerzoekerRol;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;

/** Every path of the access-request procedure PH-PRO-01 (bpmn/avg-inzageverzoek.bpmn). */
@AvgSpringTest
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class InzageverzoekProcesTest {

  /** Receipt on Monday 2 March 2026: deadline (1 month) Thursday 2 April 2026. */
  static final LocalDate ONTVANGST = LocalDate.of(2026, 3, 2);

  @Autowired
  ProcesTestSteun t;
  @Autowired
  nl.deurwaarder.avg.archief.Archief archief;

  @Autowired
  nl.deurwaarder.avg.verzoek.VerzoekCsv csvExport;

  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  String ref;
  ProcessInstance pi;

  @BeforeEach
  void registreer() {
    t.klok(ONTVANGST, 10);
    Verzoek v = t.registreer(VerzoekType.INZAGE, VerzoekerRol.BETROKKENE);
    ref = v.referentie();
    pi = t.procedure(ref, "avg-inzageverzoek");
    assertThat(v.uitersteReactiedatum()).isEqualTo(t.termijn.laatsteDagMaanden(ONTVANGST, 1));
    // extending is an action of the coordinator (avg-termijn-verlengen), not a task open for the first month
    assertThat(pi).isWaitingAt("Task_OntvangstbevestigingVerzenden");
    assertThat(t.heeftVerlengtaak(ref)).isFalse();
    t.voerJobsUit(pi.getId());
    assertThat(t.brieftypen(ref)).containsExactly("ONTVANGSTBEVESTIGING");
    Task duidelijk = t.taak(ref, "Task_VerzoekBeoordelenDuidelijkheid");
    assertThat(duidelijk).hasCandidateGroup("privacycoordinator");
    assertThat(duidelijk.getDueDate()).isEqualTo(t.termijn.werkdagenNaDatum(ONTVANGST, 3));
  }

  @AfterEach
  void herstel() {
    ClockUtil.reset();
    if (t.runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0) {
      t.runtime.deleteProcessInstance(pi.getId(), "einde test");
    }
  }

  private Date deadline() {
    return t.datum(t.register.haal(ref).uitersteReactiedatum());
  }

  private void verifieer(String resultaat) {
    Task taak = t.taak(ref, "Task_IdentiteitVerifieren");
    assertThat(taak).hasCandidateGroup("privacycoordinator");
    assertThat(t.runtime.getVariable(taak.getProcessInstanceId(), "verificatieAltijd")).isEqualTo(true);
    t.rondAf(ref, "Task_IdentiteitVerifieren", "verificatieStap", "RESULTAAT", "verificatieResultaat", resultaat,
        "verificatieMethode", lijst("IDENTITEITSBEWIJS"), "waarschuwingAdres", "ADRES_VERZOEK");
    t.voerJobsUit(pi.getId());
  }

  private void beoordeel(String voorgenomen, Object... extra) {
    Task taak = t.taak(ref, "Task_VerzoekBeoordelen");
    assertThat(taak).hasCandidateGroup("privacycoordinator");
    assertThat(taak.getDueDate()).isEqualTo(deadline());
    assertThat(t.register.haal(ref).status()).isEqualTo(VerzoekStatus.BEOORDELING);
    Object[] vars = new Object[extra.length + 2];
    vars[0] = "voorgenomenBesluit";
    vars[1] = voorgenomen;
    System.arraycopy(extra, 0, vars, 2, extra.length);
    t.rondAf(ref, "Task_VerzoekBeoordelen", vars);
  }

  private void wijsAanEnVerzamel() {
    Task aanwijzen = t.taak(ref, "Task_VerantwoordelijkeAanwijzen");
    assertThat(aanwijzen).hasCandidateGroup("privacycoordinator");
    assertThat(t.register.haal(ref).status()).isEqualTo(VerzoekStatus.IN_BEHANDELING);
    assertThat(t.runtime.getVariable(pi.getId(), "medewerkerKeuzes").toString())
        .contains("\"value\":\"medewerker\"").contains("\"value\":\"coordinator\"").doesNotContain("\"value\":\"fg\"");
    assertThatThrownBy(() -> t.rondAf(ref, "Task_VerantwoordelijkeAanwijzen", "verantwoordelijke", "fg"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("(verantwoordelijke): 'fg' hoort niet bij de opties");
    t.rondAf(ref, "Task_VerantwoordelijkeAanwijzen", "verantwoordelijke", "medewerker");
    assertThat(t.register.haal(ref).behandelaar()).isEqualTo("medewerker");
    Task verzamelen = t.taak(ref, "Task_GegevensVerzamelen");
    assertThat(verzamelen).isAssignedTo("medewerker");
    t.taken.complete(verzamelen.getId(), GegevensVerzamelenProcesTest.checklist(true));
    t.voerJobsUit(pi.getId());
    assertThat(t.procesmail.soorten(ref)).contains("GEGEVENS_VERZAMELD");
  }

  private void screenZonderTwijfel() {
    t.rondAf(ref, "Task_GegevensScreenen", "screeningUitkomst", "GESCREEND", "screenKopie", true,
        "screenAlleenBetrokkene", true, "screenPersoonsgegevens", true, "screenInzagerecht", true,
        "screenDerden", true, "screenMetadata", true, "screenPapier", true, "screenGearchiveerd", true);
  }

  /** The screened data in the archive: without them the reply is refused (issue 12.1). */
  private void gescreendStuk() {
    t.gescreendStuk(ref);
  }

  @Test
  void clearVerifiedGrantedScreenedWithFgHelpAndAnsweredBySecureEmail() {
    t.rondAf(ref, "Task_VerzoekBeoordelenDuidelijkheid", "verzoekDuidelijk", "JA");
    assertThat(t.register.haal(ref).status()).isEqualTo(VerzoekStatus.VERIFICATIE);
    verifieer("POSITIEF");
    beoordeel("TOEWIJZEN");
    assertThat(t.register.haal(ref).besluit()).isEqualTo("TOEWIJZEN");
    wijsAanEnVerzamel();
    Task screenen = t.taak(ref, "Task_GegevensScreenen");
    assertThat(screenen).hasCandidateGroup("privacycoordinator");
    assertThat(screenen.getDueDate()).isEqualTo(deadline());
    assertThatThrownBy(() -> t.rondAf(ref, "Task_GegevensScreenen", "screeningUitkomst", "GESCREEND",
        "screenKopie", true)).isInstanceOf(ProcessEngineException.class).hasMessageContaining("screenDerden");
    t.rondAf(ref, "Task_GegevensScreenen", "screeningUitkomst", "FG_ADVIES_NODIG",
        "screeningVraag", "Is de notitie van de opdrachtgever een persoonsgegeven van de betrokkene?");
    Task fg = t.taak(ref, "Task_FgAdviesBijScreenen");
    assertThat(fg).hasCandidateGroup("fg");
    t.rondAf(ref, "Task_FgAdviesBijScreenen", "screeningAdvies", "Ja, verstrekken; naam opdrachtgever weglaten.");
    screenZonderTwijfel();
    Task reactie = t.taak(ref, "Task_ReactieSamenstellen");
    assertThat(reactie).hasCandidateGroup("privacycoordinator");
    // the art. 15(1) information comes from the published verwerkingsregister (start register V7_1, "Debiteur")
    assertThat((String) t.runtime.getVariable(pi.getId(), "informatieDoeleinden")).contains("grondslag:");
    assertThat((String) t.runtime.getVariable(pi.getId(), "informatieBewaartermijn")).contains("\n");
    assertThatThrownBy(() -> t.rondAf(ref, "Task_ReactieSamenstellen", "verzendwijze", "PER_DUIF"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("verzendwijze");
    assertThatThrownBy(() -> t.rondAf(ref, "Task_ReactieSamenstellen", "verzendwijze", "BEVEILIGDE_EMAIL"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("geen gescreende gegevens");
    gescreendStuk();
    t.mobielNummer(ref); // the password of the encrypted PDF goes by SMS
    t.rondAf(ref, "Task_ReactieSamenstellen", "verzendwijze", "BEVEILIGDE_EMAIL");
    t.voerJobsUit(pi.getId());
    assertThat(pi).isEnded().hasPassed("Task_ReactieVerzenden", "EndEvent_VerzoekAfgehandeld")
        .hasNotPassed("Task_TermijnVerlengenVerwerken");
    // the reply letter itself (the password went by SMS; without a mobile number it waits for a posted letter)
    assertThat(t.brieven(ref)).filteredOn(b -> b.type().equals("REACTIE_INZAGE")).singleElement().satisfies(b -> {
      assertThat(b.type()).isEqualTo("REACTIE_INZAGE");
      assertThat(b.status()).isEqualTo("VERZONDEN");
      // the legend's fixed row explains "naam" (the default legend no longer repeats it: no duplicate rows)
      assertThat(b.tekst()).contains("Legenda").contains("Hier stond de naam of een ander gegeven van iemand anders");
    });
    assertThat(t.taken.createTaskQuery().processInstanceBusinessKey(ref).count()).isZero();
    Verzoek v = t.register.haal(ref);
    assertThat(v.status()).isEqualTo(VerzoekStatus.AFGEHANDELD);
    assertThat(v.verzendwijze()).isEqualTo("BEVEILIGDE_EMAIL");
    assertThat(v.verzondenOp()).isNotNull();
    assertThat(v.afgeslotenOp()).isNotNull();
    assertThat(v.verificatieResultaat()).isEqualTo("POSITIEF");
  }

  @Test
  void unclearRequestStillUnclearThenNegativeVerificationEndsEverything() {
    assertThatThrownBy(() -> t.rondAf(ref, "Task_VerzoekBeoordelenDuidelijkheid", "verzoekDuidelijk", "NEE"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("verduidelijkingsvraag");
    t.rondAf(ref, "Task_VerzoekBeoordelenDuidelijkheid", "verzoekDuidelijk", "NEE",
        "verduidelijkingsvraag", "Over welk dossier gaat uw verzoek?");
    t.voerJobsUit(pi.getId());
    assertThat(t.brieven(ref)).last().satisfies(b -> {
      assertThat(b.type()).isEqualTo("VERDUIDELIJKING");
      assertThat(b.tekst()).contains("Over welk dossier gaat uw verzoek?");
    });
    Task wachten = t.taak(ref, "Task_VerduidelijkingVerwerken");
    assertThat(wachten).hasCandidateGroup("privacycoordinator");
    assertThat(wachten.getDueDate()).isEqualTo(deadline());
    t.rondAf(ref, "Task_VerduidelijkingVerwerken", "verduidelijkt", "NEE");
    verifieer("NEGATIEF");
    assertThat(pi).isEnded().hasPassed("EndEvent_VerificatieAfgewezen");
    assertThat(t.brieftypen(ref)).endsWith("VERIFICATIE_NEGATIEF");
    assertThat(t.taken.createTaskQuery().processInstanceBusinessKey(ref).count()).isZero();
    assertThat(t.register.haal(ref).status()).isEqualTo(VerzoekStatus.AFGEWEZEN);
  }

  @Test
  void noClarificationWithinFourteenDaysThenRejectedAsUnclearWithFgAgreement() {
    t.rondAf(ref, "Task_VerzoekBeoordelenDuidelijkheid", "verzoekDuidelijk", "NEE", "verduidelijkingsvraag", "Welk?");
    t.voerJobsUit(pi.getId());
    t.laatTimerAfgaan(pi.getId(), "BoundaryEvent_GeenVerduidelijking");
    assertThat(t.runtime.getVariable(pi.getId(), "verduidelijkt")).isEqualTo("GEEN_REACTIE");
    verifieer("POSITIEF");
    assertThatThrownBy(() -> beoordeel("AFWIJZEN", "besluitMotivering", "Onduidelijk gebleven."))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("afwijzingsgronden");
    assertThatThrownBy(() -> beoordeel("AFWIJZEN", "afwijzingsgronden", lijst("GEEN_PERSOONSGEGEVENS"),
        "besluitMotivering", "x")).isInstanceOf(ProcessEngineException.class).hasMessageContaining("hoort niet bij de opties");
    beoordeel("AFWIJZEN", "afwijzingsgronden", lijst("ONDUIDELIJK"), "besluitMotivering", "Onduidelijk gebleven.");
    assertThat(t.register.haal(ref).status()).isEqualTo(VerzoekStatus.FG_ADVIES);
    assertThat(t.taak(ref, "Task_AdviesGeven")).hasCandidateGroup("fg");
    t.rondAf(ref, "Task_AdviesGeven", "fgAdvies", "AKKOORD");
    t.voerJobsUit(pi.getId());
    assertThat(pi).isEnded().hasPassed("CallActivity_FgAdvies", "Task_BriefAfwijzing", "EndEvent_VerzoekAfgewezen");
    assertThat(t.brieven(ref)).last().satisfies(b -> {
      assertThat(b.type()).isEqualTo("AFWIJZING");
      assertThat(b.tekst()).contains("Onduidelijk gebleven.").doesNotContain("[\"ONDUIDELIJK");
    });
    Verzoek v = t.register.haal(ref);
    assertThat(v.status()).isEqualTo(VerzoekStatus.AFGEWEZEN);
    assertThat(v.afwijzingsgronden()).containsExactly("ONDUIDELIJK");
    assertThat(v.besluit()).isEqualTo("AFWIJZEN");
    assertThat(v.fgAdvies()).isEqualTo("AKKOORD");
    assertThat(v.afgeslotenOp()).isNotNull();
  }

  @Test
  void fgAdvisesAgainstRejectionCoordinatorFollowsAndSendsByRegisteredPost() {
    t.rondAf(ref, "Task_VerzoekBeoordelenDuidelijkheid", "verzoekDuidelijk", "JA");
    verifieer("POSITIEF");
    beoordeel("AFWIJZEN", "afwijzingsgronden", lijst("ONREDELIJK_BELASTEND"), "besluitMotivering", "Te veel.");
    t.rondAf(ref, "Task_AdviesGeven", "fgAdvies", "NIET_AKKOORD", "fgToelichting", "Niet onredelijk.");
    t.rondAf(ref, "Task_BesluitNemenNaFgAdvies", "besluitNaAdvies", "ADVIES_VOLGEN");
    assertThat(t.register.haal(ref).besluit()).isEqualTo("TOEWIJZEN");
    wijsAanEnVerzamel();
    screenZonderTwijfel();
    gescreendStuk();
    t.rondAf(ref, "Task_ReactieSamenstellen", "verzendwijze", "AANGETEKENDE_POST");
    t.voerJobsUit(pi.getId());
    assertThat(t.brieven(ref)).last().satisfies(b -> {
      assertThat(b.type()).isEqualTo("REACTIE_INZAGE");
      assertThat(b.status()).isEqualTo("WACHT_OP_POST");
    });
    // the reply waits for the post: not AFGEHANDELD, no sending date, the register says it waits
    assertThat(pi).isWaitingAt("Task_WachtenOpPostReactie");
    Verzoek wachtend = t.register.haal(ref);
    assertThat(wachtend.status()).isNotEqualTo(VerzoekStatus.AFGEHANDELD);
    assertThat(wachtend.verzondenOp()).isNull();
    assertThat(wachtend.verzendingWachtOpPost()).isTrue();
    Task post = t.taak(ref, "Task_BriefAfdrukkenEnVersturen");
    assertThat(post).hasCandidateGroup("privacycoordinator");
    assertThat(post.getDueDate()).isEqualTo(t.datum(t.termijn.werkdagenNa(ONTVANGST, 1)));
    assertThat(t.taken.getVariable(post.getId(), "postVerzendwijze")).isEqualTo("AANGETEKENDE_POST");
    assertThat((String) t.taken.getVariable(post.getId(), "postBriefLink")).startsWith("/archief/" + ref + "/stukken/");
    assertThat(afTeDrukken(post)).as("the print task opens the whole package, readable")
        .contains("Bij deze brief ontvangt u").contains("Dossier");
    // bad confirmations are refused in Dutch and change nothing
    assertThatThrownBy(() -> t.rondAf(ref, "Task_BriefAfdrukkenEnVersturen", "postVerzendwijze", "AANGETEKENDE_POST",
        "gepostOp", "2099-01-01", "barcode", "RR123456785NL")).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("toekomst");
    assertThatThrownBy(() -> t.rondAf(ref, "Task_BriefAfdrukkenEnVersturen", "postVerzendwijze", "AANGETEKENDE_POST",
        "gepostOp", ONTVANGST.minusDays(1).toString(), "barcode", "RR123456785NL"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("vóór de dag waarop de brief is opgesteld");
    assertThatThrownBy(() -> t.rondAf(ref, "Task_BriefAfdrukkenEnVersturen", "postVerzendwijze", "AANGETEKENDE_POST",
        "gepostOp", ONTVANGST.toString(), "barcode", "RR123456784NL")).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("controlecijfer");
    assertThatThrownBy(() -> t.rondAf(ref, "Task_BriefAfdrukkenEnVersturen", "postVerzendwijze", "AANGETEKENDE_POST",
        "gepostOp", ONTVANGST.toString(), "barcode", "3SABCD123")).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("geen barcode");
    assertThatThrownBy(() -> t.rondAf(ref, "Task_BriefAfdrukkenEnVersturen", "postVerzendwijze", "GEWONE_POST",
        "gepostOp", ONTVANGST.toString())).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("moet per aangetekende post");
    assertThat(t.register.haal(ref).verzendingWachtOpPost()).isTrue();
    assertThat(pi).isWaitingAt("Task_WachtenOpPostReactie");
    // the person posted it yesterday (registered, barcode from the receipt)
    t.klok(ONTVANGST.plusDays(2), 10);
    t.rondAf(ref, "Task_BriefAfdrukkenEnVersturen", "postVerzendwijze", "AANGETEKENDE_POST",
        "gepostOp", ONTVANGST.plusDays(1).toString(), "barcode", "rr 1234 5678 5nl");
    assertThat(pi).isEnded().hasPassed("Task_ReactieAanmaken", "Task_WachtenOpPostReactie",
        "EndEvent_VerzoekAfgehandeld");
    Verzoek v = t.register.haal(ref);
    assertThat(v.status()).isEqualTo(VerzoekStatus.AFGEHANDELD);
    assertThat(v.verzendwijze()).isEqualTo("AANGETEKENDE_POST");
    assertThat(v.verzondenOp().toLocalDate()).isEqualTo(ONTVANGST.plusDays(1));
    assertThat(v.verzendingWachtOpPost()).isFalse();
    assertThat(t.brieven(ref)).last().satisfies(b -> assertThat(b.status()).isEqualTo("VERZONDEN"));
    assertThat(t.register.historie(ref)).anySatisfy(h -> {
      assertThat(h.veld()).isEqualTo("verzendkenmerk");
      assertThat(h.nieuweWaarde()).isEqualTo("RR123456785NL");
    });
    assertThat(t.register.historie(ref)).anySatisfy(h -> assertThat(h.nieuweWaarde())
        .startsWith("REACTIE_INZAGE per aangetekende post verzonden op 3 maart 2026 (barcode RR123456785NL)"));
  }

  @Test
  void secureEmailWithoutAnAddressGoesByRegisteredPostAndIsNotAfgehandeldUntilAPersonConfirmsPosting()
      throws Exception {
    jdbc.update("UPDATE avg_verzoek SET betrokkene_email = NULL WHERE referentie = ?", ref);
    t.mobielNummer(ref); // even with a mobile number nothing goes by SMS: there is no e-mail to open
    t.rondAf(ref, "Task_VerzoekBeoordelenDuidelijkheid", "verzoekDuidelijk", "JA");
    verifieer("POSITIEF");
    beoordeel("TOEWIJZEN");
    wijsAanEnVerzamel();
    screenZonderTwijfel();
    gescreendStuk();
    archief.bewaar(ref, nl.deurwaarder.avg.archief.Stuksoort.GESCREENDE_GEGEVENS, "Betalingen (gescreend)",
        "betalingen.txt", "text/plain", "datum;bedrag".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "coordinator");
    // the form tells the coordinator beforehand that the answer will be posted
    Task samenstellen = t.taak(ref, "Task_ReactieSamenstellen");
    assertThat(t.taken.getVariable(samenstellen.getId(), "zonderEmailadres")).isEqualTo(true);
    int mailsVooraf = jdbc.queryForObject("SELECT COUNT(*) FROM avg_brief WHERE referentie = ? AND status = "
        + "'VERZONDEN'", Integer.class, ref);
    t.rondAf(ref, "Task_ReactieSamenstellen", "verzendwijze", "BEVEILIGDE_EMAIL");
    assertThat(t.runtime.getVariable(pi.getId(), "gekozenVerzendwijze")).isEqualTo("BEVEILIGDE_EMAIL");
    assertThat(t.runtime.getVariable(pi.getId(), "verzendwijze")).isEqualTo("AANGETEKENDE_POST");
    t.voerJobsUit(pi.getId());
    assertThat(pi).isWaitingAt("Task_WachtenOpPostReactie").hasPassed("Task_ReactieAanmaken")
        .hasNotPassed("Task_PakketKlaarzetten", "Task_ReactieVerzenden");
    // nothing was mailed, no code or password made, no package in the portal store
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM avg_brief WHERE referentie = ? AND status = 'VERZONDEN'",
        Integer.class, ref)).isEqualTo(mailsVooraf);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM avg_levering WHERE referentie = ?", Integer.class, ref))
        .isZero();
    assertThat(t.brieven(ref)).last().satisfies(b -> {
      assertThat(b.type()).isEqualTo("REACTIE_INZAGE");
      assertThat(b.status()).isEqualTo("WACHT_OP_POST");
    });
    Verzoek wachtend = t.register.haal(ref);
    assertThat(wachtend.status()).isNotEqualTo(VerzoekStatus.AFGEHANDELD);
    assertThat(wachtend.verzondenOp()).isNull();
    assertThat(wachtend.verzendingWachtOpPost()).isTrue();
    assertThat(csvWachtOpPost()).isEqualTo("ja");
    assertThat(t.register.historie(ref)).anySatisfy(h -> {
      assertThat(h.veld()).isEqualTo("verzendwijze");
      assertThat(h.oudeWaarde()).isEqualTo("BEVEILIGDE_EMAIL");
      assertThat(h.nieuweWaarde()).startsWith("AANGETEKENDE_POST").contains("geen e-mailadres bekend");
    });
    // the deadline watch still counts while the letter waits
    assertThat(t.timer(pi.getId(), "StartEvent_TermijnVerstreken")).isNotNull();
    Task post = t.taak(ref, "Task_BriefAfdrukkenEnVersturen");
    assertThat(t.taken.getVariable(post.getId(), "postVerzendwijze")).isEqualTo("AANGETEKENDE_POST");
    // the whole package to print: cover letter + screened data, NOT encrypted (opens without a password)
    String pakket = afTeDrukken(post);
    assertThat(pakket).contains("Bij deze brief ontvangt u").contains("Dossier")
        .contains("betalingen.txt").contains("Wij hebben ze afgedrukt en bij deze brief gevoegd")
        .doesNotContain("paperclip");
    assertThatThrownBy(() -> t.rondAf(ref, "Task_BriefAfdrukkenEnVersturen", "postVerzendwijze", "GEWONE_POST",
        "gepostOp", ONTVANGST.toString())).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("moet per aangetekende post");
    assertThat(pi).isWaitingAt("Task_WachtenOpPostReactie");
    t.rondAf(ref, "Task_BriefAfdrukkenEnVersturen", "postVerzendwijze", "AANGETEKENDE_POST", "gepostOp",
        ONTVANGST.toString(), "barcode", "RR123456785NL");
    assertThat(pi).isEnded().hasPassed("EndEvent_VerzoekAfgehandeld");
    Verzoek v = t.register.haal(ref);
    assertThat(v.status()).isEqualTo(VerzoekStatus.AFGEHANDELD);
    assertThat(v.verzendwijze()).as("the register records the actual way").isEqualTo("AANGETEKENDE_POST");
    assertThat(v.verzendingWachtOpPost()).isFalse();
    assertThat(v.verzondenOp().toLocalDate()).isEqualTo(ONTVANGST);
    assertThat(csvWachtOpPost()).isEqualTo("nee");
    assertThat(t.register.historie(ref)).anySatisfy(h -> assertThat(h.nieuweWaarde()).isEqualTo("RR123456785NL"));
  }

  @Test
  void linkWithoutAnAddressGoesByRegisteredPostToo() {
    jdbc.update("UPDATE avg_verzoek SET betrokkene_email = NULL WHERE referentie = ?", ref);
    t.rondAf(ref, "Task_VerzoekBeoordelenDuidelijkheid", "verzoekDuidelijk", "JA");
    verifieer("POSITIEF");
    beoordeel("TOEWIJZEN");
    wijsAanEnVerzamel();
    screenZonderTwijfel();
    gescreendStuk();
    t.rondAf(ref, "Task_ReactieSamenstellen", "verzendwijze", "BEVEILIGDE_LINK");
    t.voerJobsUit(pi.getId());
    assertThat(pi).isWaitingAt("Task_WachtenOpPostReactie");
    assertThat(t.taken.getVariable(t.taak(ref, "Task_BriefAfdrukkenEnVersturen").getId(), "postVerzendwijze"))
        .isEqualTo("AANGETEKENDE_POST");
    assertThat(t.register.haal(ref).status()).isNotEqualTo(VerzoekStatus.AFGEHANDELD);
  }

  @Test
  void withAnAddressTheFormSaysNothingAboutPost() {
    t.rondAf(ref, "Task_VerzoekBeoordelenDuidelijkheid", "verzoekDuidelijk", "JA");
    verifieer("POSITIEF");
    beoordeel("TOEWIJZEN");
    wijsAanEnVerzamel();
    screenZonderTwijfel();
    assertThat(t.taken.getVariable(t.taak(ref, "Task_ReactieSamenstellen").getId(), "zonderEmailadres"))
        .isEqualTo(false);
  }

  /** The text of the PDF that "Brief afdrukken en versturen" opens (its archive link), read without a password. */
  private String afTeDrukken(Task post) {
    String link = (String) t.taken.getVariable(post.getId(), "postBriefLink");
    long id = Long.parseLong(link.substring(link.lastIndexOf('/') + 1));
    return ProcesTestSteun.pdfTekst(archief.inhoud(id));
  }

  /** The column verzendingWachtOpPost of this request in the register's CSV export. */
  private String csvWachtOpPost() {
    String[] regels = csvExport.export(java.util.List.of(t.register.haal(ref))).split("\r\n");
    int kolom = java.util.List.of(regels[0].split(",")).indexOf("verzendingWachtOpPost");
    assertThat(kolom).isNotNegative();
    return regels[1].split(",", -1)[kolom];
  }

  @Test
  void extensionWithinTheFirstMonthMovesRegisterTimersSubProcessAndDueDates() {
    Date oud = deadline();
    t.rondAf(ref, "Task_VerzoekBeoordelenDuidelijkheid", "verzoekDuidelijk", "JA");
    verifieer("POSITIEF");
    beoordeel("TOEWIJZEN");
    t.rondAf(ref, "Task_VerantwoordelijkeAanwijzen", "verantwoordelijke", "medewerker");
    Task verzamelen = t.taak(ref, "Task_GegevensVerzamelen");
    assertThat(verzamelen.getDueDate()).isEqualTo(oud);
    assertThat(t.timer(pi.getId(), "StartEvent_TermijnVerstreken").getDuedate()).isEqualTo(oud);
    t.klok(LocalDate.of(2026, 3, 20), 9);
    assertThatThrownBy(() -> t.verleng(ref, "verlengingMotivering", "Veel archief."))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("verlengingBevestigd");
    ProcessInstance actie = t.verleng(ref, "verlengingMotivering", "Veel papieren archief.",
        "verlengingBevestigd", true);
    assertThat(actie).isEnded().hasPassed("Task_VerlengingDoorgeven", "EndEvent_TermijnVerlengd");
    assertThat(actie.getBusinessKey()).isEqualTo(ref);
    LocalDate nieuw = t.termijn.laatsteDagMaanden(ONTVANGST, 3);
    Date nieuwMoment = t.datum(nieuw);
    Verzoek v = t.register.haal(ref);
    assertThat(v.verlengd()).isTrue();
    assertThat(v.uitersteReactiedatum()).isEqualTo(nieuw);
    assertThat(v.wettelijkeUitersteDatum()).isEqualTo(nieuw);
    assertThat(v.verlengingMotivering()).isEqualTo("Veel papieren archief.");
    assertThat(v.status()).isEqualTo(VerzoekStatus.VERLENGD);
    assertThat(t.runtime.getVariable(pi.getId(), "uitersteReactiedatum")).isEqualTo(nieuwMoment);
    assertThat((String) t.runtime.getVariable(pi.getId(), "termijnTekst")).isEqualTo("2 juni 2026");
    assertThat(t.runtime.getVariable(verzamelen.getProcessInstanceId(), "termijnTekst")).isEqualTo("2 juni 2026");
    assertThat(t.taak(ref, "Task_GegevensVerzamelen").getDueDate()).isEqualTo(nieuwMoment);
    assertThat(t.timer(pi.getId(), "StartEvent_TermijnVerstreken").getDuedate()).isEqualTo(nieuwMoment);
    assertThat(t.timer(pi.getId(), "StartEvent_Herinnering").getDuedate())
        .isEqualTo(t.termijn.werkdagenVoorDeadline(nieuwMoment, 5));
    t.voerJobsUit(pi.getId());
    assertThat(t.brieven(ref)).last().satisfies(b -> {
      assertThat(b.type()).isEqualTo("VERLENGING");
      assertThat(b.tekst()).contains("2 juni 2026").contains("Veel papieren archief.");
    });
    // the extension branch reminds before the new deadline too; one mail, even when the deadline watch fires as well
    assertThat(t.timer(pi.getId(), "Event_HerinneringNieuweTermijn").getDuedate())
        .isEqualTo(t.termijn.werkdagenVoorDeadline(nieuwMoment, 5));
    t.laatTimerAfgaan(pi.getId(), "StartEvent_Herinnering");
    t.laatTimerAfgaan(pi.getId(), "Event_HerinneringNieuweTermijn");
    t.voerJobsUit(pi.getId());
    assertThat(t.procesmail.soorten(ref)).containsOnlyOnce("HERINNERING");
    assertThat(pi).hasPassed("Task_TermijnVerlengenVerwerken", "Task_HerinneringNieuweTermijnMailen",
        "EndEvent_TermijnVerlengd");
    // once: a second extension, even within the first month, is refused and changes nothing
    t.klok(LocalDate.of(2026, 3, 21), 9);
    assertThatThrownBy(() -> t.verleng(ref, "verlengingMotivering", "Nog meer tijd.", "verlengingBevestigd", true))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("al verlengd");
    assertThat(t.register.haal(ref).uitersteReactiedatum()).isEqualTo(nieuw);
    assertThat(t.brieftypen(ref)).containsOnlyOnce("VERLENGING");
  }

  @Test
  void afterTheFirstMonthExtensionIsRefusedAndNothingChanges() {
    Date oud = deadline();
    t.klok(t.termijn.laatsteDagMaanden(ONTVANGST, 1).plusDays(1), 9);
    assertThatThrownBy(() -> t.verleng(ref, "verlengingMotivering", "Te laat.",
        "verlengingBevestigd", true)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("alleen binnen de eerste maand");
    assertThat(t.register.haal(ref).verlengd()).isFalse();
    assertThat(deadline()).isEqualTo(oud);
    assertThat(t.timer(pi.getId(), "StartEvent_TermijnVerstreken").getDuedate()).isEqualTo(oud);
    assertThat(t.heeftVerlengtaak(ref)).isFalse();
    assertThat(pi).hasNotPassed("Task_TermijnVerlengenVerwerken").isNotEnded();
    // the refused action left no trace in the engine either
    assertThat(t.runtime.createProcessInstanceQuery().processDefinitionKey("avg-termijn-verlengen").count()).isZero();
    assertThat(t.engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("avg-termijn-verlengen").processInstanceBusinessKey(ref).count()).isZero();
  }

  @Test
  void extensionOfAnUnknownOrFinishedRequestIsRefused() {
    assertThatThrownBy(() -> t.verleng("AVG-2026-999999", "verlengingMotivering", "Meer tijd.",
        "verlengingBevestigd", true)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Er is geen verzoek met referentienummer AVG-2026-999999");
    assertThatThrownBy(() -> t.verleng("inzage van Jan", "verlengingMotivering", "Meer tijd.",
        "verlengingBevestigd", true)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("referentienummer");
    t.runtime.deleteProcessInstance(pi.getId(), "verzoek ingetrokken");
    assertThatThrownBy(() -> t.verleng(ref, "verlengingMotivering", "Meer tijd.", "verlengingBevestigd", true))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("loopt niet meer");
    assertThat(t.register.haal(ref).verlengd()).isFalse();
  }

  @Test
  void reminderFiveWorkingDaysBeforeAndEscalationToFgAndDirectieWhenThePeriodPasses() {
    Date deadline = deadline();
    assertThat(t.timer(pi.getId(), "StartEvent_Herinnering").getDuedate())
        .isEqualTo(t.termijn.werkdagenVoorDeadline(deadline, 5));
    t.laatTimerAfgaan(pi.getId(), "StartEvent_Herinnering");
    t.voerJobsUit(pi.getId());
    assertThat(t.procesmail.soorten(ref)).containsExactly("HERINNERING");
    assertThat(pi).hasPassed("EndEvent_HerinneringVerzonden");
    t.laatTimerAfgaan(pi.getId(), "StartEvent_TermijnVerstreken");
    t.voerJobsUit(pi.getId());
    assertThat(t.procesmail.soorten(ref)).containsExactly("HERINNERING", "TERMIJN_VERSTREKEN");
    Task escaleren = t.taak(ref, "Task_TermijnOverschredenEscaleren");
    assertThat(escaleren).hasCandidateGroup("fg").hasCandidateGroup("directie");
    assertThatThrownBy(() -> t.taken.complete(escaleren.getId()))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("escalatieAantekening");
    t.rondAf(ref, "Task_TermijnOverschredenEscaleren", "escalatieAantekening", "Afhandelen voor vrijdag.");
    assertThat(pi).hasPassed("EndEvent_Geescaleerd").isNotEnded();
    // the request itself goes on
    assertThat(t.heeftTaak(ref, "Task_VerzoekBeoordelenDuidelijkheid")).isTrue();
  }
}
