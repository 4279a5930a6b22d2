package nl.deurwaarder.avg.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Mail: with {@code spring.mail.host} set, Spring Boot's SMTP sender is used (and its health indicator checks the
 * server); without it, mails go to the on-disk outbox of the embedded default.
 */
@Configuration(proxyBeanMethods = false)
public class MailConfiguratie {

  static final String OUTBOX_ACTIEF = "'${spring.mail.host:}'.isBlank() and !'${avg.mail.outbox:}'.isBlank()";

  @Bean
  @ConditionalOnExpression(OUTBOX_ACTIEF)
  OutboxMailSender outboxMailSender(@Value("${avg.mail.outbox}") String outbox) {
    return new OutboxMailSender(Path.of(outbox).toAbsolutePath().normalize(), Clock.systemDefaultZone());
  }

  /** Health of the outbox: the folder must be writable. Named "mail" like the SMTP indicator it replaces. */
  @Bean("mailHealthIndicator")
  @ConditionalOnExpression(OUTBOX_ACTIEF)
  HealthIndicator outboxHealthIndicator(OutboxMailSender sender) {
    return () -> {
      Path dir = sender.outbox();
      try {
        Files.createDirectories(dir);
        return Files.isWritable(dir) ? Health.up().withDetail("outbox", dir.toString()).build()
            : Health.down().withDetail("outbox", dir.toString()).build();
      } catch (Exception e) {
        return Health.down(e).build();
      }
    };
  }
}
