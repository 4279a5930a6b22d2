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

/**
 * Reading and comparing the webapps' locale files ({@code app/<webapp>/locales/<locale>.json}): the
 * English one from the Camunda webjar, the Dutch one from this project. Shared by the translation tests.
 */
final class Vertaalbestanden {

  static final String APP = "META-INF/resources/webjars/camunda/app/";

  /** {{placeholder}} as used by angular-translate, compared literally (including spaces). */
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}");
  /** printf-style tokens used by moment's relativeTime (%s, %d). */
  static final Pattern PRINTF = Pattern.compile("%[sd]");
  /** HTML tags (with their attributes, e.g. the href of a link) and entities. */
  static final Pattern HTML =
      Pattern.compile("</?(?:a|b|br|code|em|i|p|span|strong|u)\\b[^>]*>|&[a-zA-Z]+;|&#\\d+;");

  private Vertaalbestanden() {
  }

  /** The leaf values of a webapp's locale file by dotted path. */
  static Map<String, JsonNode> lees(String webapp, String locale) throws IOException {
    return flatten(readTree(APP + webapp + "/locales/" + locale + ".json"));
  }

  static JsonNode readTree(String resource) throws IOException {
    try (InputStream in = classLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource + " on the classpath").isNotNull();
      // Jackson skips the UTF-8 byte order mark that the webjar's en.json starts with
      return new ObjectMapper().readTree(in);
    }
  }

  /** Leaf values by dotted path; array elements as path[index]. */
  static Map<String, JsonNode> flatten(JsonNode root) {
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

  /** The sorted occurrences of a pattern in a text. */
  static List<String> tokens(Pattern pattern, String text) {
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
  static String ownResource(String resource) throws IOException {
    URL first = classLoader().getResource(resource);
    assertThat(first).as(resource + " on the classpath").isNotNull();
    assertThat(first.getProtocol()).as(resource + " must come from this project, not from a jar: " + first)
        .isEqualTo("file");
    try (InputStream in = first.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static String stripComments(String source) {
    return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
  }

  static ClassLoader classLoader() {
    return Vertaalbestanden.class.getClassLoader();
  }

  static void failIfAny(String what, List<String> problems) {
    if (!problems.isEmpty()) {
      fail(what + " (" + problems.size() + "):\n  " + String.join("\n  ", problems));
    }
  }
}
