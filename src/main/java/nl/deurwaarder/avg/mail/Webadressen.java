package nl.deurwaarder.avg.mail;

import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The absolute addresses of the application's pages, for links in mails: a mail client has no "current site", so
 * {@code /archief/AVG-2026-0001} is dead there. The base is {@code avg.basis-url} ({@code AVG_BASIS_URL}), the
 * address staff use in their browser (behind the proxy in production); the embedded default is
 * {@code http://localhost:8080} (or the configured port).
 */
@Component
public class Webadressen {

  private final String basis;

  public Webadressen(@Value("${avg.basis-url}") String basisUrl) {
    this.basis = controleer(basisUrl);
  }

  static String controleer(String basisUrl) {
    String waarde = basisUrl == null ? "" : basisUrl.strip();
    while (waarde.endsWith("/")) {
      waarde = waarde.substring(0, waarde.length() - 1);
    }
    try {
      URI uri = new URI(waarde);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
          || uri.getQuery() != null || uri.getFragment() != null) {
        throw new IllegalArgumentException();
      }
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IllegalStateException("AVG_BASIS_URL (avg.basis-url) moet een volledig webadres zijn, bijvoorbeeld "
          + "https://avg.kantoor.nl, niet '" + basisUrl + "'.");
    }
    return waarde;
  }

  public String basis() {
    return basis;
  }

  /** The archive page of a request or breach. */
  public String archief(String referentie) {
    return basis + "/archief/" + referentie;
  }

  /** Tasklist's start page. */
  public String tasklist() {
    return basis + "/camunda/app/tasklist/default/";
  }

  /** The page for letters in doubt (ICT). */
  public String beheerBrieven() {
    return basis + "/beheer/brieven";
  }
}
