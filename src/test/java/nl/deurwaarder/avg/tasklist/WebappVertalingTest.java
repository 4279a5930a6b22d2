package nl.deurwaarder.avg.tasklist;

import static nl.deurwaarder.avg.tasklist.Vertaalbestanden.APP;
import static nl.deurwaarder.avg.tasklist.Vertaalbestanden.HTML;
import static nl.deurwaarder.avg.tasklist.Vertaalbestanden.PLACEHOLDER;
import static nl.deurwaarder.avg.tasklist.Vertaalbestanden.PRINTF;
import static nl.deurwaarder.avg.tasklist.Vertaalbestanden.failIfAny;
import static nl.deurwaarder.avg.tasklist.Vertaalbestanden.lees;
import static nl.deurwaarder.avg.tasklist.Vertaalbestanden.ownResource;
import static nl.deurwaarder.avg.tasklist.Vertaalbestanden.stripComments;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks our Dutch translations of Cockpit, Admin and the Welcome page ({@code app/<webapp>/locales/nl.json})
 * against the English file of each webapp in the Camunda webjar on the classpath, and each webapp's
 * {@code config.js} that makes Dutch the default. Tasklist has its own test ({@link TasklistVertalingTest}).
 * Plain JUnit, no Spring context. When Camunda is upgraded, this lists every key added or removed.
 */
class WebappVertalingTest {

  /**
   * Labels that read the same in Dutch: names, symbols, and the technical words the Dutch
   * translation keeps (see docs/tasklist-nl.md). Any other label equal to the English one is untranslated.
   */
  private static final Set<String> ZELFDE_IN_HET_NEDERLANDS = Set.of(
      "<", "<=", ">", ">=", "<null>", "OK", "ID", "ID*", "L", "s", "weekend",
      "Camunda", "Camunda Cockpit", "Cockpit", "Optimize", "CSV", "JSON",
      "Account", "Batch", "Batches", "batch", "Dashboard", "Deployment", "Deployments", "Element", "Endpoint",
      "Filter", "Filters", "Heatmap:", "Job", "Jobs", "{{count}} jobs", "Links", "Maximum:", "Minimum:",
      "Operator", "Status", "Tenant", "Tenants", "Tenant: ID", "Incident : ID", "Topic", "Type");

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cockpit", "admin", "welcome"})
  void nederlandsBevatElkeSleutelVanEngels(String webapp) throws IOException {
    Map<String, JsonNode> en = lees(webapp, "en");
    Map<String, JsonNode> nl = lees(webapp, "nl");
    assertThat(en).as("keys in the webjar's " + webapp + " en.json").hasSizeGreaterThan(150);

    List<String> missing = new ArrayList<>();
    en.keySet().stream().filter(key -> !nl.containsKey(key)).forEach(missing::add);
    failIfAny("Keys of " + webapp + " en.json missing in nl.json", missing);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cockpit", "admin", "welcome"})
  void nederlandsBevatGeenSleutelsDieEngelsNietKent(String webapp) throws IOException {
    Map<String, JsonNode> en = lees(webapp, "en");
    List<String> extra = new ArrayList<>();
    lees(webapp, "nl").keySet().stream().filter(key -> !en.containsKey(key)).forEach(extra::add);
    failIfAny("Keys in " + webapp + " nl.json that en.json does not have", extra);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cockpit", "admin", "welcome"})
  void geenLegeOfAndersoortigeWaarden(String webapp) throws IOException {
    Map<String, JsonNode> en = lees(webapp, "en");
    List<String> problems = new ArrayList<>();
    lees(webapp, "nl").forEach((key, value) -> {
      JsonNode english = en.get(key);
      if (value.isNull() || (value.isTextual() && value.asText().isBlank())) {
        problems.add(key + ": blank");
      } else if (english != null && english.getNodeType() != value.getNodeType()) {
        problems.add(key + ": " + value.getNodeType() + " instead of " + english.getNodeType());
      } else if (english != null && english.isNumber() && !english.equals(value)) {
        problems.add(key + ": " + value + " instead of " + english);
      }
    });
    failIfAny("Blank values or values of another type in " + webapp + " nl.json", problems);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cockpit", "admin", "welcome"})
  void placeholdersEnOpmaakGelijkAanEngels(String webapp) throws IOException {
    Map<String, JsonNode> en = lees(webapp, "en");
    List<String> differences = new ArrayList<>();
    lees(webapp, "nl").forEach((key, value) -> {
      JsonNode english = en.get(key);
      if (english == null || !english.isTextual() || !value.isTextual()) {
        return;
      }
      for (Pattern pattern : List.of(PLACEHOLDER, PRINTF, HTML)) {
        List<String> expected = Vertaalbestanden.tokens(pattern, english.asText());
        List<String> actual = Vertaalbestanden.tokens(pattern, value.asText());
        if (!expected.equals(actual)) {
          differences.add(key + ": expected " + expected + " but was " + actual);
        }
      }
      // labels that the webapps glue together ("U gaat " + ...) keep their leading/trailing space
      String e = english.asText();
      String n = value.asText();
      if (Character.isWhitespace(first(e)) != Character.isWhitespace(first(n))
          || Character.isWhitespace(last(e)) != Character.isWhitespace(last(n))) {
        differences.add(key + ": leading/trailing space of '" + e + "' not kept in '" + n + "'");
      }
    });
    failIfAny("Values in " + webapp + " nl.json whose placeholders/markup/spacing differ from en.json", differences);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cockpit", "admin", "welcome"})
  void geenEngelsLabelOnvertaald(String webapp) throws IOException {
    Map<String, JsonNode> en = lees(webapp, "en");
    List<String> untranslated = new ArrayList<>();
    lees(webapp, "nl").forEach((key, value) -> {
      JsonNode english = en.get(key);
      if (key.startsWith("labels.") && english != null && english.isTextual() && english.equals(value)
          && !ZELFDE_IN_HET_NEDERLANDS.contains(english.asText().trim())) {
        untranslated.add(key + ": " + english.asText());
      }
    });
    failIfAny("Labels in " + webapp + " nl.json still in English", untranslated);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cockpit", "admin"})
  void datumnamenAlsInTasklist(String webapp) throws IOException {
    Map<String, JsonNode> nl = lees(webapp, "nl");
    Map<String, JsonNode> tasklist = lees("tasklist", "nl");
    List<String> differences = new ArrayList<>();
    tasklist.forEach((key, value) -> {
      if (key.startsWith("dateLocales.") && !value.equals(nl.get(key))) {
        differences.add(key + ": " + nl.get(key) + " instead of " + value);
      }
    });
    failIfAny(webapp + " dateLocales differ from Tasklist's", differences);
    assertThat(nl.get("dateLocales.months[11]").asText()).isEqualTo("december");
    assertThat(nl.get("dateLocales.longDateFormat.L").asText()).isEqualTo("DD-MM-YYYY");
    assertThat(nl.get("dateLocales.week.dow").asInt()).as("week starts on Monday").isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"cockpit", "admin", "welcome"})
  void configJsMaaktNederlandsDeStandaard(String webapp) throws IOException {
    String config = stripComments(ownResource(APP + webapp + "/scripts/config.js"));

    assertThat(config).contains("export default");
    Matcher locales = Pattern.compile(
            "locales\\s*:\\s*\\{\\s*availableLocales\\s*:\\s*\\[([^\\]]*)]\\s*,\\s*fallbackLocale\\s*:\\s*'([^']*)'")
        .matcher(config);
    assertThat(locales.find()).as("locales block in " + webapp + " config.js").isTrue();
    assertThat(locales.group(1)).as("availableLocales").startsWith("'nl'").contains("'en'");
    assertThat(locales.group(2)).as("fallbackLocale").isEqualTo("nl");
    assertThat(Vertaalbestanden.classLoader().getResource(APP + webapp + "/locales/nl.json")).isNotNull();

    // the shared module that makes Dutch the default for every browser language, with its two helpers, and the one
    // that sends the webapp's own login screen to /aanmelden when two factors are required (Cockpit also loads the
    // header link to the privacy overview, issue 17.1)
    assertThat(config).contains("ngDeps: ['avg.taalkeuze']")
        .contains(webapp.equals("cockpit") ? "deps: ['avg-taalkeuze', 'avg-aanmeldroute', 'avg-overzicht-link']"
            : "deps: ['avg-taalkeuze', 'avg-aanmeldroute']");
    Matcher paths = Pattern.compile("'(avg-[a-z-]+)'\\s*:\\s*appRoot\\s*\\+\\s*'([^']+)'").matcher(config);
    List<String> modules = new ArrayList<>();
    while (paths.find()) {
      modules.add(paths.group(1));
      String script = "META-INF/resources/webjars/camunda" + paths.group(2) + ".js";
      assertThat(ownResource(script)).as(script).contains("define(");
    }
    if (webapp.equals("cockpit")) {
      assertThat(modules).containsExactlyInAnyOrder("avg-taalkeuze", "avg-aanmeldroute", "avg-datums-nl",
          "avg-formulieren-nl", "avg-overzicht-link");
    } else {
      assertThat(modules).containsExactlyInAnyOrder("avg-taalkeuze", "avg-aanmeldroute", "avg-datums-nl",
          "avg-formulieren-nl");
    }
  }

  private static char first(String s) {
    return s.isEmpty() ? 'x' : s.charAt(0);
  }

  private static char last(String s) {
    return s.isEmpty() ? 'x' : s.charAt(s.length() - 1);
  }
}
