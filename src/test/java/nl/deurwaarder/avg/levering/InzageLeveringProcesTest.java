package nl.deurwaarder.avg.levering;

import static nl.deurwaarder.avg.levering.Leveringshulp.CODE;
import static nl.deurwaarder.avg.levering.Leveringshulp.LINK;
import static nl.deurwaarder.avg.levering.Leveringshulp.WACHTWOORD;
import static nl.deurwaarder.avg.levering.Leveringshulp.eerste;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.archief.Archief;
import nl.deurwaarder.avg.archief.Stuksoort;
import nl.deurwaarder.avg.mail.OutboxMailSender;
import nl.deurwaarder.avg.verzoek.Betrokkene;
import nl.deurwaarder.avg.verzoek.Kanaal;
import nl.deurwaarder.avg.verzoek.NieuwVerzoek;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekStatus;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import nl.deurwaarder.avg.verzoekprocedure.ProcesTestSteun;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestExecutionListeners;

/**
 * The answer to an access request reaches the data subject (PH-PRO-01 §5.5-§6, issue 12.1-12.3): from "Reactie
 * samenstellen" to the end, with "Link" (portal, code by SMS) and "Beveiligde e-mail" (encrypted PDF, password by
 * post), and every path of bpmn/avg-levering-bewaken.bpmn: fetched, locked after 5 wrong codes, never fetched.
 */
@AvgSpringTest
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class InzageLeveringProcesTest {

  static final LocalDate ONTVANGST = LocalDate.of(2026, 3, 2);
  static final String GESCREEND = "Gescreend dossier 4711: betalingsregeling van P. de Vries";

  @Autowired ProcesTestSteun t;
  @Autowired Archief archief;
  @Autowired Leveringen leveringen;
  @Autowired SmsVerzender sms;
  @Autowired OutboxMailSender mail;
  @Autowired JdbcTemplate jdbc;
  @Autowired ReactieVoorbeeld reactieVoorbeeld;
  @LocalServerPort int poort;

  String ref;
  String email;
  String telefoon;
  ProcessInstance pi;

  @BeforeEach
  void klok() {
    t.klok(ONTVANGST, 10);
  }

  @AfterEach
  void herstel() {
    ClockUtil.reset();
    t.runtime.createProcessInstanceQuery().processInstanceBusinessKey(ref).list()
        .forEach(p -> t.runtime.deleteProcessInstance(p.getId(), "einde test"));
  }

  /** A registered access request standing at "Reactie samenstellen" (the segment before is tested elsewhere). */
  void bijReactieSamenstellen(boolean metTelefoon) {
    bijReactieSamenstellen(metTelefoon, true);
  }

  void bijReactieSamenstellen(boolean metTelefoon, boolean metEmail) {
    email = metEmail ? "pieter" + System.nanoTime() + "@voorbeeld.example" : null;
    telefoon = metTelefoon ? "+3161" + String.format("%07d", System.nanoTime() % 10_000_000) : null;
    Verzoek v = t.intake.registreer(new NieuwVerzoek(VerzoekType.INZAGE, Kanaal.EMAIL,
        OffsetDateTime.ofInstant(ClockUtil.now().toInstant(), ProcesTestSteun.AMSTERDAM),
        new Betrokkene("Pieter de Vries", email, "Dorpsstraat 1, Utrecht", LocalDate.of(1980, 1, 1), null,
            telefoon == null ? null : telefoon.replace("+316", "06 ")), null,
        "Ik wil weten welke gegevens u van mij heeft."), "coordinator");
    ref = v.referentie();
    assertThat(v.betrokkene().telefoon()).isEqualTo(telefoon);
    ProcessInstance begin = t.procedure(ref, "avg-inzageverzoek");
    Map<String, Object> vars = t.runtime.getVariables(begin.getId());
    t.runtime.deleteProcessInstance(begin.getId(), "test begint bij Reactie samenstellen");
    pi = t.runtime.createProcessInstanceByKey("avg-inzageverzoek").businessKey(ref).setVariables(vars)
        .startBeforeActivity("Task_ReactieSamenstellen").execute();
    assertThat(pi).isWaitingAt("Task_ReactieSamenstellen");
  }

  /** The preview as the coordinator opens it from the task form. */
  byte[] voorbeeld() {
    var coordinator = org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
        "coordinator", null, List.of(new org.springframework.security.core.authority.SimpleGrantedAuthority(
            nl.deurwaarder.avg.security.Rol.PRIVACYCOORDINATOR.groepId())));
    var antwoord = reactieVoorbeeld.voorbeeld(ref, coordinator);
    assertThat(antwoord.getStatusCode().value()).isEqualTo(200);
    return (byte[]) antwoord.getBody();
  }

  /** The text of each page of a PDF. */
  static List<String> paginas(byte[] pdf) throws Exception {
    try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      List<String> paginas = new java.util.ArrayList<>();
      for (int i = 1; i <= doc.getNumberOfPages(); i++) {
        var tekst = new org.apache.pdfbox.text.PDFTextStripper();
        tekst.setStartPage(i);
        tekst.setEndPage(i);
        paginas.add(tekst.getText(doc).replaceAll("\\s+", " "));
      }
      return paginas;
    }
  }

  @Test
  void thePreviewSaysOnEveryPageThatItIsNotSentAndHowTheAnswerWillTravel() throws Exception {
    bijReactieSamenstellen(true);
    gescreendStuk();
    byte[] voorbeeld = voorbeeld();
    java.nio.file.Files.write(Path.of("target", "reactie-voorbeeld-digitaal.pdf"), voorbeeld); // to look at
    List<String> digitaal = paginas(voorbeeld);
    assertThat(digitaal).hasSizeGreaterThan(1).allSatisfy(p -> assertThat(p).contains("VOORBEELD, niet verzonden")
        .contains("Bij 'Link' haalt de betrokkene dit op in het portaal"));
    assertThat(String.join(" ", digitaal)).contains(GESCREEND);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM avg_levering WHERE referentie = ?", Integer.class, ref))
        .as("a preview makes no package").isZero();

    t.runtime.deleteProcessInstance(pi.getId(), "volgende geval");
    bijReactieSamenstellen(false, false);
    gescreendStuk();
    byte[] opPapier = voorbeeld();
    java.nio.file.Files.write(Path.of("target", "reactie-voorbeeld-papier.pdf"), opPapier);
    List<String> papier = paginas(opPapier);
    assertThat(papier).allSatisfy(p -> assertThat(p).contains("Geen e-mailadres bekend: dit antwoord gaat per "
        + "aangetekende post"));
  }

  void gescreendStuk() {
    archief.bewaar(ref, Stuksoort.GESCREENDE_GEGEVENS, "Dossier 4711 (gescreend)", "dossier-4711.pdf",
        "application/pdf", Leveringshulp.pdfMetTekst(GESCREEND), "coordinator");
    archief.bewaar(ref, Stuksoort.GESCREENDE_GEGEVENS, "Betalingen (gescreend)", "betalingen.txt", "text/plain",
        "datum;bedrag\n2026-01-05;50,00\n".getBytes(StandardCharsets.UTF_8), "coordinator");
  }

  Path smsOutbox() {
    return ((SmsOutbox) sms).outbox();
  }

  @Test
  void linkWithCodeBySmsFetchedWithTheRightCodeAndRemovedFromThePortalAfterTheFetchPeriod() throws Exception {
    bijReactieSamenstellen(true);
    assertThatThrownBy(() -> t.rondAf(ref, "Task_ReactieSamenstellen", "verzendwijze", "BEVEILIGDE_LINK"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("geen gescreende gegevens");
    gescreendStuk();
    assertThatThrownBy(() -> t.rondAf(ref, "Task_ReactieSamenstellen", "verzendwijze", "BEVEILIGDE_LINK",
        "geenGegevensGevonden", true)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("2 gescreende stuk(ken)");
    t.rondAf(ref, "Task_ReactieSamenstellen", "verzendwijze", "BEVEILIGDE_LINK");
    t.voerJobsUit(pi.getId());

    assertThat(pi).isEnded().hasPassed("Task_PakketKlaarzetten", "Task_ReactieVerzenden",
        "EndEvent_VerzoekAfgehandeld");
    Verzoek v = t.register.haal(ref);
    assertThat(v.status()).isEqualTo(VerzoekStatus.AFGEHANDELD);
    assertThat(v.verzendwijze()).isEqualTo("BEVEILIGDE_LINK");
    assertThat(v.verzondenOp()).isNotNull();
    assertThat(v.opgehaaldOp()).isNull();

    // the code went by SMS, the mail has the link, no attachment and nothing personal
    List<JsonNode> berichten = Leveringshulp.sms(smsOutbox(), telefoon);
    assertThat(berichten).hasSize(1);
    String code = eerste(CODE, berichten.get(0).path("tekst").asText());
    List<MimeMessage> mails = Leveringshulp.mails(mail.outbox(), email);
    assertThat(mails).hasSize(1);
    String tekst = Leveringshulp.tekst(mails.get(0));
    assertThat(Leveringshulp.bijlagen(mails.get(0))).isEmpty();
    assertThat(mails.get(0).getSubject()).contains(ref).doesNotContain("inzage");
    assertThat(tekst + mails.get(0).getHeader("To", ",")).doesNotContain("Vries").doesNotContain("inzage");
    String token = eerste(LINK, tekst);
    assertThat(tekst).contains("per sms");

    // only hashes are stored
    Levering l = leveringen.vanReferentie(ref).get(0);
    assertThat(l.tokenHash()).isEqualTo(Geheimen.tokenHash(token)).isNotEqualTo(token);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM avg_levering WHERE token_hash = ? OR code_hash = ?",
        Integer.class, token, code)).isZero();
    assertThat(l.verlooptOp()).isEqualTo(l.verzondenOp().plusDays(14));

    ProcessInstance bewaking = t.runtime.createProcessInstanceQuery().processDefinitionKey("avg-levering-bewaken")
        .processInstanceBusinessKey(ref).singleResult();
    assertThat(bewaking).isWaitingAt("Gateway_WachtenOpPortaal");

    Leveringshulp.Browser browser = new Leveringshulp.Browser(poort);
    HttpResponse<String> pagina = browser.open("/ophalen/" + token);
    assertThat(pagina.statusCode()).isEqualTo(200);
    assertThat(pagina.body()).contains("Toegangscode").doesNotContain("Vries").doesNotContain(ref);
    assertThat(pagina.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    HttpResponse<String> fout = browser.code(token, "00000000".equals(code) ? "11111111" : "00000000");
    assertThat(fout.statusCode()).isEqualTo(400);
    assertThat(fout.body()).contains("Deze code klopt niet. U kunt het nog 4 keer proberen");
    assertThat(browser.download("/ophalen/" + token + "/pakket").statusCode()).isEqualTo(302); // no code yet
    HttpResponse<String> goed = browser.code(token, code);
    assertThat(goed.statusCode()).isEqualTo(302);
    assertThat(browser.open("/ophalen/" + token).body()).contains("Uw antwoord staat klaar").contains(ref);
    HttpResponse<byte[]> pakket = browser.download("/ophalen/" + token + "/pakket");
    assertThat(pakket.statusCode()).isEqualTo(200);
    assertThat(pakket.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pakket.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    assertThat(pakket.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
    String inhoud = Leveringshulp.pdfTekst(pakket.body(), null);
    assertThat(inhoud).contains("Legenda").contains(GESCREEND).contains("Bijgevoegde bestanden")
        .contains("betalingen.txt");
    assertThat(inhoud.indexOf("Legenda")).isLessThan(inhoud.indexOf(GESCREEND)); // the letter first
    assertThat(t.register.haal(ref).opgehaaldOp()).isNotNull();

    assertThat(leveringen.toegang(l.id())).extracting(Leveringen.Toegang::handeling, Leveringen.Toegang::resultaat)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("PAGINA", "GETOOND"),
            org.assertj.core.groups.Tuple.tuple("CODE", "ONJUIST"),
            org.assertj.core.groups.Tuple.tuple("DOWNLOAD", "ZONDER_CODE"),
            org.assertj.core.groups.Tuple.tuple("CODE", "JUIST"),
            org.assertj.core.groups.Tuple.tuple("PAGINA", "DOWNLOADPAGINA"),
            org.assertj.core.groups.Tuple.tuple("DOWNLOAD", "GELUKT"));
    assertThat(leveringen.toegang(l.id())).allSatisfy(r -> assertThat(r.ipAdres()).isEqualTo("127.0.0.0"));

    // after the fetch period: the link answers 404 at once, the timer removes the package (the archive keeps it)
    t.klok(java.util.Date.from(l.verlooptOp().plusMinutes(1).toInstant()));
    HttpResponse<String> verlopen = new Leveringshulp.Browser(poort).open("/ophalen/" + token);
    assertThat(verlopen.statusCode()).isEqualTo(404);
    String onbekend = new Leveringshulp.Browser(poort).open("/ophalen/" + "A".repeat(43)).body();
    assertThat(verlopen.body()).isEqualTo(onbekend);
    t.laatTimerAfgaan(bewaking.getId(), "Event_OphaaltermijnVerstreken");
    t.voerJobsUit(bewaking.getId());
    assertThat(bewaking).isEnded().hasPassed("Task_PakketUitPortaalVerwijderen", "EndEvent_PakketOpgehaald");
    assertThat(leveringen.pakket(l.id())).isEmpty();
    assertThat(leveringen.vind(l.id()).orElseThrow().status()).isEqualTo(Levering.Status.VERLOPEN);
    assertThat(archief.stuk(l.archiefstukId())).isPresent();
  }

  @Test
  void fiveWrongCodesLockThePackageAndGiveTheCoordinatorATask() throws Exception {
    bijReactieSamenstellen(true);
    gescreendStuk();
    t.rondAf(ref, "Task_ReactieSamenstellen", "verzendwijze", "BEVEILIGDE_LINK");
    t.voerJobsUit(pi.getId());
    String code = eerste(CODE, Leveringshulp.sms(smsOutbox(), telefoon).get(0).path("tekst").asText());
    String token = eerste(LINK, Leveringshulp.tekst(Leveringshulp.mails(mail.outbox(), email).get(0)));
    String fout = "00000000".equals(code) ? "11111111" : "00000000";
    Leveringshulp.Browser browser = new Leveringshulp.Browser(poort);
    browser.open("/ophalen/" + token);
    for (int i = 1; i <= 4; i++) {
      assertThat(browser.code(token, fout).statusCode()).isEqualTo(400);
    }
    HttpResponse<String> vijfde = browser.code(token, fout);
    assertThat(vijfde.statusCode()).isEqualTo(404);
    String onbekend = new Leveringshulp.Browser(poort).open("/ophalen/" + "B".repeat(43)).body();
    assertThat(vijfde.body()).isEqualTo(onbekend);
    // locked: the right code does not help any more
    assertThat(new Leveringshulp.Browser(poort).open("/ophalen/" + token).statusCode()).isEqualTo(404);
    Levering l = leveringen.vanReferentie(ref).get(0);
    assertThat(l.status()).isEqualTo(Levering.Status.GEBLOKKEERD);
    assertThat(leveringen.pakket(l.id())).isEmpty();
    assertThat(leveringen.toegang(l.id())).filteredOn(r -> r.handeling().equals("CODE")).hasSize(5)
        .last().satisfies(r -> assertThat(r.resultaat()).isEqualTo("ONJUIST_GEBLOKKEERD"));

    Task taak = t.taak(ref, "Task_GeblokkeerdPakketOpvolgen");
    assertThat(taak).hasCandidateGroup("privacycoordinator");
    assertThatThrownBy(() -> t.taken.complete(taak.getId(), Map.of("opvolging", " ")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Opvolging");
    t.taken.complete(taak.getId(), Map.of("opvolging", "Betrokkene gebeld; antwoord aangetekend verzonden."));
    assertThat(t.register.historie(ref)).anySatisfy(h -> assertThat(h.toString())
        .contains("Geblokkeerd pakket opvolgen: Betrokkene gebeld"));
    assertThat(t.runtime.createProcessInstanceQuery().processDefinitionKey("avg-levering-bewaken")
        .processInstanceBusinessKey(ref).count()).isZero();
  }

  @Test
  void aPackageNeverFetchedLeavesThePortalAndGivesTheCoordinatorATask() throws Exception {
    bijReactieSamenstellen(true);
    gescreendStuk();
    t.rondAf(ref, "Task_ReactieSamenstellen", "verzendwijze", "BEVEILIGDE_LINK");
    t.voerJobsUit(pi.getId());
    ProcessInstance bewaking = t.runtime.createProcessInstanceQuery().processDefinitionKey("avg-levering-bewaken")
        .processInstanceBusinessKey(ref).singleResult();
    Levering l = leveringen.vanReferentie(ref).get(0);
    t.klok(java.util.Date.from(l.verlooptOp().plusMinutes(1).toInstant()));
    t.laatTimerAfgaan(bewaking.getId(), "Event_OphaaltermijnVerstreken");
    t.voerJobsUit(bewaking.getId());
    assertThat(bewaking).isWaitingAt("Task_NietOpgehaaldPakketOpvolgen");
    assertThat(t.taak(ref, "Task_NietOpgehaaldPakketOpvolgen")).hasCandidateGroup("privacycoordinator");
    assertThat(leveringen.pakket(l.id())).isEmpty();
    t.rondAf(ref, "Task_NietOpgehaaldPakketOpvolgen", "opvolging", "Antwoord per aangetekende post verzonden.");
    assertThat(bewaking).isEnded().hasPassed("EndEvent_NietOpgehaaldOpgevolgd");
  }

  @Test
  void secureEmailIsAnEncryptedPdfWithThePasswordInAPostedLetterWhenNoMobileNumberIsKnown() throws Exception {
    bijReactieSamenstellen(false);
    gescreendStuk();
    t.rondAf(ref, "Task_ReactieSamenstellen", "verzendwijze", "BEVEILIGDE_EMAIL");
    t.voerJobsUit(pi.getId());
    // the encrypted PDF is mailed, but without its password the answer has not reached the data subject: the request
    // waits until a person confirms posting the password letter
    assertThat(pi).isWaitingAt("Task_WachtenOpPostReactie").hasPassed("Task_ReactieVerzenden");
    assertThat(t.brieven(ref)).extracting(ProcesTestSteun.Brief::type, ProcesTestSteun.Brief::status)
        .contains(org.assertj.core.groups.Tuple.tuple("REACTIE_INZAGE", "VERZONDEN"),
            org.assertj.core.groups.Tuple.tuple("TOEGANGSCODE", "WACHT_OP_POST"));
    t.rondAf(ref, "Task_BriefAfdrukkenEnVersturen", "postVerzendwijze", "GEWONE_POST", "gepostOp",
        ONTVANGST.toString());
    assertThat(pi).isEnded().hasPassed("EndEvent_VerzoekAfgehandeld");
    assertThat(t.brieven(ref)).extracting(ProcesTestSteun.Brief::type, ProcesTestSteun.Brief::status)
        .contains(org.assertj.core.groups.Tuple.tuple("TOEGANGSCODE", "VERZONDEN"));
    String codebrief = t.brieven(ref).stream().filter(b -> b.type().equals("TOEGANGSCODE")).findFirst()
        .orElseThrow().tekst();
    String wachtwoord = eerste(java.util.regex.Pattern.compile("bestand in onze e-mail: ([A-Za-z0-9]{14})"),
        codebrief);
    List<MimeMessage> mails = Leveringshulp.mails(mail.outbox(), email);
    assertThat(mails).hasSize(1);
    assertThat(Leveringshulp.tekst(mails.get(0))).contains("per post").doesNotContain(wachtwoord);
    List<byte[]> bijlagen = Leveringshulp.bijlagen(mails.get(0));
    assertThat(bijlagen).hasSize(1);
    assertThatThrownBy(() -> Leveringshulp.pdfTekst(bijlagen.get(0), null))
        .isInstanceOf(InvalidPasswordException.class);
    assertThatThrownBy(() -> Leveringshulp.pdfTekst(bijlagen.get(0), "verkeerd-wachtwoord"))
        .isInstanceOf(InvalidPasswordException.class);
    assertThat(Leveringshulp.pdfTekst(bijlagen.get(0), wachtwoord)).contains("Legenda").contains(GESCREEND);
    try (var doc = org.apache.pdfbox.Loader.loadPDF(bijlagen.get(0), wachtwoord)) {
      assertThat(doc.getEncryption().getLength()).isEqualTo(256);
    }
    assertThat(t.runtime.createProcessInstanceQuery().processDefinitionKey("avg-levering-bewaken")
        .processInstanceBusinessKey(ref).count()).isZero();
    assertThat(t.register.haal(ref).verzendwijze()).isEqualTo("BEVEILIGDE_EMAIL");
  }

  @Test
  void secureEmailWithAMobileNumberSendsThePasswordBySms() throws Exception {
    bijReactieSamenstellen(true);
    gescreendStuk();
    t.rondAf(ref, "Task_ReactieSamenstellen", "verzendwijze", "BEVEILIGDE_EMAIL");
    t.voerJobsUit(pi.getId());
    String wachtwoord = eerste(WACHTWOORD, Leveringshulp.sms(smsOutbox(), telefoon).get(0).path("tekst").asText());
    byte[] pdf = Leveringshulp.bijlagen(Leveringshulp.mails(mail.outbox(), email).get(0)).get(0);
    assertThat(Leveringshulp.pdfTekst(pdf, wachtwoord)).contains(GESCREEND);
    assertThat(t.brieftypen(ref)).doesNotContain("TOEGANGSCODE");
  }

  @Test
  void noDataFoundGetsItsOwnLetterAndNoScreenedDocumentIsNeeded() throws Exception {
    bijReactieSamenstellen(true);
    t.rondAf(ref, "Task_ReactieSamenstellen", "verzendwijze", "BEVEILIGDE_EMAIL", "geenGegevensGevonden", true);
    t.voerJobsUit(pi.getId());
    assertThat(pi).isEnded();
    String brief = t.brieven(ref).stream().filter(b -> b.type().equals("REACTIE_INZAGE")).findFirst().orElseThrow()
        .tekst();
    assertThat(brief).contains("Wij hebben geen gegevens gevonden").doesNotContain("Bij deze brief ontvangt u")
        .doesNotContain("Legenda");
  }
}
