package nl.deurwaarder.avg.verzoekprocedure;

import nl.deurwaarder.avg.mail.Procesmail;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.archief.Archief;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.jdbc.core.JdbcTemplate;
import nl.deurwaarder.avg.termijn.Termijnberekening;
import nl.deurwaarder.avg.verzoek.Betrokkene;
import nl.deurwaarder.avg.verzoek.Kanaal;
import nl.deurwaarder.avg.verzoek.NieuwVerzoek;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekIntake;
import nl.deurwaarder.avg.verzoek.VerzoekRegister;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import nl.deurwaarder.avg.verzoek.Verzoeker;
import nl.deurwaarder.avg.verzoek.VerzoekerRol;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.stereotype.Component;

/** What the process tests of the request procedures share: registering, driving jobs and timers, completing tasks. */
@Component
public class ProcesTestSteun {

  public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  public final ProcessEngine engine;
  public final RuntimeService runtime;
  public final TaskService taken;
  public final ManagementService beheer;
  public final VerzoekIntake intake;
  public final VerzoekRegister register;
  public final Termijnberekening termijn;
  private final JdbcTemplate jdbc;
  private final Archief archief;
  public final Procesmail procesmail;
  private final org.springframework.mail.javamail.JavaMailSender mailSender;

  public ProcesTestSteun(ProcessEngine engine, VerzoekIntake intake, VerzoekRegister register,
      Termijnberekening termijn, JdbcTemplate jdbc, Archief archief, Procesmail procesmail,
      org.springframework.mail.javamail.JavaMailSender mailSender) {
    this.mailSender = mailSender;
    this.engine = engine;
    this.runtime = engine.getRuntimeService();
    this.taken = engine.getTaskService();
    this.beheer = engine.getManagementService();
    this.intake = intake;
    this.register = register;
    this.termijn = termijn;
    this.jdbc = jdbc;
    this.archief = archief;
    this.procesmail = procesmail;
  }

  /** A letter the procedure wrote (table avg_brief), with the text of its archived PDF. */
  public record Brief(String type, String status, String tekst) {
  }

  /** A screened document in the request's archive, as the coordinator adds it before composing the access reply. */
  public void gescreendStuk(String referentie) {
    archief.bewaar(referentie, nl.deurwaarder.avg.archief.Stuksoort.GESCREENDE_GEGEVENS, "Dossier (gescreend)",
        "dossier.pdf", "application/pdf", nl.deurwaarder.avg.levering.Leveringshulp.pdfMetTekst("Dossier"),
        "coordinator");
  }

  /**
   * The reply of this type went by secure link (issue 12.7): its delivery is BEVEILIGDE_LINK and sent, and the mail
   * to the letter's address has no attachment and a link to the portal (nothing personal in it).
   */
  public void reactieViaBeveiligdeLink(String referentie, String briefType) {
    Map<String, Object> levering = jdbc.queryForMap("SELECT l.verzendwijze, l.status, b.ontvanger_email FROM "
        + "avg_levering l JOIN avg_brief b ON b.sleutel = l.sleutel WHERE l.referentie = ? AND b.brief_type = ?",
        referentie, briefType);
    org.assertj.core.api.Assertions.assertThat(levering.get("VERZENDWIJZE")).isEqualTo("BEVEILIGDE_LINK");
    org.assertj.core.api.Assertions.assertThat(levering.get("STATUS")).isEqualTo("VERZONDEN");
    if (mailSender instanceof nl.deurwaarder.avg.mail.OutboxMailSender outbox) {
      try {
        var mails = nl.deurwaarder.avg.levering.Leveringshulp.mails(outbox.outbox(),
            (String) levering.get("ONTVANGER_EMAIL"));
        org.assertj.core.api.Assertions.assertThat(mails).anySatisfy(m -> {
          org.assertj.core.api.Assertions.assertThat(nl.deurwaarder.avg.levering.Leveringshulp.bijlagen(m)).isEmpty();
          org.assertj.core.api.Assertions.assertThat(nl.deurwaarder.avg.levering.Leveringshulp.tekst(m))
              .contains("/ophalen/").doesNotContain("Pieter");
        });
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
  }

  /** A mobile number for the data subject, so an access code or password goes by SMS instead of a posted letter. */
  public void mobielNummer(String referentie) {
    jdbc.update("UPDATE avg_verzoek SET betrokkene_telefoon = '+31612345678' WHERE referentie = ?", referentie);
  }

  public List<Brief> brieven(String referentie) {
    return jdbc.query("SELECT brief_type, status, archiefstuk_id FROM avg_brief WHERE referentie = ? ORDER BY id",
        (rs, i) -> new Brief(rs.getString(1), rs.getString(2), pdfTekst(archief.inhoud(rs.getLong(3)))), referentie);
  }

  public List<String> brieftypen(String referentie) {
    return brieven(referentie).stream().map(Brief::type).toList();
  }

  static String pdfTekst(byte[] pdf) {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Camunda's clock (and with it the app's Clock bean) at this moment, Amsterdam time. */
  public void klok(LocalDate dag, int uur) {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(dag.atTime(uur, 0), AMSTERDAM).toInstant()));
  }

  public void klok(Date moment) {
    ClockUtil.setCurrentTime(moment);
  }

  /** Registers a request as the intake does (received now); its procedure starts with the reference as business key. */
  public Verzoek registreer(VerzoekType type, VerzoekerRol rol) {
    Verzoeker verzoeker = rol == VerzoekerRol.BETROKKENE ? null
        : new Verzoeker(rol, "mr. K. Jansen", "jansen@advocaten.example", "Jansen Advocaten");
    NieuwVerzoek nieuw = new NieuwVerzoek(type, Kanaal.EMAIL, OffsetDateTime.ofInstant(ClockUtil.now().toInstant(), AMSTERDAM),
        new Betrokkene("Pieter de Vries", "pieter" + System.nanoTime() + "@voorbeeld.example", "Dorpsstraat 1, Utrecht",
            LocalDate.of(1980, 1, 1), null), verzoeker, "Ik wil weten welke gegevens u van mij heeft.");
    return intake.registreer(nieuw, "coordinator");
  }

  /** The request's process instance and, recursively, its called sub-instances. */
  public List<String> boom(String rootId) {
    List<String> alle = new ArrayList<>(List.of(rootId));
    for (int i = 0; i < alle.size(); i++) {
      runtime.createProcessInstanceQuery().superProcessInstanceId(alle.get(i)).list()
          .forEach(p -> alle.add(p.getId()));
    }
    return alle;
  }

  /** Runs every due non-timer job (letters, mails) of the request until none is left. */
  public void voerJobsUit(String rootId) {
    for (int ronde = 0; ronde < 20; ronde++) {
      List<Job> jobs = new ArrayList<>();
      for (String id : boom(rootId)) {
        jobs.addAll(beheer.createJobQuery().processInstanceId(id).messages().executable().list());
      }
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(j -> beheer.executeJob(j.getId()));
    }
    throw new AssertionError("jobs blijven ontstaan");
  }

  /**
   * A person confirms posting every letter of the reference that waits for the post ("Brief afdrukken en
   * versturen", today on Camunda's clock; a registered-post barcode or writ number where that way was chosen), after
   * which the jobs of every process of the reference run.
   */
  public void bevestigPost(String referentie) {
    for (int ronde = 0; ronde < 10; ronde++) {
      List<Task> post = taken.createTaskQuery().processInstanceBusinessKey(referentie)
          .taskDefinitionKey("Task_BriefAfdrukkenEnVersturen").list();
      if (post.isEmpty()) {
        return;
      }
      String vandaag = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), AMSTERDAM).toString();
      for (Task taak : post) {
        Object wijze = taken.getVariable(taak.getId(), "postVerzendwijze");
        String w = wijze == null ? "GEWONE_POST" : String.valueOf(wijze);
        Map<String, Object> v = new java.util.HashMap<>(vars("postVerzendwijze", w, "gepostOp", vandaag));
        if (w.equals("AANGETEKENDE_POST")) {
          v.put("barcode", "RR123456785NL");
        } else if (w.equals("BETEKENING_EXPLOOT")) {
          v.put("explootnummer", "EXP-2026-001");
        }
        taken.complete(taak.getId(), v);
      }
      for (var pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(referentie).list()) {
        voerJobsUit(pi.getId());
      }
    }
    throw new AssertionError("postopdrachten blijven ontstaan");
  }

  /** The timer job waiting at the given activity somewhere in the request's tree. */
  public Job timer(String rootId, String activityId) {
    for (String id : boom(rootId)) {
      Job j = beheer.createJobQuery().processInstanceId(id).timers().activityId(activityId).singleResult();
      if (j != null) {
        return j;
      }
    }
    return null;
  }

  /** Moves the clock to the timer's due date and fires it. */
  public void laatTimerAfgaan(String rootId, String activityId) {
    Job t = timer(rootId, activityId);
    assertThat(t).as("timer " + activityId).isNotNull();
    ClockUtil.setCurrentTime(new Date(t.getDuedate().getTime() + 1000));
    beheer.executeJob(t.getId());
  }

  public Task taak(String referentie, String taskKey) {
    List<Task> lijst = taken.createTaskQuery().processInstanceBusinessKey(referentie).taskDefinitionKey(taskKey).list();
    assertThat(lijst).as("open taak " + taskKey).hasSize(1);
    return lijst.get(0);
  }

  public boolean heeftTaak(String referentie, String taskKey) {
    return taken.createTaskQuery().processInstanceBusinessKey(referentie).taskDefinitionKey(taskKey).count() > 0;
  }

  public void rondAf(String referentie, String taskKey, Object... paren) {
    taken.complete(taak(referentie, taskKey).getId(), vars(paren));
  }

  /**
   * The coordinator's action "Termijn van een verzoek verlengen": the start form of avg-termijn-verlengen submitted
   * as Tasklist does, by {@code coordinator}, for the given request.
   */
  public ProcessInstance verleng(String referentie, Object... paren) {
    Map<String, Object> v = vars(paren);
    v.put("referentie", referentie);
    String definitie = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey("avg-termijn-verlengen").latestVersion().singleResult().getId();
    engine.getIdentityService().setAuthentication("coordinator", List.of("privacycoordinator", "medewerker"));
    try {
      return engine.getFormService().submitStartForm(definitie, v);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** Whether the request has a user task "Termijn verlengen" (it must not: extending is an action, not a task). */
  public boolean heeftVerlengtaak(String referentie) {
    return taken.createTaskQuery().processInstanceBusinessKey(referentie).taskNameLike("%erlengen%").count() > 0;
  }

  public static Map<String, Object> vars(Object... paren) {
    Map<String, Object> v = new HashMap<>();
    for (int i = 0; i < paren.length; i += 2) {
      v.put((String) paren[i], paren[i + 1]);
    }
    return v;
  }

  /** A list as Tasklist's Camunda Forms submit it (Json). */
  public static JsonValue lijst(String... waarden) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < waarden.length; i++) {
      s.append(i == 0 ? "" : ",").append('"').append(waarden[i]).append('"');
    }
    return SpinValues.jsonValue(s.append(']').toString()).create();
  }

  public ProcessInstance procedure(String referentie, String key) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(referentie).processDefinitionKey(key)
        .singleResult();
  }

  /** The request's office deadline (uiterste reactiedatum) as the engine's date. */
  public Date deadline(String referentie) {
    return datum(register.haal(referentie).uitersteReactiedatum());
  }

  /** A test's clean-up: the clock back to now and every procedure of the reference ended. */
  public void beeindig(String referentie) {
    ClockUtil.reset();
    for (ProcessInstance p : runtime.createProcessInstanceQuery().processInstanceBusinessKey(referentie)
        .rootProcessInstances().list()) {
      runtime.deleteProcessInstance(p.getId(), "einde test");
    }
  }

  public Date datum(LocalDate dag) {
    return Date.from(termijn.eindeVanDag(dag).toInstant());
  }
}
