package nl.deurwaarder.avg.datalek;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.AvgSpringTest;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The two decision tables of PH-PRO-04, every rule: which rule fires (from the decision history) and its outcome.
 */
@AvgSpringTest
class DatalekBeslissingenTest {

  @Autowired DecisionService decisionService;
  @Autowired HistoryService historyService;

  private static long tik = 1_900_000_000_000L;

  @AfterEach
  void herstel() {
    ClockUtil.reset();
  }

  /** Evaluates and returns "ruleId=outcome" of the single matched rule. */
  private String evalueer(String sleutel, Map<String, Object> invoer) {
    tik += 1000;
    ClockUtil.setCurrentTime(new Date(tik));
    List<Map<String, Object>> uitkomst = decisionService.evaluateDecisionTableByKey(sleutel, invoer).getResultList();
    assertThat(uitkomst).hasSize(1);
    HistoricDecisionInstance h = historyService.createHistoricDecisionInstanceQuery().decisionDefinitionKey(sleutel)
        .includeOutputs().orderByEvaluationTime().desc().listPage(0, 1).get(0);
    return h.getOutputs().get(0).getRuleId() + "=" + uitkomst.get(0).values().iterator().next();
  }

  @ParameterizedTest(name = "{0}, {1}, {2} → {3}")
  @CsvSource({
      // criterion 1 fails, whatever the others say
      "NEE, JA, INBREUK, Rule_GeenPersoonsgegevens=GEEN_DATALEK",
      "NEE, TWIJFEL, TWIJFEL, Rule_GeenPersoonsgegevens=GEEN_DATALEK",
      "TWIJFEL, NEE, TWIJFEL, Rule_GeenMisbruik=GEEN_DATALEK",
      "JA, NEE, INBREUK, Rule_GeenMisbruik=GEEN_DATALEK",
      "JA, JA, NEE, Rule_GeenBeveiligingsinbreuk=GEEN_DATALEK",
      "TWIJFEL, WAARSCHIJNLIJK, NEE, Rule_GeenBeveiligingsinbreuk=GEEN_DATALEK",
      // all three hold (misuse likely counts, insufficient measures count)
      "JA, JA, INBREUK, Rule_Datalek=DATALEK",
      "JA, WAARSCHIJNLIJK, ONVOLDOENDE, Rule_Datalek=DATALEK",
      // none fails but one is unclear: FG advice
      "TWIJFEL, JA, INBREUK, Rule_Twijfel=TWIJFEL",
      "JA, TWIJFEL, INBREUK, Rule_Twijfel=TWIJFEL",
      "JA, JA, TWIJFEL, Rule_Twijfel=TWIJFEL"})
  void criteria(String persoonsgegevens, String misbruik, String beveiliging, String verwacht) {
    assertThat(evalueer("datalek-criteria", Map.of("critPersoonsgegevens", persoonsgegevens, "critMisbruik", misbruik,
        "critBeveiliging", beveiliging))).isEqualTo(verwacht);
  }

  private static Map<String, Object> beperkt() {
    Map<String, Object> v = new HashMap<>();
    v.put("aantalBetrokkenen", "EEN_OF_ENKELE");
    v.put("minderjarigen", false);
    v.put("langdurigeBlootstelling", false);
    v.put("scenarioBeschikbaar", true);
    v.put("hersteld", true);
    v.put("bijzondereGegevens", false);
    return v;
  }

  @Test
  void limitedOnlyWhenAllItsConditionsHold() {
    assertThat(evalueer("datalek-ernst", beperkt())).isEqualTo("Rule_Beperkt=BEPERKT");
  }

  @ParameterizedTest(name = "{0}={1} → {2}")
  @CsvSource({
      "aantalBetrokkenen, MEERDERE, Rule_Meerdere",
      "minderjarigen, true, Rule_Minderjarigen",
      "langdurigeBlootstelling, true, Rule_Langdurig",
      "hersteld, false, Rule_NietHersteld",
      "bijzondereGegevens, true, Rule_Bijzonder",
      "scenarioBeschikbaar, false, Rule_GeenScenario"})
  void oneConditionOfSeriousMakesItSerious(String veld, String waarde, String regel) {
    Map<String, Object> v = beperkt();
    v.put(veld, veld.equals("aantalBetrokkenen") ? waarde : Boolean.valueOf(waarde));
    assertThat(evalueer("datalek-ernst", v)).isEqualTo(regel + "=MATIG_TOT_ERNSTIG");
  }

  @Test
  void severalSeriousConditionsGiveTheFirstRuleAndStillSerious() {
    Map<String, Object> v = beperkt();
    v.put("minderjarigen", true);
    v.put("bijzondereGegevens", true);
    assertThat(evalueer("datalek-ernst", v)).isEqualTo("Rule_Minderjarigen=MATIG_TOT_ERNSTIG");
  }
}
