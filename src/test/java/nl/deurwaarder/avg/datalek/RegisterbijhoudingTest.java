package nl.deurwaarder.avg.datalek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.registerhistorie.Registertabel.Historieregel;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import nl.deurwaarder.avg.verzoek.VerzoekerRol;
import nl.deurwaarder.avg.verzoekprocedure.ProcesTestSteun;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The register bookkeeping on completion ({@code engine.Registerbijhouding}, run by the form contract plugin instead
 * of copy listeners in the diagrams): only what the task's own form holds reaches the register, and a refused
 * completion reaches nothing.
 */
@AvgSpringTest
class RegisterbijhoudingTest {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired DatalekMelden melden;
  @Autowired DatalekRegister register;
  @Autowired ProcesTestSteun t;

  private final List<String> gestart = new java.util.ArrayList<>();

  @AfterEach
  void opruimen() {
    for (String id : gestart) {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtimeService.deleteProcessInstance(id, "test klaar");
      }
    }
  }

  private String ref;

  /** A breach in the register ({@link #ref}), and a second instance of its procedure standing at {@code taak}. */
  private Task datalekBij(String taak, Map<String, Object> extra) {
    Datalek d = melden.meld(new NieuweDatalekmelding("Exploot bij de verkeerde debiteur bezorgd.",
        OffsetDateTime.now(AMSTERDAM).minusHours(2), Bron.MEDEWERKER, null, null, 3, "Dossierapplicatie",
        "Naam, adres", "Piet Melder", "piet.melder@kantoor.example"));
    ProcessInstance eerste = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(d.referentie())
        .processDefinitionKey("avg-datalek").singleResult();
    gestart.add(eerste.getId());
    ref = d.referentie();
    Map<String, Object> vars = new HashMap<>(runtimeService.getVariables(eerste.getId()));
    vars.putAll(extra);
    ProcessInstance pi = runtimeService.createProcessInstanceByKey("avg-datalek").businessKey(d.referentie())
        .setVariables(vars).startBeforeActivity(taak).execute();
    gestart.add(pi.getId());
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(taak).singleResult();
  }

  private List<String> historievelden(String ref) {
    return register.historie(ref).stream().map(Historieregel::veld).toList();
  }

  @Test
  void aVariableInScopeButNotOnTheTasksFormIsNotCopied() {
    // impactanalyse is a register field (form of "4. Impactanalyse"), in scope here but no field of this task's form
    Task taak = datalekBij("Task_FgAdviesBeoordeling", Map.of("impactanalyse", "Al in het proces"));
    // datalekteam is a register field too, submitted over the API with this task but not on its form
    taskService.complete(taak.getId(), Map.of("fgAdviesBeoordeling", "Wel een datalek: adres bij derde.",
        "datalekteam", "Niet van deze taak"));
    Datalek d = register.haal(ref);
    assertThat(d.tekst("fgAdviesBeoordeling")).isEqualTo("Wel een datalek: adres bij derde.");
    assertThat(d.tekst("impactanalyse")).isNull();
    assertThat(d.tekst("datalekteam")).isNull();
    assertThat(historievelden(ref)).contains("fgAdviesBeoordeling").doesNotContain("impactanalyse", "datalekteam");
  }

  @Test
  void aCompletionRefusedByTheFormCopiesNothing() {
    Task taak = datalekBij("Task_DetailsUitwerken", Map.of());
    List<String> voor = historievelden(ref);
    // critBeveiliging (required) is missing: the form contract refuses
    assertThatThrownBy(() -> taskService.complete(taak.getId(), Map.of("getroffenSystemen", "Mailserver",
        "getroffenGegevens", "Naam", "critPersoonsgegevens", "JA", "critMisbruik", "JA")))
        .hasMessageContaining("critBeveiliging");
    Datalek d = register.haal(ref);
    assertThat(d.tekst("critPersoonsgegevens")).isNull();
    assertThat(historievelden(ref)).isEqualTo(voor);
  }

  @Test
  void aCompletionRefusedByTheTasksGuardCopiesNothing() {
    Verzoek v = t.registreer(VerzoekType.INZAGE, VerzoekerRol.BETROKKENE);
    t.runtime.deleteProcessInstance(v.processInstanceId(), "alleen de deelprocedure wordt getest");
    ProcessInstance pi = t.runtime.startProcessInstanceByKey("avg-fg-advies", v.referentie(), ProcesTestSteun.vars(
        "voorgenomenBesluit", "AFWIJZEN", "onderwerp", "Inzageverzoek: voorgenomen afwijzing",
        "besluitMotivering", "Herhaald verzoek.", "afwijzingsgronden", List.of("HERHAALD_VERZOEK"),
        "referentie", v.referentie(), "betrokkeneNaam", "Pieter de Vries", "termijnTekst", "3 april 2026",
        "uitersteReactiedatum", t.datum(v.uitersteReactiedatum())));
    gestart.add(pi.getId());
    int regels = t.register.historie(v.referentie()).size();
    // the form allows an empty explanation; FgAdviesGevenControle (a Taakcontrole) refuses "niet akkoord" without one
    assertThatThrownBy(() -> t.rondAf(v.referentie(), "Task_AdviesGeven", "fgAdvies", "NIET_AKKOORD"))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("fgToelichting");
    assertThat(t.register.haal(v.referentie()).fgAdvies()).isNull();
    assertThat(t.register.historie(v.referentie())).hasSize(regels);
    t.rondAf(v.referentie(), "Task_AdviesGeven", "fgAdvies", "NIET_AKKOORD", "fgToelichting", "Ander dossier.");
    assertThat(t.register.haal(v.referentie()).fgAdvies()).isEqualTo("NIET_AKKOORD");
    assertThat(t.register.historie(v.referentie()).subList(regels, t.register.historie(v.referentie()).size()))
        .extracting(Historieregel::veld).containsExactly("fgAdvies", "fgToelichting", "fgAdviezen"); // copy first,
    // then the diagram's own listener (fgAdviesInProces.adviesVastleggen), as when the copy was a listener
  }
}
