package nl.deurwaarder.avg.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
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

  /** {{placeholder}} as used by angular-translate, compared literally (including spaces). */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}");
  /** printf-style tokens used by moment's relativeTime (%s, %d). */
  private static final Pattern PRINTF = Pattern.compile("%[sd]");
  /** HTML tags (with their attributes, e.g. the href of a link) and entities. */
  private static final Pattern HTML =
      Pattern.compile("</?(?:a|b|br|code|em|i|p|span|strong|u)\\b[^>]*>|&[a-zA-Z]+;|&#\\d+;");

  private static Map<String, JsonNode> en;
  private static Map<String, JsonNode> nl;

  @BeforeAll
  static void laadVertalingen() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    en = flatten(readTree(mapper, EN_JSON));
    nl = flatten(readTree(mapper, NL_JSON));
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

  // --- helpers ---

  private static JsonNode readTree(ObjectMapper mapper, String resource) throws IOException {
    try (InputStream in = classLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the classpath").isNotNull();
      // Jackson skips the UTF-8 byte order mark that the webjar's en.json starts with
      return mapper.readTree(in);
    }
  }

  /** Leaf values by dotted path; array elements as path[index]. */
  private static Map<String, JsonNode> flatten(JsonNode root) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    flatten("", root, result);
    return result;
  }

  private static void flatten(String path, JsonNode node, Map<String, JsonNode> result) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), result);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), result);
      }
    } else {
      result.put(path, node);
    }
  }

  private static List<String> tokens(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    Collections.sort(found);
    return found;
  }

  /**
   * Reads a resource of this project (from a directory, not from the webjar), and checks that it
   * is the one the classpath serves first, i.e. that it really overrides the webjar's file.
   */
  private static String ownResource(String resource) throws IOException {
    URL first = classLoader().getResource(resource);
    assertThat(first).as(resource + " on the classpath").isNotNull();
    assertThat(first.getProtocol()).as(resource + " must come from this project, not from a jar: " + first)
        .isEqualTo("file");
    try (InputStream in = first.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String stripComments(String source) {
    return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
  }

  private static ClassLoader classLoader() {
    return TasklistVertalingTest.class.getClassLoader();
  }

  private static void failIfAny(String what, List<String> problems) {
    if (!problems.isEmpty()) {
      fail(what + " (" + problems.size() + "):\n  " + String.join("\n  ", problems));
    }
  }
}
