package nl.deurwaarder.avg.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.archief.Archief;
import nl.deurwaarder.avg.archief.Stuksoort;
import nl.deurwaarder.avg.brief.Verzendregister.Verzending;
import nl.deurwaarder.avg.uitvoering.Ontvanger;
import nl.deurwaarder.avg.uitvoering.Ontvangers;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import nl.deurwaarder.avg.verzoek.VerzoekerRol;
import nl.deurwaarder.avg.verzoekprocedure.ProcesTestSteun;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Letters that the former version marked PER_POST (counted as sent, nobody posted them): migration V12_4 makes them
 * wait, the art. 19 recipient they "informed" is not informed any more, and at start-up each gets its posting task
 * (once). A reply whose posting a person confirmed in the former "Verzending bevestigen" task stays sent.
 */
@AvgSpringTest
class WachtendePostbrievenTest {

  @Autowired ProcesTestSteun t;
  @Autowired Verzendregister verzendregister;
  @Autowired Archief archief;
  @Autowired Ontvangers ontvangers;
  @Autowired JdbcTemplate jdbc;
  @Autowired TaskService taskService;
  @Autowired WachtendePostbrieven wachtendePostbrieven;

  Verzoek verzoek;

  @AfterEach
  void opruimen() {
    if (verzoek != null) {
      t.runtime.createProcessInstanceQuery().processInstanceBusinessKey(verzoek.referentie()).list()
          .forEach(p -> t.runtime.deleteProcessInstance(p.getId(), "einde test"));
    }
  }

  private Verzending oudeBrief(String sleutel, BriefType type, String naam) {
    String ref = verzoek.referentie();
    Verzending v = verzendregister.legVast(sleutel, ref, type, naam, null, "Onderwerp", () -> archief.bewaar(ref,
        Stuksoort.BRIEF, "Brief", ref + ".pdf", "application/pdf", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII),
        "systeem").id());
    jdbc.update("UPDATE avg_brief SET status = 'PER_POST' WHERE id = ?", v.id()); // as the former version did
    return v;
  }

  @Test
  void migrationMakesUnconfirmedLettersWaitAndStartUpGivesEachOneTask() throws Exception {
    verzoek = t.registreer(VerzoekType.VERWIJDERING, VerzoekerRol.BETROKKENE);
    String ref = verzoek.referentie();
    Ontvanger o = ontvangers.voegToe(ref, "Opdrachtgever NV", null, "Postbus 1, Utrecht", "coordinator");
    Verzending ontvangerBrief = oudeBrief("oud-1:Task_OntvangersInformeren:" + o.id(), BriefType.BERICHT_ONTVANGER,
        "Opdrachtgever NV");
    ontvangers.geinformeerd(o.id(), LocalDate.now(), ontvangerBrief.sleutel(), "systeem");
    Verzending bevestigd = oudeBrief("oud-2:Task_ReactieAanmaken", BriefType.REACTIE_INZAGE, "P. de Vries");
    jdbc.update("UPDATE avg_verzoek SET verzonden_op = CURRENT_TIMESTAMP, verzendwijze = 'AANGETEKENDE_POST' "
        + "WHERE referentie = ?", ref);

    voerMigratieUit();

    assertThat(verzendregister.vind(ontvangerBrief.id()).orElseThrow().status())
        .isEqualTo(Verzendstatus.WACHT_OP_POST);
    assertThat(ontvangers.ontvanger(o.id()).orElseThrow().status().name()).isEqualTo("TE_INFORMEREN");
    Verzending reactie = verzendregister.vind(bevestigd.id()).orElseThrow();
    assertThat(reactie.status()).isEqualTo(Verzendstatus.VERZONDEN);
    assertThat(reactie.post().verzendwijze()).isEqualTo("AANGETEKENDE_POST");
    assertThat(reactie.post().gepostOp()).isNotNull();
    assertThat(t.register.haal(ref).verzendingWachtOpPost()).isTrue();

    wachtendePostbrieven.zorgVoorTaken();
    wachtendePostbrieven.zorgVoorTaken();
    var taken = taskService.createTaskQuery().processInstanceBusinessKey(ref)
        .taskDefinitionKey("Task_BriefAfdrukkenEnVersturen").list();
    assertThat(taken).hasSize(1);
    assertThat(taskService.getVariable(taken.get(0).getId(), "postOntvanger")).isEqualTo("Opdrachtgever NV");

    taskService.complete(taken.get(0).getId(), Map.of("postVerzendwijze", "GEWONE_POST",
        "gepostOp", LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).toString()));
    assertThat(ontvangers.ontvanger(o.id()).orElseThrow().status().name()).isEqualTo("GEINFORMEERD");
    assertThat(t.register.haal(ref).verzendingWachtOpPost()).isFalse();
  }

  /** The data statements of V12_4 (its columns exist already), as Flyway runs them on a database with old rows. */
  private void voerMigratieUit() throws Exception {
    String sql = new ClassPathResource("db/migration/V12_4__brief_wacht_op_post.sql")
        .getContentAsString(StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
    Arrays.stream(sql.split(";")).map(String::strip).filter(s -> s.startsWith("UPDATE")).forEach(jdbc::update);
  }
}
