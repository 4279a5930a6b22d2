package nl.deurwaarder.avg.levering;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The second channel: with {@code avg.sms.url} ({@code AVG_SMS_URL}) the HTTP gateway, with {@code AVG_SMS_TOKEN} as
 * bearer token; without it (embedded default) the on-disk outbox {@code avg.sms.outbox} ({@code AVG_SMS_OUTBOX}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LeveringInstellingen.class)
public class SmsConfiguratie {

  private static final Logger LOG = LoggerFactory.getLogger(SmsConfiguratie.class);

  @Bean
  SmsVerzender smsVerzender(@Value("${avg.sms.url:}") String url, @Value("${avg.sms.token:}") String token,
      @Value("${avg.sms.outbox:./data/sms-outbox}") String outbox, Clock clock) {
    SmsVerzender sms = url == null || url.isBlank()
        ? new SmsOutbox(Path.of(outbox).toAbsolutePath().normalize(), clock)
        : new HttpSmsGateway(URI.create(url.strip()), token);
    LOG.info("Tweede kanaal voor toegangscodes en wachtwoorden: {}", sms.omschrijving());
    return sms;
  }
}
