package nl.deurwaarder.avg.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.archief.Archief;
import nl.deurwaarder.avg.archief.Archiefstuk;
import nl.deurwaarder.avg.archief.Stuksoort;
import nl.deurwaarder.avg.brief.Verzendregister.Verzending;
import nl.deurwaarder.avg.verzoek.Betrokkene;
import nl.deurwaarder.avg.verzoek.Kanaal;
import nl.deurwaarder.avg.verzoek.NieuwVerzoek;
import nl.deurwaarder.avg.verzoek.Referentienummers;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekRegister;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reusable letter step against a real SMTP server (GreenMail): one mail with the PDF, never a second one on a
 * retry, a failing server becomes retries and then an incident, and after the server is back exactly one mail goes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BriefVerzendenIT {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final int SMTP_POORT = vrijePoort();
  private static final String PROCES = "test-brief-verzenden";
  private static final String STAP = "Task_OntvangstbevestigingVerzenden";

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_POORT);
    registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> 2000);
    registry.add("spring.mail.properties.mail.smtp.timeout", () -> 5000);
    registry.add("avg.mail.afzender", () -> "privacy@kantoor.example");
  }

  /** The step after the letter: fails (in the letter's transaction) while variable storingNaBrief is true. */
  @TestConfiguration
  static class Stappen {
    @Bean
    TestStoring testStoring() {
      return new TestStoring();
    }
  }

  public static class TestStoring {
    public void controleer(DelegateExecution execution) {
      if (Boolean.TRUE.equals(execution.getVariable("storingNaBrief"))) {
        throw new IllegalStateException("gesimuleerde storing na het verzenden");
      }
    }
  }

  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired RepositoryService repositoryService;
  @Autowired VerzoekRegister register;
  @Autowired Referentienummers referentienummers;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired Verzendregister verzendregister;
  @Autowired Archief archief;
  @Autowired Clock clock;

  private GreenMail smtp;

  @BeforeEach
  void start() {
    if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCES).count() == 0) {
      repositoryService.createDeployment().name("brief-verzenden-test")
          .addClasspathResource("brief/brief-verzenden-test.bpmn").deploy();
    }
    smtp = startSmtp();
  }

  @AfterEach
  void stop() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void eenMailMetPdfEnBijEenHerhaaldeJobGeenTweede() throws Exception {
    Verzoek verzoek = registreer("j.jansen@example.org");
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCES, verzoek.referentie(),
        Map.of("storingNaBrief", true));
    Job job = job(pi);

    // the mail goes out, then the next step in the same transaction fails: the job is rolled back and will retry
    assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("gesimuleerde storing");
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(job(pi).getRetries()).isEqualTo(4);

    // the retry (same job, same step) finds the letter recorded as sent and does not send it again
    runtimeService.setVariable(pi.getId(), "storingNaBrief", false);
    managementService.executeJob(job.getId());
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(smtp.getReceivedMessages()).hasSize(1);

    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress())
        .containsExactly("j.jansen@example.org");
    assertThat(mail.getFrom()[0].toString()).contains("privacy@kantoor.example");
    assertThat(mail.getSubject()).contains("Ontvangstbevestiging").contains(verzoek.referentie());
    List<Part> delen = delen(mail);
    assertThat(delen).anySatisfy(p -> assertThat(p.isMimeType("text/plain")).isTrue());
    Part pdfDeel = delen.stream().filter(BriefVerzendenIT::isPdf).findFirst().orElseThrow();
    assertThat(pdfDeel.getFileName()).isEqualTo(verzoek.referentie() + "-ontvangstbevestiging.pdf");
    byte[] pdf;
    try (InputStream in = pdfDeel.getInputStream()) {
      pdf = in.readAllBytes();
    }
    assertThat(tekst(pdf)).contains(verzoek.referentie())
        .contains(BriefInvoer.lang(verzoek.uitersteReactiedatum()));

    Verzending verzending = verzendregister.vind(pi.getId() + ":" + STAP).orElseThrow();
    assertThat(verzending.status()).isEqualTo(Verzendstatus.VERZONDEN);
    assertThat(verzending.verzondenOp()).isNotNull();
    assertThat(mail.getMessageID()).isEqualTo(verzending.messageId());
    List<Archiefstuk> brieven = archief.stukken(verzoek.referentie()).stream()
        .filter(s -> s.soort() == Stuksoort.BRIEF).toList();
    assertThat(brieven).hasSize(1);
    assertThat(archief.inhoud(brieven.get(0).id())).isEqualTo(pdf);
    assertThat(verzending.archiefstukId()).isEqualTo(brieven.get(0).id());
    assertThat(register.historie(verzoek.referentie())).filteredOn(h -> "brief".equals(h.veld()))
        .extracting(nl.deurwaarder.avg.registerhistorie.Registertabel.Historieregel::nieuweWaarde)
        .containsExactly("ONTVANGSTBEVESTIGING verzonden aan j.jansen@example.org");
  }

  @Test
  void mailserverWegGeeftRetriesDanEenIncidentEnDaarnaPreciesEenMail() throws Exception {
    Verzoek verzoek = registreer("p.pietersen@example.org");
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCES, verzoek.referentie());
    String jobId = job(pi).getId();
    smtp.stop();

    // first failure: the job stays, with retries left and no incident
    assertThatThrownBy(() -> managementService.executeJob(jobId)).isNotNull();
    Job mislukt = job(pi);
    assertThat(mislukt.getRetries()).isEqualTo(4);
    assertThat(mislukt.getExceptionMessage()).isNotBlank();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    Verzending opgesteld = verzendregister.vind(pi.getId() + ":" + STAP).orElseThrow();
    assertThat(opgesteld.status()).isEqualTo(Verzendstatus.OPGESTELD);

    // retries used up: an incident in Cockpit
    managementService.setJobRetries(jobId, 1);
    assertThatThrownBy(() -> managementService.executeJob(jobId)).isNotNull();
    assertThat(job(pi).getRetries()).isZero();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);

    // the server is back; an operator retries the job in Cockpit: exactly one mail
    smtp = startSmtp();
    managementService.setJobRetries(jobId, 1);
    managementService.executeJob(jobId);
    assertThat(smtp.getReceivedMessages()).hasSize(1);
    assertThat(((InternetAddress) smtp.getReceivedMessages()[0].getAllRecipients()[0]).getAddress())
        .isEqualTo("p.pietersen@example.org");
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(verzendregister.vind(pi.getId() + ":" + STAP).orElseThrow().status())
        .isEqualTo(Verzendstatus.VERZONDEN);
    // written and archived once, although the step ran three times
    assertThat(archief.stukken(verzoek.referentie())).filteredOn(s -> s.soort() == Stuksoort.BRIEF).hasSize(1);
    assertThat(verzendregister.vanReferentie(verzoek.referentie())).hasSize(1);
  }

  @Test
  void zonderEmailadresPerPostInPlaatsVanFalen() {
    Verzoek verzoek = registreer(null);
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCES, verzoek.referentie());
    managementService.executeJob(job(pi).getId());

    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(verzendregister.vind(pi.getId() + ":" + STAP).orElseThrow().status())
        .isEqualTo(Verzendstatus.PER_POST);
    assertThat(archief.stukken(verzoek.referentie())).filteredOn(s -> s.soort() == Stuksoort.BRIEF).hasSize(1);
    assertThat(register.historie(verzoek.referentie())).filteredOn(h -> "brief".equals(h.veld()))
        .extracting(nl.deurwaarder.avg.registerhistorie.Registertabel.Historieregel::nieuweWaarde)
        .singleElement().asString().startsWith("ONTVANGSTBEVESTIGING per post te verzenden");
  }

  private Job job(ProcessInstance pi) {
    return managementService.createJobQuery().processInstanceId(pi.getId()).singleResult();
  }

  private Verzoek registreer(String email) {
    OffsetDateTime ontvangen = OffsetDateTime.now(clock).minusDays(1);
    LocalDate uiterste = ontvangen.atZoneSameInstant(AMSTERDAM).toLocalDate().plusMonths(1);
    return new TransactionTemplate(transactionManager).execute(s -> {
      int jaar = ontvangen.getYear();
      int nummer = referentienummers.volgende("AVG", jaar);
      NieuwVerzoek nieuw = new NieuwVerzoek(VerzoekType.INZAGE, Kanaal.WEBFORMULIER, ontvangen,
          new Betrokkene("J. Jansen", email, email == null ? "Kerkstraat 1\n9999 ZZ Dorp" : null, null, null), null,
          "Inzage in mijn gegevens");
      return register.voegToe(Referentienummers.formatteer("AVG", jaar, nummer), jaar, nummer, nieuw, uiterste,
          uiterste.plusMonths(2), null, "test");
    });
  }

  private static GreenMail startSmtp() {
    GreenMail g = new GreenMail(new ServerSetup(SMTP_POORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    g.start();
    return g;
  }

  private static List<Part> delen(Part part) throws Exception {
    List<Part> uit = new ArrayList<>();
    if (part.isMimeType("multipart/*")) {
      Multipart mp = (Multipart) part.getContent();
      for (int i = 0; i < mp.getCount(); i++) {
        BodyPart bp = mp.getBodyPart(i);
        uit.addAll(delen(bp));
      }
    } else {
      uit.add(part);
    }
    return uit;
  }

  private static boolean isPdf(Part p) {
    try {
      return p.isMimeType("application/pdf");
    } catch (jakarta.mail.MessagingException e) {
      return false;
    }
  }

  private static String tekst(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(doc).replaceAll("\\s+", " ");
    }
  }

  private static int vrijePoort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
