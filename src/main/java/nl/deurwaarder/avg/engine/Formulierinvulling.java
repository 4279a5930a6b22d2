package nl.deurwaarder.avg.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the choices of {@link Formulierkeuzes} into the forms of a deployment. A form whose fields already carry
 * exactly those choices keeps its bytes (so the deployed file is the checked-in file and duplicate filtering still
 * sees "nothing changed"); otherwise the field's {@code values} are replaced and the form is written again.
 */
public final class Formulierinvulling {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Set<String> KEUZEVELDEN = Set.of("checklist", "taglist", "select", "radio");

  private Formulierinvulling() {
  }

  /** The files with the choices written in; the map given is not changed. Refuses (Dutch) on a mismatch. */
  public static Map<String, byte[]> vulIn(Map<String, byte[]> bestanden, Formulierkeuzes bron) throws IOException {
    Map<String, byte[]> uit = new LinkedHashMap<>(bestanden);
    List<String> fouten = new ArrayList<>();
    for (Map.Entry<String, Map<String, List<Formulierkeuzes.Keuze>>> formulier : bron.keuzes(bestanden).entrySet()) {
      String naam = formulier.getKey();
      byte[] inhoud = bestanden.get(naam);
      if (inhoud == null) {
        fouten.add(bron.bron() + " noemt formulier " + naam + ", maar dat bestand ontbreekt");
        continue;
      }
      JsonNode boom = JSON.readTree(inhoud);
      boolean gewijzigd = false;
      for (Map.Entry<String, List<Formulierkeuzes.Keuze>> veld : formulier.getValue().entrySet()) {
        ObjectNode component = component(boom, veld.getKey());
        List<Formulierkeuzes.Keuze> keuzes = veld.getValue();
        if (component == null) {
          if (!keuzes.isEmpty()) {
            fouten.add(naam + ": geen veld '" + veld.getKey() + "' voor de " + keuzes.size() + " keuzes uit "
                + bron.bron());
          }
          continue;
        }
        if (!KEUZEVELDEN.contains(component.path("type").asText())) {
          fouten.add(naam + ": veld '" + veld.getKey() + "' is een " + component.path("type").asText()
              + ", geen keuzeveld; " + bron.bron() + " kan er geen keuzes in zetten");
          continue;
        }
        if (keuzes.isEmpty()) {
          fouten.add(naam + ": " + bron.bron() + " geeft geen enkele keuze voor veld '" + veld.getKey() + "'");
          continue;
        }
        ArrayNode waarden = JSON.createArrayNode();
        keuzes.forEach(k -> waarden.addObject().put("label", k.label()).put("value", k.value()));
        if (!waarden.equals(component.get("values"))) {
          component.set("values", waarden);
          gewijzigd = true;
        }
      }
      if (gewijzigd) {
        uit.put(naam, (JSON.writeValueAsString(boom) + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    if (!fouten.isEmpty()) {
      throw new IllegalStateException("Formulieren niet gedeployed, keuzes uit " + bron.bron() + " passen niet: "
          + String.join("; ", fouten));
    }
    return uit;
  }

  /** The form names whose content differs between two sets (for the log). */
  public static List<String> gewijzigd(Map<String, byte[]> voor, Map<String, byte[]> na) {
    return na.entrySet().stream().filter(e -> !java.util.Arrays.equals(e.getValue(), voor.get(e.getKey())))
        .map(Map.Entry::getKey).toList();
  }

  private static ObjectNode component(JsonNode ouder, String sleutel) {
    for (JsonNode c : ouder.path("components")) {
      if (sleutel.equals(c.path("key").asText(null)) && c instanceof ObjectNode o) {
        return o;
      }
      ObjectNode binnen = component(c, sleutel);
      if (binnen != null) {
        return binnen;
      }
    }
    return null;
  }
}
