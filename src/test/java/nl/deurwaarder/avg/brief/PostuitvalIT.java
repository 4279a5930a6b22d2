package nl.deurwaarder.avg.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.deurwaarder.avg.verzoek.Betrokkene;
import nl.deurwaarder.avg.verzoek.Kanaal;
import nl.deurwaarder.avg.verzoek.NieuwVerzoek;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekIntake;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import nl.deurwaarder.avg.verzoek.Verzoeker;
import nl.deurwaarder.avg.verzoek.VerzoekerRol;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Mail outage on PostgreSQL: 50 requests registered while the SMTP server is down are all kept (register rows and
 * running procedures); their acknowledgement jobs fail with retries left, or end as incidents when the retries run
 * out. When the server is back and the jobs are retried, each requester gets exactly one acknowledgement, none
 * twice, also when a job is retried again afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PostuitvalIT {

  private static final String STAP = "Task_OntvangstbevestigingVerzenden";
  private static final int AANTAL = 50;
  /** Of the 50, this many get their retries used up (an incident) before the server is back. */
  private static final int MET_INCIDENT = 10;
  private static final int SMTP_POORT = vrijePoort();
  static final EmbeddedPostgres POSTGRES = start();

  static EmbeddedPostgres start() {
    try {
      return EmbeddedPostgres.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void instellingen(DynamicPropertyRegistry r) {
    r.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
    r.add("spring.datasource.username", () -> "postgres");
    r.add("spring.datasource.password", () -> "");
    r.add("spring.mail.host", () -> "127.0.0.1");
    r.add("spring.mail.port", () -> SMTP_POORT);
    r.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> 2000);
    r.add("spring.mail.properties.mail.smtp.timeout", () -> 5000);
    r.add("avg.mail.afzender", () -> "privacy@kantoor.example");
  }

  @Autowired
  VerzoekIntake intake;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  ManagementService managementService;
  @Autowired
  JdbcTemplate jdbc;

  private static GreenMail smtp;

  @AfterAll
  static void stop() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void noRequestIsLostAndEachRequesterGetsExactlyOneAcknowledgement() throws Exception {
    // the SMTP server is down: nothing listens on SMTP_POORT
    List<Verzoek> verzoeken = new ArrayList<>();
    for (int i = 0; i < AANTAL; i++) {
      verzoeken.add(intake.registreer(new NieuwVerzoek(VerzoekType.values()[i % VerzoekType.values().length],
          Kanaal.EMAIL, null,
          new Betrokkene("Persoon " + letters(i), adres(i), "Dorpsstraat " + (i + 1) + ", 1234 AB Ergens", null, null),
          new Verzoeker(VerzoekerRol.BETROKKENE, null, null, null), "Welke gegevens heeft u van mij?"),
          "coordinator"));
    }

    // every acknowledgement job fails; ten of them until the retries are used up
    for (int i = 0; i < AANTAL; i++) {
      Job job = brief(verzoeken.get(i));
      int pogingen = i < MET_INCIDENT ? job.getRetries() : 1;
      for (int p = 0; p < pogingen; p++) {
        String id = job.getId();
        assertThatThrownBy(() -> managementService.executeJob(id)).as("SMTP down").isNotNull();
      }
    }

    // nothing lost: 50 register rows, 50 running procedures, every letter job still there
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM avg_verzoek", Long.class)).isEqualTo(AANTAL);
    assertThat(runtimeService.createProcessInstanceQuery().rootProcessInstances().count()).isEqualTo(AANTAL);
    for (int i = 0; i < AANTAL; i++) {
      Job job = brief(verzoeken.get(i));
      assertThat(job.getExceptionMessage()).as("failure recorded").isNotBlank();
      if (i < MET_INCIDENT) {
        assertThat(job.getRetries()).as("retries used up").isZero();
      } else {
        assertThat(job.getRetries()).as("retries left").isPositive();
      }
    }
    assertThat(runtimeService.createIncidentQuery().count()).isEqualTo(MET_INCIDENT);

    // the server is back: the operator retries every failed letter job (Cockpit "increment retries")
    smtp = new GreenMail(new ServerSetup(SMTP_POORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    List<String> jobIds = verzoeken.stream().map(v -> brief(v).getId()).toList();
    for (String id : jobIds) {
      managementService.setJobRetries(id, 1);
      managementService.executeJob(id);
    }
    assertThat(runtimeService.createIncidentQuery().count()).isZero();
    for (Verzoek v : verzoeken) {
      assertThat(letterJobs(v)).as("letter job done for %s", v.referentie()).isEmpty();
    }

    // exactly one acknowledgement per requester, none twice
    Map<String, Integer> perOntvanger = new TreeMap<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      assertThat(m.getSubject()).startsWith("Ontvangstbevestiging");
      for (Address a : m.getAllRecipients()) {
        perOntvanger.merge(((InternetAddress) a).getAddress(), 1, Integer::sum);
      }
    }
    Map<String, Integer> verwacht = new TreeMap<>();
    for (int i = 0; i < AANTAL; i++) {
      verwacht.put(adres(i), 1);
    }
    assertThat(perOntvanger).isEqualTo(verwacht);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM avg_verzoek", Long.class)).isEqualTo(AANTAL);
  }

  private Job brief(Verzoek v) {
    List<Job> jobs = letterJobs(v);
    assertThat(jobs).as("the acknowledgement job of %s", v.referentie()).hasSize(1);
    return jobs.get(0);
  }

  private List<Job> letterJobs(Verzoek v) {
    String pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(v.referentie())
        .rootProcessInstances().singleResult().getId();
    return managementService.createJobQuery().processInstanceId(pi).activityId(STAP).list();
  }

  private static String adres(int i) {
    return "verzoeker" + i + "@voorbeeld.example";
  }

  /** A name part without digits (names need letters; digits are fine but this reads better). */
  private static String letters(int i) {
    return String.valueOf((char) ('A' + i / 26)) + (char) ('a' + i % 26);
  }

  private static int vrijePoort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
