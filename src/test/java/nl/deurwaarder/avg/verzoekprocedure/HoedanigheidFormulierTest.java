package nl.deurwaarder.avg.verzoekprocedure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The capacities on the screening form are exactly those the server accepts, with the same Dutch labels. */
class HoedanigheidFormulierTest {

  @Test
  void theScreeningFormOffersEveryCapacityOfTheEnumAndNothingElse() throws Exception {
    JsonNode form = new ObjectMapper().readTree(Path.of("forms/gegevens-screenen.form").toFile());
    JsonNode veld = zoek(form, "hoedanigheden");
    assertThat(veld).as("field hoedanigheden").isNotNull();
    List<String> waarden = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    veld.get("values").forEach(v -> {
      waarden.add(v.get("value").asText());
      labels.add(v.get("label").asText());
    });
    assertThat(waarden).containsExactlyElementsOf(Arrays.stream(Hoedanigheid.values()).map(Enum::name).toList());
    assertThat(labels).containsExactlyElementsOf(Arrays.stream(Hoedanigheid.values())
        .map(Hoedanigheid::omschrijving).toList());
  }

  private static JsonNode zoek(JsonNode knoop, String key) {
    if (key.equals(knoop.path("key").asText())) {
      return knoop;
    }
    for (JsonNode kind : knoop.path("components")) {
      JsonNode gevonden = zoek(kind, key);
      if (gevonden != null) {
        return gevonden;
      }
    }
    return null;
  }
}
