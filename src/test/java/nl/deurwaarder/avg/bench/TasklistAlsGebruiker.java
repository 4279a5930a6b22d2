package nl.deurwaarder.avg.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Asks the application what Camunda Tasklist 7.24 asks when a user opens a filter, over HTTP Basic on
 * {@code /engine-rest} (the same filter queries as Tasklist's own {@code /camunda/api/engine/...}, read from the
 * webjar's {@code camunda-tasklist-bootstrap.js}):
 * <ul>
 *   <li>the filter list: {@code GET /filter?itemCount=false&resourceType=Task} (7.24 no longer asks item counts);</li>
 *   <li>the first page: {@code POST /filter/{id}/list?firstResult=0&maxResults=15} with
 *       {@code Accept: application/hal+json} and the body Tasklist sends (no search, default sorting
 *       "created desc", {@code active: true}); the HAL answer holds the page, the filter's total count (the number
 *       Tasklist shows above the list) and the filter's variables ({@code referentie}, {@code betrokkeneNaam});</li>
 *   <li>the count alone: {@code GET /filter/{id}/count}.</li>
 * </ul>
 */
final class TasklistAlsGebruiker {

  /** Exactly what Tasklist 7.24 posts for page 1 of a filter without search terms. */
  static final String EERSTE_PAGINA = """
      {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],\
      "sorting":[{"sortBy":"created","sortOrder":"desc"}],"active":true}""";

  private final String basis;
  private final String gebruiker;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final ObjectMapper json = new ObjectMapper();

  TasklistAlsGebruiker(String basis, String gebruiker) {
    this.basis = basis;
    this.gebruiker = gebruiker;
  }

  String gebruiker() {
    return gebruiker;
  }

  /** The filters this user sees, name → id. */
  Map<String, String> filters() {
    JsonNode lijst = lees(vraag("GET", "/engine-rest/filter?resourceType=Task&itemCount=false", null,
        "application/json"));
    Map<String, String> filters = new LinkedHashMap<>();
    lijst.forEach(f -> filters.put(f.get("name").asText(), f.get("id").asText()));
    return filters;
  }

  /** Page 1 as Tasklist asks it; returns the total count from the HAL answer and the page size. */
  Pagina eerstePagina(String filterId) {
    JsonNode hal = lees(vraag("POST", "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
        EERSTE_PAGINA, "application/hal+json, application/json; q=0.5"));
    JsonNode taken = hal.path("_embedded").path("task");
    int metVariabelen = 0;
    for (JsonNode taak : taken) {
      if (taak.path("_embedded").path("variable").size() > 0) {
        metVariabelen++;
      }
    }
    return new Pagina(hal.path("count").asLong(-1), taken.size(), metVariabelen);
  }

  long telling(String filterId) {
    return lees(vraag("GET", "/engine-rest/filter/" + filterId + "/count", null, "application/json"))
        .get("count").asLong();
  }

  record Pagina(long totaal, int taken, int takenMetVariabelen) {
  }

  HttpResponse<String> vraag(String methode, String pad, String body, String accept) {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(basis + pad))
        .timeout(Duration.ofMinutes(2))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((gebruiker + ":" + gebruiker).getBytes(StandardCharsets.UTF_8)))
        .header("Accept", accept)
        .header("Content-Type", "application/json")
        .method(methode, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  JsonNode lees(HttpResponse<String> r) {
    if (r.statusCode() / 100 != 2) {
      throw new AssertionError(r.request().method() + " " + r.request().uri() + " → " + r.statusCode() + " "
          + r.body());
    }
    try {
      return r.body().isEmpty() ? json.nullNode() : json.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
