package nl.deurwaarder.avg.datalek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.mail.OutboxMailSender;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The yearly trend analysis (PH-PRO-04 §6.2): 60 breaches seeded over 13 months (December 2022 – December 2023); on
 * 2 January 2024 the report covers 2023 only, and its figures equal those computed here independently.
 */
@AvgSpringTest
class TrendanalyseTest {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired DatalekRegister register;
  @Autowired Trendanalyse trendanalyse;
  @Autowired OutboxMailSender outbox;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transactie;

  record Zaad(OffsetDateTime ontdekt, Bron bron, boolean datalek, Ernst ernst, List<String> categorieen,
      OffsetDateTime apMeldingOp, Boolean verwerkerTijdig) {
  }

  final List<Zaad> zaden = new ArrayList<>();

  @BeforeEach
  void zaai() {
    BpmnAwareTests.init(processEngine);
    if (register.vind("DL-2022-9000").isPresent()) {
      bouwZaden();
      return;
    }
    bouwZaden();
    transactie.executeWithoutResult(s -> {
      int i = 0;
      for (Zaad z : zaden) {
        int jaar = z.ontdekt().getYear();
        String ref = "DL-" + jaar + "-" + (9000 + i);
        NieuweDatalekmelding m = new NieuweDatalekmelding("Zaad " + i, z.ontdekt(), z.bron(),
            z.bron() == Bron.VERWERKER ? "Verwerker BV" : null, null, i, null, null, "Melder " + i, null);
        register.voegToe(ref, jaar, 9000 + i, m, z.ontdekt().plusHours(1), z.ontdekt().plusHours(72),
            z.verwerkerTijdig(), "test");
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("isDatalek", z.datalek());
        v.put("ernst", z.ernst());
        v.put("inbreukCategorieen", z.categorieen());
        v.put("apGemeld", z.apMeldingOp() != null);
        v.put("apMeldingOp", z.apMeldingOp());
        register.wijzig(ref, v, "test");
        i++;
      }
    });
  }

  /** 60 breaches, one every 6.5 days from 1 December 2022 10:00 (13 months), with varied properties. */
  void bouwZaden() {
    zaden.clear();
    ZonedDateTime start = ZonedDateTime.of(2022, 12, 1, 10, 0, 0, 0, AMSTERDAM);
    for (int i = 0; i < 60; i++) {
      OffsetDateTime ontdekt = start.plusHours(i * 156L).toOffsetDateTime();
      Bron bron = Bron.values()[i % 3];
      boolean datalek = i % 5 != 0;
      Ernst ernst = !datalek ? Ernst.GEEN_DATALEK : i % 2 == 0 ? Ernst.BEPERKT : Ernst.MATIG_TOT_ERNSTIG;
      List<String> cat = new ArrayList<>();
      if (datalek) {
        cat.add(List.of("BESCHIKBAARHEID", "VERTROUWELIJKHEID", "VERTROUWELIJKHEID").get(i % 3));
        if (i % 7 == 0) {
          cat.add("INTEGRITEIT");
        }
      }
      OffsetDateTime ap = datalek && i % 4 != 1 ? ontdekt.plusMinutes((i * 7 % 100 + 1) * 60L + 30) : null;
      Boolean tijdig = bron == Bron.VERWERKER ? i % 2 == 0 : null;
      zaden.add(new Zaad(ontdekt, bron, datalek, ernst, cat, ap, tijdig));
    }
  }

  @AfterEach
  void herstel() {
    ClockUtil.reset();
  }

  @Test
  void reportOfThePastYearHasTheIndependentlyComputedFigures() throws Exception {
    // the independent computation over 2023 only
    List<Zaad> jaar = zaden.stream().filter(z -> z.ontdekt().atZoneSameInstant(AMSTERDAM).getYear() == 2023).toList();
    assertThat(zaden).hasSizeGreaterThanOrEqualTo(50);
    assertThat(jaar).hasSizeLessThan(zaden.size()); // December 2022 is left out
    Map<Month, Integer> perMaand = new EnumMap<>(Month.class);
    Map<String, Integer> perCategorie = new LinkedHashMap<>();
    Map<String, Integer> perErnst = new LinkedHashMap<>();
    Map<Bron, Integer> perBron = new EnumMap<>(Bron.class);
    int gemeld = 0;
    int binnen = 0;
    int verwerker = 0;
    int verwerkerTijdig = 0;
    List<Long> minuten = new ArrayList<>();
    for (Zaad z : jaar) {
      perMaand.merge(z.ontdekt().atZoneSameInstant(AMSTERDAM).getMonth(), 1, Integer::sum);
      z.categorieen().forEach(c -> perCategorie.merge(c, 1, Integer::sum));
      perErnst.merge(z.ernst().name(), 1, Integer::sum);
      perBron.merge(z.bron(), 1, Integer::sum);
      if (z.apMeldingOp() != null) {
        gemeld++;
        long m = Duration.between(z.ontdekt(), z.apMeldingOp()).toMinutes();
        minuten.add(m);
        if (m <= 72 * 60) {
          binnen++;
        }
      }
      if (z.bron() == Bron.VERWERKER) {
        verwerker++;
        if (z.verwerkerTijdig()) {
          verwerkerTijdig++;
        }
      }
    }
    minuten.sort(Long::compare);
    double mediaan = minuten.size() % 2 == 1 ? minuten.get(minuten.size() / 2) / 60.0
        : (minuten.get(minuten.size() / 2 - 1) + minuten.get(minuten.size() / 2)) / 120.0;

    // 2 January 2024: the yearly process reports the past year
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2024, 1, 2, 7, 0, 0, 0, AMSTERDAM).toInstant()));
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("avg-datalek-trendanalyse");
    assertThat(pi).isWaitingAt("Task_TrendsEnAanbevelingen");
    assertThat(pi.getBusinessKey()).isEqualTo("DL-TREND-2023");
    Trendanalyse.Cijfers c = trendanalyse.cijfers(2023);
    assertThat(c.meldingen()).isEqualTo(jaar.size());
    assertThat(c.datalekken()).isEqualTo((int) jaar.stream().filter(Zaad::datalek).count());
    assertThat(c.perMaand().entrySet()).allSatisfy(e -> assertThat(e.getValue())
        .as(e.getKey().name()).isEqualTo(perMaand.getOrDefault(e.getKey(), 0)));
    assertThat(c.perCategorie()).containsAllEntriesOf(perCategorie);
    assertThat(c.perErnst()).containsAllEntriesOf(perErnst).containsEntry("NOG_NIET_BEOORDEELD", 0);
    assertThat(c.perBron()).isEqualTo(perBron);
    assertThat(c.apGemeld()).isEqualTo(gemeld);
    assertThat(c.apBinnen72Uur()).isEqualTo(binnen);
    assertThat(binnen).isBetween(1, gemeld - 1); // the seed has both on-time and late notifications
    assertThat(c.aandeelBinnen72Uur()).isCloseTo(100.0 * binnen / gemeld, within(1e-9));
    assertThat(c.mediaanUrenTotMelding()).isCloseTo(mediaan, within(1e-9));
    assertThat(c.verwerkerMeldingen()).isEqualTo(verwerker);
    assertThat(c.verwerkerTijdig()).isEqualTo(verwerkerTijdig);

    String taak = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    assertThat(taskService.getIdentityLinksForTask(taak)).extracting("groupId").containsExactly("fg");
    String rapport = (String) taskService.getVariable(taak, "trendrapport");
    assertThat(rapport).contains("# Trendrapport datalekken 2023")
        .contains("- Meldingen (signalen): **" + jaar.size() + "**")
        .contains("| januari | " + perMaand.get(Month.JANUARY) + " |")
        .contains(String.format(java.util.Locale.forLanguageTag("nl-NL"), "%.1f uur", mediaan));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM avg_archiefstuk WHERE referentie = 'DL-TREND-2023'",
        Integer.class)).isEqualTo(1);

    taskService.complete(taak, Map.of("trendAanbevelingen", "Meer verkeerd geadresseerde mail: extra controle."));
    List<Job> jobs = managementService.createJobQuery().processInstanceId(pi.getId()).executable().list();
    jobs.forEach(j -> managementService.executeJob(j.getId()));
    DatalekTestHulp hulp = new DatalekTestHulp(taskService, managementService, outbox);
    assertThat(hulp.mails("DL-TREND-2023")).containsExactly(
        "Trendanalyse datalekken 2023 (DL-TREND-2023) → directie@kantoor.example");
    hulp.voltooi(pi.getId(), "Task_TrendBesluiten", Map.of("trendBesluit", "Extra controle invoeren."), "directie");
    assertThat(pi).isEnded();
    Map<String, Object> rij = jdbc.queryForMap("SELECT * FROM avg_datalek_trendanalyse WHERE jaar = 2023");
    assertThat(rij.get("AANBEVELINGEN")).isEqualTo("Meer verkeerd geadresseerde mail: extra controle.");
    assertThat(rij.get("BESLUIT_DIRECTIE")).isEqualTo("Extra controle invoeren.");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM avg_archiefstuk WHERE referentie = 'DL-TREND-2023'",
        Integer.class)).isEqualTo(2);
  }

  @Test
  void theYearlyTimerStartsOnTwoJanuaryAndReportsThePreviousYear() {
    Job timer = managementService.createJobQuery().processDefinitionKey("avg-datalek-trendanalyse").timers()
        .singleResult();
    ZonedDateTime due = timer.getDuedate().toInstant().atZone(AMSTERDAM);
    assertThat(due.getMonth()).isEqualTo(Month.JANUARY);
    assertThat(due.getDayOfMonth()).isEqualTo(2);
    assertThat(due.getHour()).isEqualTo(7);
    ClockUtil.setCurrentTime(Date.from(due.plusMinutes(1).toInstant()));
    managementService.executeJob(timer.getId());
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(
        Trendanalyse.referentie(due.getYear() - 1)).singleResult();
    assertThat(pi).isWaitingAt("Task_TrendsEnAanbevelingen");
    assertThat(managementService.createJobQuery().processDefinitionKey("avg-datalek-trendanalyse").timers()
        .singleResult().getDuedate().toInstant()).isEqualTo(due.plusYears(1).toInstant());
    runtimeService.deleteProcessInstance(pi.getId(), "test");
  }
}
