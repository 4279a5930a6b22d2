package nl.deurwaarder.avg.tasklist;

import static nl.deurwaarder.avg.tasklist.Vertaalbestanden.HTML;
import static nl.deurwaarder.avg.tasklist.Vertaalbestanden.PLACEHOLDER;
import static nl.deurwaarder.avg.tasklist.Vertaalbestanden.PRINTF;
import static nl.deurwaarder.avg.tasklist.Vertaalbestanden.classLoader;
import static nl.deurwaarder.avg.tasklist.Vertaalbestanden.failIfAny;
import static nl.deurwaarder.avg.tasklist.Vertaalbestanden.flatten;
import static nl.deurwaarder.avg.tasklist.Vertaalbestanden.ownResource;
import static nl.deurwaarder.avg.tasklist.Vertaalbestanden.readTree;
import static nl.deurwaarder.avg.tasklist.Vertaalbestanden.stripComments;
import static nl.deurwaarder.avg.tasklist.Vertaalbestanden.tokens;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks our Dutch Tasklist translation ({@code nl.json}) against the English file of the
 * Camunda webjar on the classpath, and the Tasklist configuration that makes Dutch the default.
 * Plain JUnit, no Spring context.
 */
class TasklistVertalingTest {

  private static final String TASKLIST = "META-INF/resources/webjars/camunda/app/tasklist/";
  private static final String EN_JSON = TASKLIST + "locales/en.json";
  private static final String NL_JSON = TASKLIST + "locales/nl.json";
  private static final String CONFIG_JS = TASKLIST + "scripts/config.js";
  private static final String TAALKEUZE_JS = TASKLIST + "scripts/taalkeuze.js";
  private static final String USER_STYLES = "META-INF/resources/webjars/camunda/app/%s/styles/user-styles.css";

  private static Map<String, JsonNode> en;
  private static Map<String, JsonNode> nl;

  @BeforeAll
  static void laadVertalingen() throws IOException {
    en = flatten(readTree(EN_JSON));
    nl = flatten(readTree(NL_JSON));
    assertThat(en).as("keys in the webjar's en.json").hasSizeGreaterThan(400);
  }

  @Test
  void nederlandsBevatElkeSleutelVanEngels() {
    List<String> missing = new ArrayList<>();
    en.keySet().stream().filter(key -> !nl.containsKey(key)).forEach(missing::add);
    failIfAny("Keys of en.json missing in nl.json", missing);
  }

  @Test
  void nederlandsBevatGeenSleutelsDieEngelsNietKent() {
    List<String> extra = new ArrayList<>();
    nl.keySet().stream().filter(key -> !en.containsKey(key)).forEach(extra::add);
    failIfAny("Keys in nl.json that en.json does not have", extra);
  }

  @Test
  void geenLegeWaarden() {
    List<String> blank = new ArrayList<>();
    nl.forEach((key, value) -> {
      if (value.isNull() || (value.isTextual() && value.asText().isBlank())) {
        blank.add(key);
      }
    });
    failIfAny("Blank values in nl.json", blank);
  }

  @Test
  void zelfdeSoortWaardenAlsEngels() {
    List<String> wrongType = new ArrayList<>();
    nl.forEach((key, value) -> {
      JsonNode english = en.get(key);
      if (english != null && english.getNodeType() != value.getNodeType()) {
        wrongType.add(key + ": " + value.getNodeType() + " instead of " + english.getNodeType());
      } else if (english != null && english.isNumber() && !english.equals(value)) {
        wrongType.add(key + ": " + value + " instead of " + english);
      }
    });
    failIfAny("Values in nl.json of another type than in en.json", wrongType);
  }

  @Test
  void placeholdersGelijkAanEngels() {
    List<String> differences = new ArrayList<>();
    nl.forEach((key, value) -> {
      JsonNode english = en.get(key);
      if (english == null || !english.isTextual() || !value.isTextual()) {
        return;
      }
      for (Pattern pattern : List.of(PLACEHOLDER, PRINTF, HTML)) {
        List<String> expected = tokens(pattern, english.asText());
        List<String> actual = tokens(pattern, value.asText());
        if (!expected.equals(actual)) {
          differences.add(key + ": expected " + expected + " but was " + actual);
        }
      }
    });
    failIfAny("Values in nl.json whose placeholders/markup differ from en.json", differences);
  }

  @Test
  void configJsMaaktNederlandsDeStandaard() throws IOException {
    String config = stripComments(ownResource(CONFIG_JS));

    assertThat(config).contains("export default");
    Matcher locales = Pattern.compile(
            "locales\\s*:\\s*\\{\\s*availableLocales\\s*:\\s*\\[([^\\]]*)]\\s*,\\s*fallbackLocale\\s*:\\s*'([^']*)'")
        .matcher(config);
    assertThat(locales.find()).as("locales block in config.js").isTrue();
    List<String> available = new ArrayList<>();
    Matcher item = Pattern.compile("'([^']*)'").matcher(locales.group(1));
    while (item.find()) {
      available.add(item.group(1));
    }
    assertThat(available).as("availableLocales").first().isEqualTo("nl");
    assertThat(available).as("availableLocales").contains("en");
    assertThat(locales.group(2)).as("fallbackLocale").isEqualTo("nl");
    for (String locale : available) {
      assertThat(classLoader().getResource(TASKLIST + "locales/" + locale + ".json"))
          .as("locale file for available locale " + locale).isNotNull();
    }

    // the default shortcuts of the webjar's config.js are kept
    assertThat(config).contains("shortcuts", "claimTask", "focusFilter", "focusList", "focusForm", "startProcess");

    // the module that makes Dutch the default for every browser language is loaded
    assertThat(config).contains("ngDeps: ['avg.taalkeuze']", "'/app/tasklist/scripts/taalkeuze'");
    // (deps also loads scripts/rustig.js, the calm start page of issue 13.4)
    assertThat(config).containsPattern("\\sdeps: \\['avg-taalkeuze'(, '[a-z-]+')*]");
    String taalkeuze = ownResource(TAALKEUZE_JS);
    assertThat(taalkeuze).contains("angular.module('avg.taalkeuze'", "preferredLanguage(", "STANDAARD = 'nl'");
  }

  @Test
  void camunda8BannerIsVerborgen() throws IOException {
    for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
      String css = stripComments(ownResource(String.format(USER_STYLES, app)));
      assertThat(css).as(app + " user-styles.css")
          .containsPattern("\\.ce-eol-banner\\s*\\{\\s*display:\\s*none");
    }
  }
}
