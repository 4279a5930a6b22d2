package nl.deurwaarder.avg.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import nl.deurwaarder.avg.KindApp;

/**
 * A small client for a child node's {@code /engine-rest} as {@code admin} (HTTP Basic): deploy a benchmark BPMN from
 * the test classpath and start instances of it. Only what the benchmarks need.
 */
final class EngineRestKlant {

  /** Camunda REST's default date format, in the application's zone (the children run in Europe/Amsterdam). */
  private static final DateTimeFormatter REST_DATUM = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx")
      .withZone(ZoneId.of("Europe/Amsterdam"));

  private final KindApp node;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final String autorisatie = "Basic " + Base64.getEncoder()
      .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));

  EngineRestKlant(KindApp node) {
    this.node = node;
  }

  static String restDatum(Instant moment) {
    return REST_DATUM.format(moment);
  }

  /** Deploys one BPMN resource of the test classpath (e.g. {@code bench/x.bpmn}) under the given name. */
  void deploy(String naam, String resource) throws IOException, InterruptedException {
    byte[] bpmn;
    try (InputStream in = EngineRestKlant.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("not on the classpath: " + resource);
      }
      bpmn = in.readAllBytes();
    }
    String bestand = resource.substring(resource.lastIndexOf('/') + 1);
    String grens = "----benchgrens" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + grens + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + naam
        + "\r\n--" + grens + "\r\nContent-Disposition: form-data; name=\"" + bestand + "\"; filename=\"" + bestand
        + "\"\r\nContent-Type: application/xml\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(bpmn);
    body.writeBytes(("\r\n--" + grens + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = http.send(vraag("/engine-rest/deployment/create")
        .header("Content-Type", "multipart/form-data; boundary=" + grens)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new AssertionError("deployment of " + resource + " refused: " + r.statusCode() + " " + r.body());
    }
  }

  /** Starts an instance of the process with the given key; {@code variabelenJson} is the REST "variables" object. */
  void start(String procesKey, String businessKey, String variabelenJson) {
    String body = "{\"businessKey\":\"" + businessKey + "\",\"variables\":" + variabelenJson + "}";
    try {
      HttpResponse<String> r = http.send(vraag("/engine-rest/process-definition/key/" + procesKey + "/start")
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        throw new AssertionError("start of " + procesKey + " refused: " + r.statusCode() + " " + r.body());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpRequest.Builder vraag(String pad) {
    return HttpRequest.newBuilder(URI.create(node.basis() + pad)).timeout(Duration.ofSeconds(60))
        .header("Authorization", autorisatie);
  }
}
