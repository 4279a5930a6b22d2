package nl.deurwaarder.avg.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A deployed Camunda Form as the contract of its task: its id ({@code camunda:formRef}) and its input fields with
 * their constraints, read once from the form's JSON (also fields inside groups). Display components (text) and
 * components without a key are left out.
 */
public record Formulier(String id, List<Formulierveld> velden) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads a .form file; IllegalArgumentException names the file when it is not a form or uses unsupported FEEL. */
  public static Formulier lees(String bestandsnaam, InputStream in) {
    try {
      JsonNode wortel = JSON.readTree(in);
      List<Formulierveld> velden = new ArrayList<>();
      velden(wortel, velden, bestandsnaam);
      return new Formulier(wortel.path("id").asText(null), List.copyOf(velden));
    } catch (IOException e) {
      throw new IllegalArgumentException("Formulier " + bestandsnaam + " is geen geldige JSON: " + e.getMessage(), e);
    }
  }

  private static void velden(JsonNode ouder, List<Formulierveld> velden, String bestand) {
    for (JsonNode c : ouder.path("components")) {
      String sleutel = c.path("key").asText(null);
      String type = c.path("type").asText();
      Verbergvoorwaarde verberg = null;
      if (c.path("conditional").hasNonNull("hide")) {
        try {
          verberg = Verbergvoorwaarde.lees(c.path("conditional").path("hide").asText());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("Formulier " + bestand + ", onderdeel " + c.path("id").asText()
              + ": " + e.getMessage(), e);
        }
      }
      if (c.has("valuesExpression")) {
        throw new IllegalArgumentException("Formulier " + bestand + ", veld " + sleutel
            + ": valuesExpression wordt door de servercontrole niet ondersteund");
      }
      if (sleutel != null && !"text".equals(type) && !"group".equals(type)) {
        JsonNode v = c.path("validate");
        List<String> keuzes = new ArrayList<>();
        for (JsonNode k : c.path("values")) {
          keuzes.add(k.path("value").asText());
        }
        velden.add(new Formulierveld(sleutel, label(c), type, c.path("subtype").asText(null),
            v.path("required").asBoolean(false), c.path("readonly").asBoolean(false) || c.path("disabled")
            .asBoolean(false), geheel(v, "minLength"), geheel(v, "maxLength"), getal(v, "min"), getal(v, "max"),
            v.path("pattern").asText(null), List.copyOf(keuzes), c.path("valuesKey").asText(null), verberg));
      }
      velden(c, velden, bestand);
    }
  }

  /** The label a person reads; a datetime field has a dateLabel (and timeLabel) instead. */
  private static String label(JsonNode c) {
    for (String naam : new String[] {"label", "dateLabel", "timeLabel"}) {
      if (c.hasNonNull(naam) && !c.get(naam).asText().isBlank()) {
        return c.get(naam).asText();
      }
    }
    return null;
  }

  private static Integer geheel(JsonNode v, String naam) {
    return v.hasNonNull(naam) ? v.get(naam).asInt() : null;
  }

  private static BigDecimal getal(JsonNode v, String naam) {
    return v.hasNonNull(naam) ? new BigDecimal(v.get(naam).asText()) : null;
  }

  /** The field with this key, or null. */
  public Formulierveld veld(String sleutel) {
    return velden.stream().filter(v -> v.sleutel().equals(sleutel)).findFirst().orElse(null);
  }
}
