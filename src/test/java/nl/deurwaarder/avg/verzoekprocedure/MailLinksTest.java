package nl.deurwaarder.avg.verzoekprocedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.mail.OutboxMailSender;
import nl.deurwaarder.avg.mail.Webadressen;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import nl.deurwaarder.avg.verzoek.VerzoekerRol;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13.5: links in mails are absolute, from {@code avg.basis-url} (the test profile sets
 * {@code https://avg.kantoor.test}): a mail client has no "current site", so {@code /archief/AVG-2026-0001} alone
 * is a dead link. The internal mails of a request are produced by walking the procedures; every path of the
 * application they name must start with the base.
 */
@AvgSpringTest
class MailLinksTest {

  private static final String BASIS = "https://avg.kantoor.test";
  /** A path of this application in a text, with what precedes it. */
  private static final Pattern PAD = Pattern.compile("(\\S*)(/(archief|beheer|camunda|api|verwerkingsregister)/)");

  @Autowired
  ProcesTestSteun t;
  @Autowired
  OutboxMailSender outbox;
  @Autowired
  Webadressen adressen;

  private ProcessInstance pi;

  @AfterEach
  void herstel() {
    ClockUtil.reset();
    if (pi != null && t.runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).count() > 0) {
      t.runtime.deleteProcessInstance(pi.getId(), "einde test");
    }
  }

  @Test
  void everyLinkInTheMailsOfARequestIsAbsolute() throws Exception {
    t.klok(LocalDate.of(2026, 3, 2), 10);
    Verzoek v = t.registreer(VerzoekType.INZAGE, VerzoekerRol.BETROKKENE);
    String ref = v.referentie();
    pi = t.procedure(ref, "avg-inzageverzoek");
    // the deadline watch: reminder to the coordinator, then the escalation to FG and directie
    t.laatTimerAfgaan(pi.getId(), "StartEvent_Herinnering");
    t.voerJobsUit(pi.getId());
    t.laatTimerAfgaan(pi.getId(), "StartEvent_TermijnVerstreken");
    t.voerJobsUit(pi.getId());
    // "Gegevens verzameld" to the coordinator, from the shared sub-procedure
    ProcessInstance verzamelen = t.runtime.startProcessInstanceByKey("avg-gegevens-verzamelen", ref,
        ProcesTestSteun.vars("verantwoordelijke", "medewerker", "referentie", ref, "betrokkeneNaam", "Pieter de Vries",
            "termijnTekst", "2 april 2026", "uitersteReactiedatum", t.datum(v.uitersteReactiedatum())));
    t.taken.complete(t.taak(ref, "Task_GegevensVerzamelen").getId(), GegevensVerzamelenProcesTest.checklist(true));
    t.voerJobsUit(verzamelen.getId());
    assertThat(t.procesmail.soorten(ref)).contains("HERINNERING", "TERMIJN_VERSTREKEN", "GEGEVENS_VERZAMELD");

    List<String> teksten = mailteksten(ref);
    assertThat(teksten).hasSizeGreaterThanOrEqualTo(3);
    assertThat(teksten).anySatisfy(m -> assertThat(m).contains("Gegevens verzameld")
        .contains(BASIS + "/archief/" + ref + "\n"));
    assertThat(teksten).anySatisfy(m -> assertThat(m).contains("Herinnering")
        .contains(BASIS + "/camunda/app/tasklist/default/"));
    for (String tekst : teksten) {
      Matcher m = PAD.matcher(tekst);
      int gevonden = 0;
      while (m.find()) {
        gevonden++;
        assertThat(m.group(1)).as("what precedes %s in:%n%s", m.group(2), tekst).isEqualTo(BASIS);
      }
      assertThat(gevonden).as("links in:%n%s", tekst).isPositive();
    }
  }

  @Test
  void theBaseMustBeAFullWebAddress() {
    assertThat(adressen.archief("AVG-2026-0001")).isEqualTo(BASIS + "/archief/AVG-2026-0001");
    assertThat(new Webadressen("https://avg.kantoor.nl/").beheerBrieven())
        .isEqualTo("https://avg.kantoor.nl/beheer/brieven");
    for (String fout : new String[] {"", "/archief", "avg.kantoor.nl", "ftp://avg.kantoor.nl", "https://"}) {
      assertThatThrownBy(() -> new Webadressen(fout)).as(fout).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("AVG_BASIS_URL");
    }
  }

  /** The text of every mail in the outbox whose subject names the reference. */
  private List<String> mailteksten(String referentie) throws Exception {
    List<String> uit = new ArrayList<>();
    Path dir = outbox.outbox();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path p : files.sorted().toList()) {
        try (InputStream in = Files.newInputStream(p)) {
          MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), in);
          if (m.getSubject() != null && m.getSubject().contains(referentie) && m.getContent() instanceof String s) {
            uit.add(m.getSubject() + "\n" + s.replace("\r\n", "\n"));
          }
        }
      }
    }
    return uit;
  }
}
