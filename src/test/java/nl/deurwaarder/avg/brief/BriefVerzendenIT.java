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
import org.springframework.mail.javamail.JavaMailSenderImpl;
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

  /**
   * Wraps the real mail sender so that a test can let the "node die" right before or right after the SMTP server
   * accepted a mail: an Error, which no catch block for exceptions handles (as with a killed JVM, the attempt's
   * committed state is what remains).
   */
  @TestConfiguration
  static class Uitval {
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor uitvalBijVerzenden() {
      return new org.springframework.beans.factory.config.BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String naam) {
          return bean instanceof JavaMailSenderImpl echt ? new UitvallendeMailSender(echt) : bean;
        }
      };
    }
  }

  /** When to die: never, before handing over the mail, or after the server accepted it. */
  enum Moment { NOOIT, VOOR, NA }

  static volatile Moment sterven = Moment.NOOIT;

  /** Spring Boot's SMTP sender with the same settings, that can "die" around the SMTP dialogue. */
  static final class UitvallendeMailSender extends JavaMailSenderImpl {
    UitvallendeMailSender(JavaMailSenderImpl echt) {
      setHost(echt.getHost());
      setPort(echt.getPort());
      setProtocol(echt.getProtocol());
      setUsername(echt.getUsername());
      setPassword(echt.getPassword());
      setDefaultEncoding(echt.getDefaultEncoding());
      setJavaMailProperties(echt.getJavaMailProperties());
    }

    @Override
    protected void doSend(MimeMessage[] berichten, Object[] origineel) {
      if (sterven == Moment.VOOR) {
        throw new Uitgevallen();
      }
      super.doSend(berichten, origineel);
      if (sterven == Moment.NA) {
        throw new Uitgevallen();
      }
    }
  }

  /** The simulated death of the node. */
  static final class Uitgevallen extends Error {
    Uitgevallen() {
      super("gesimuleerde uitval van het knooppunt");
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
  @Autowired org.camunda.bpm.engine.TaskService taskService;
  @Autowired Archief archief;
  @Autowired Clock clock;
  @Autowired OnzekereBrieven onzekereBrieven;

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
    sterven = Moment.NOOIT;
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
  void naUitvalTijdensHetVerzendenNooitVanzelfEenTweedeMailMaarEenIncidentEnEenBesluit() throws Exception {
    // the node dies after the SMTP server accepted the mail, before VERZONDEN was recorded
    Verzoek verzoek = registreer("k.klaassen@example.org");
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCES, verzoek.referentie());
    String jobId = job(pi).getId();
    sterven = Moment.NA;
    assertThat(oorzaak(() -> managementService.executeJob(jobId))).isInstanceOf(Uitgevallen.class);
    sterven = Moment.NOOIT;
    assertThat(aan("k.klaassen@example.org")).hasSize(1);
    Verzending onderbroken = verzendregister.vind(pi.getId() + ":" + STAP).orElseThrow();
    assertThat(onderbroken.status()).isEqualTo(Verzendstatus.VERZENDEN);
    assertThat(onderbroken.verzendingGestartOp()).isNotNull();

    // the restarted node retries the job: it does not mail again, the letter is in doubt and the job an incident
    managementService.setJobRetries(jobId, 5);
    assertThat(oorzaak(() -> managementService.executeJob(jobId))).isInstanceOf(VerzendingOnzekerException.class);
    assertThat(aan("k.klaassen@example.org")).hasSize(1);
    Verzending onzeker = verzendregister.vind(onderbroken.id()).orElseThrow();
    assertThat(onzeker.status()).isEqualTo(Verzendstatus.ONZEKER);
    assertThat(job(pi).getRetries()).as("no automatic retry for a letter in doubt").isZero();
    var incident = runtimeService.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(incident.getIncidentMessage()).contains("Verzending onzeker", verzoek.referentie(),
        onderbroken.messageId(), "/beheer/brieven").doesNotContain("k.klaassen");
    assertThat(onzekereBrieven.lijst()).extracting(Verzending::id).contains(onderbroken.id());
    // ICT is told once, with the Message-ID to look for
    assertThat(aan("ict@kantoor.example")).singleElement().satisfies(m -> {
      assertThat(m.getSubject()).contains("verzending van een brief onzeker", verzoek.referentie());
      assertThat(String.valueOf(m.getContent())).contains(onderbroken.messageId(), "/beheer/brieven");
    });
    // Cockpit's "retry" without a decision: still nothing mailed, back to an incident
    managementService.setJobRetries(jobId, 1);
    assertThat(oorzaak(() -> managementService.executeJob(jobId))).isInstanceOf(VerzendingOnzekerException.class);
    assertThat(aan("k.klaassen@example.org")).hasSize(1);

    // ICT finds the Message-ID in the mail server's log: "was delivered" → the procedure continues, no second mail
    assertThat(onzekereBrieven.beslis(onderbroken.id(), true, "ict")).isEqualTo(OnzekereBrieven.Uitkomst.VASTGELEGD);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(job(pi).getDuedate()).as("due now, not after the retry interval")
        .isBeforeOrEqualTo(java.util.Date.from(clock.instant()));
    managementService.executeJob(jobId);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(aan("k.klaassen@example.org")).hasSize(1);
    assertThat(verzendregister.vind(onderbroken.id()).orElseThrow().status()).isEqualTo(Verzendstatus.VERZONDEN);
    assertThat(aan("ict@kantoor.example")).as("told once, not on every retry").hasSize(1);
    assertThat(onzekereBrieven.beslis(onderbroken.id(), false, "ict"))
        .as("a decided letter cannot be decided again").isEqualTo(OnzekereBrieven.Uitkomst.NIET_ONZEKER);
    assertThat(register.historie(verzoek.referentie())).filteredOn(h -> "brief".equals(h.veld()))
        .extracting(nl.deurwaarder.avg.registerhistorie.Registertabel.Historieregel::nieuweWaarde)
        .anySatisfy(r -> assertThat(r).contains("verzending onzeker"))
        .anySatisfy(r -> assertThat(r).contains("verzending bevestigd"));
  }

  @Test
  void naUitvalVoordatDeMailDeServerBereikteOpnieuwVerzendenNaBesluit() throws Exception {
    Verzoek verzoek = registreer("l.lammers@example.org");
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCES, verzoek.referentie());
    String jobId = job(pi).getId();
    sterven = Moment.VOOR;
    assertThat(oorzaak(() -> managementService.executeJob(jobId))).isInstanceOf(Uitgevallen.class);
    sterven = Moment.NOOIT;
    assertThat(aan("l.lammers@example.org")).isEmpty();

    managementService.setJobRetries(jobId, 5);
    assertThat(oorzaak(() -> managementService.executeJob(jobId))).isInstanceOf(VerzendingOnzekerException.class);
    assertThat(aan("l.lammers@example.org")).isEmpty();
    long id = verzendregister.vind(pi.getId() + ":" + STAP).orElseThrow().id();

    // not in the mail server's log: "send again" → exactly one mail, the procedure continues
    assertThat(onzekereBrieven.beslis(id, false, "ict")).isEqualTo(OnzekereBrieven.Uitkomst.VASTGELEGD);
    managementService.executeJob(jobId);
    assertThat(aan("l.lammers@example.org")).hasSize(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(verzendregister.vind(id).orElseThrow().status()).isEqualTo(Verzendstatus.VERZONDEN);
    assertThat(archief.stukken(verzoek.referentie())).filteredOn(s -> s.soort() == Stuksoort.BRIEF).hasSize(1);
  }

  @Test
  void zonderEmailadresWachtOpPostInPlaatsVanFalen() {
    Verzoek verzoek = registreer(null);
    ProcessInstance pi = runtimeService.startProcessInstanceByKey(PROCES, verzoek.referentie());
    managementService.executeJob(job(pi).getId());

    assertThat(smtp.getReceivedMessages()).isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
    assertThat(verzendregister.vind(pi.getId() + ":" + STAP).orElseThrow().status())
        .isEqualTo(Verzendstatus.WACHT_OP_POST);
    assertThat(archief.stukken(verzoek.referentie())).filteredOn(s -> s.soort() == Stuksoort.BRIEF).hasSize(1);
    assertThat(register.historie(verzoek.referentie())).filteredOn(h -> "brief".equals(h.veld()))
        .extracting(nl.deurwaarder.avg.registerhistorie.Registertabel.Historieregel::nieuweWaarde)
        .singleElement().asString().startsWith("ONTVANGSTBEVESTIGING wacht op verzending per gewone post");
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(verzoek.referentie())
        .taskDefinitionKey("Task_BriefAfdrukkenEnVersturen").taskCandidateGroup("privacycoordinator").count())
        .isEqualTo(1);
  }

  /** The innermost cause of what the call threw (the engine wraps an Error, not an exception). */
  private static Throwable oorzaak(org.assertj.core.api.ThrowableAssert.ThrowingCallable aanroep) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(aanroep);
    assertThat(t).as("the call fails").isNotNull();
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  /** The mails GreenMail received for one address. */
  private List<MimeMessage> aan(String adres) throws Exception {
    List<MimeMessage> uit = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      for (jakarta.mail.Address a : m.getAllRecipients()) {
        if (((InternetAddress) a).getAddress().equals(adres)) {
          uit.add(m);
        }
      }
    }
    return uit;
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
