package nl.deurwaarder.avg.mail;

import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How mail leaves the application, said once at start-up: the on-disk outbox (embedded default), SMTPS (TLS from the
 * first byte), SMTP with STARTTLS required, or — only when an operator explicitly turned it off with
 * {@code AVG_MAIL_TLS_VERPLICHT=false} — SMTP without required TLS (a warning). With TLS required
 * ({@code avg.mail.tls-verplicht}, true in production) and a mail server configured without SMTPS or
 * {@code mail.smtp.starttls.required}, the application refuses to start: replies with personal data never travel
 * unencrypted by accident.
 */
@Component
public class SmtpBeveiliging {

  private static final Logger LOG = LoggerFactory.getLogger(SmtpBeveiliging.class);

  /** What the configuration amounts to. */
  public enum Wijze { OUTBOX, SMTPS, STARTTLS_VERPLICHT, ZONDER_TLS }

  private final Wijze wijze;
  private final String server;

  public SmtpBeveiliging(Environment env, @Value("${avg.mail.tls-verplicht:false}") boolean tlsVerplicht) {
    String host = env.getProperty("spring.mail.host", "");
    this.server = host + ":" + env.getProperty("spring.mail.port", "25");
    String protocol = env.getProperty("spring.mail.protocol", "smtp").strip().toLowerCase(Locale.ROOT);
    Map<String, String> eigenschappen = Binder.get(env)
        .bind("spring.mail.properties", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
    boolean starttlsVerplicht = Boolean.parseBoolean(eigenschappen.getOrDefault("mail.smtp.starttls.required",
        "false").strip());
    boolean sslAan = Boolean.parseBoolean(eigenschappen.getOrDefault("mail.smtp.ssl.enable", "false").strip());
    if (host.isBlank()) {
      wijze = Wijze.OUTBOX;
    } else if ("smtps".equals(protocol) || sslAan) {
      wijze = Wijze.SMTPS;
    } else if (starttlsVerplicht) {
      wijze = Wijze.STARTTLS_VERPLICHT;
    } else {
      wijze = Wijze.ZONDER_TLS;
    }
    if (wijze == Wijze.ZONDER_TLS && tlsVerplicht) {
      throw new IllegalStateException("De mailserver " + server + " is ingesteld zonder verplichte TLS. Zet "
          + "SPRING_MAIL_PROTOCOL=smtps of STARTTLS verplicht (standaard in het productieprofiel), of zet TLS "
          + "uitdrukkelijk uit met AVG_MAIL_TLS_VERPLICHT=false.");
    }
  }

  public Wijze wijze() {
    return wijze;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void meld() {
    switch (wijze) {
      case OUTBOX -> LOG.info("Mail: geen mailserver ingesteld, mails gaan naar de outbox op schijf");
      case SMTPS -> LOG.info("Mail: SMTPS naar {} (TLS vanaf het begin van de verbinding)", server);
      case STARTTLS_VERPLICHT -> LOG.info("Mail: SMTP naar {} met verplichte STARTTLS (zonder TLS wordt niets "
          + "verzonden)", server);
      case ZONDER_TLS -> LOG.warn("Mail: SMTP naar {} ZONDER verplichte TLS (uitgezet door de beheerder met "
          + "AVG_MAIL_TLS_VERPLICHT=false); mails kunnen onversleuteld over het netwerk gaan", server);
    }
  }
}
