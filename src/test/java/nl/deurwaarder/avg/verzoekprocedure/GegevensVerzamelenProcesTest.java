package nl.deurwaarder.avg.verzoekprocedure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.archief.Archief;
import nl.deurwaarder.avg.archief.Archiefstuk;
import nl.deurwaarder.avg.archief.Stuksoort;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import nl.deurwaarder.avg.verzoek.VerzoekerRol;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestExecutionListeners;

/** The shared call activity "Gegevens verzamelen" with checklist PH-PRO-02 (bpmn/avg-gegevens-verzamelen.bpmn). */
@AvgSpringTest
@TestExecutionListeners(value = ProcessEngineCoverageTestExecutionListener.class,
    mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class GegevensVerzamelenProcesTest {

  @Autowired
  ProcesTestSteun t;
  @Autowired
  Archief archief;

  @BeforeEach
  void klok() {
    t.klok(LocalDate.of(2026, 3, 4), 10);
  }

  @AfterEach
  void herstel() {
    ClockUtil.reset();
  }

  /** The form as the verantwoordelijke fills it in: all 12 rows done, one free row used. */
  static Map<String, Object> checklist(boolean alles) {
    Map<String, Object> v = new java.util.HashMap<>();
    for (int i = 1; i <= 12; i++) {
      v.put(String.format("bron%02dAfgerond", i), alles || i != 5);
      v.put(String.format("bron%02dAanwezig", i), i <= 3);
    }
    v.put("bron13Naam", "Telefoonnotities");
    v.put("bron13Aanwezig", true);
    v.put("bron13Afgerond", alles);
    v.put("checklistOpmerkingen", "Fysiek dossier gescand.");
    return v;
  }

  @Test
  void theAppointedPersonCompletesTheChecklistWhichIsArchivedAndTheCoordinatorMailed() throws Exception {
    Verzoek v = t.registreer(VerzoekType.INZAGE, VerzoekerRol.BETROKKENE);
    t.runtime.deleteProcessInstance(v.processInstanceId(), "alleen de deelprocedure wordt getest");
    String ref = v.referentie();
    ProcessInstance pi = t.runtime.startProcessInstanceByKey("avg-gegevens-verzamelen", ref, ProcesTestSteun.vars(
        "verantwoordelijke", "medewerker", "referentie", ref, "betrokkeneNaam", "Pieter de Vries",
        "termijnTekst", "4 april 2026", "uitersteReactiedatum", t.datum(v.uitersteReactiedatum())));
    Task taak = t.taak(ref, "Task_GegevensVerzamelen");
    assertThat(taak).isAssignedTo("medewerker");
    assertThat(taak.getDueDate()).isEqualTo(t.datum(v.uitersteReactiedatum()));
    assertThatThrownBy(() -> t.taken.complete(taak.getId(), checklist(false)))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("(bron05Afgerond): vink dit aan");
    Map<String, Object> ingevuld = checklist(true);
    ingevuld.put("bron13Naam", "Telefoonnotities Łukasz Wiśniewski");
    ingevuld.put("checklistOpmerkingen", "Map van Zoë Ördög gescand – “compleet”.");
    t.taken.complete(taak.getId(), ingevuld);
    assertThat(pi).isWaitingAt("Task_CoordinatorInformeren");
    Archiefstuk stuk = archief.stukken(ref).stream().filter(s -> s.soort() == Stuksoort.CHECKLIST).findFirst()
        .orElseThrow();
    assertThat(stuk.contentType()).isEqualTo("application/pdf");
    assertThat(new String(archief.inhoud(stuk.id()), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
    // the archived evidence prints what was typed, letters outside Western European included (embedded font)
    try (PDDocument pdf = Loader.loadPDF(archief.inhoud(stuk.id()))) {
      String tekst = new PDFTextStripper().getText(pdf);
      assertThat(tekst).contains("Telefoonnotities Łukasz Wiśniewski", "Map van Zoë Ördög gescand – “compleet”.",
          "Verzoek: " + ref, "Fysieke dossiers").doesNotContain("#ukasz");
    }
    assertThat(t.runtime.getVariable(pi.getId(), "checklistArchiefstukId")).isEqualTo(stuk.id());
    t.voerJobsUit(pi.getId());
    assertThat(pi).isEnded().hasPassed("Task_ChecklistArchiveren", "EndEvent_GegevensVerzameld");
    assertThat(t.procesmail.soorten(ref)).containsExactly("GEGEVENS_VERZAMELD");
  }
}
