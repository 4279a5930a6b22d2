package nl.deurwaarder.avg.levering;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An SMS gateway over HTTP (spec/api.md "Second channel"): {@code POST avg.sms.url} with JSON
 * {@code {"aan": "+31612345678", "tekst": "..."}} and, when a token is set, {@code Authorization: Bearer <token>}. A
 * 2xx answer means accepted; anything else (or no answer) throws, so the job retries and nothing is lost.
 */
public class HttpSmsGateway implements SmsVerzender {

  private final URI url;
  private final String token;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();

  public HttpSmsGateway(URI url, String token) {
    this.url = url;
    this.token = token == null || token.isBlank() ? null : token.strip();
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @Override
  public void verstuur(String aan, String tekst) {
    Map<String, String> bericht = new LinkedHashMap<>();
    bericht.put("aan", aan);
    bericht.put("tekst", tekst);
    try {
      HttpRequest.Builder verzoek = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20))
          .header("Content-Type", "application/json; charset=UTF-8")
          .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(bericht)));
      if (token != null) {
        verzoek.header("Authorization", "Bearer " + token);
      }
      HttpResponse<Void> antwoord = http.send(verzoek.build(), HttpResponse.BodyHandlers.discarding());
      if (antwoord.statusCode() / 100 != 2) {
        throw new SmsNietVerzondenException("SMS-gateway weigerde het bericht (HTTP " + antwoord.statusCode() + ")");
      }
    } catch (IOException e) {
      throw new SmsNietVerzondenException("SMS-gateway niet bereikbaar: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SmsNietVerzondenException("SMS-verzending onderbroken", e);
    }
  }

  @Override
  public String omschrijving() {
    return "SMS-gateway " + url.getScheme() + "://" + url.getHost() + (token == null ? "" : " (met token)");
  }

  /** The gateway did not accept the message: the job retries. */
  public static class SmsNietVerzondenException extends RuntimeException {
    public SmsNietVerzondenException(String melding) {
      super(melding);
    }

    public SmsNietVerzondenException(String melding, Throwable oorzaak) {
      super(melding, oorzaak);
    }
  }
}
