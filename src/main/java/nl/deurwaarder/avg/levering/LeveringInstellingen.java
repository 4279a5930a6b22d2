package nl.deurwaarder.avg.levering;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the secure delivery ({@code avg.levering.*}): the public address of the portal as the data subject
 * reaches it (the link in the mail), how long a package can be fetched, and how many wrong codes lock it.
 */
@ConfigurationProperties("avg.levering")
public record LeveringInstellingen(
    @DefaultValue("http://localhost:8080") String portaalUrl,
    @DefaultValue("14d") Duration ophaaltermijn,
    @DefaultValue("5") int maxPogingen) {

  /** The link to a package: {@code <portaalUrl>/ophalen/<token>}. */
  public String link(String token) {
    String basis = portaalUrl.endsWith("/") ? portaalUrl.substring(0, portaalUrl.length() - 1) : portaalUrl;
    return basis + "/ophalen/" + token;
  }
}
