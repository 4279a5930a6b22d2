package nl.deurwaarder.avg.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.Properties;
import java.util.UUID;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMailMessage;
import org.springframework.mail.javamail.MimeMessagePreparator;

/**
 * The mail sender of the embedded default: no SMTP server is configured, so every mail is written as an {@code .eml}
 * file into an outbox folder that a person can open with any mail program. Files are written atomically (temporary
 * file, then rename), so a half-written mail never appears in the outbox.
 */
public class OutboxMailSender implements JavaMailSender {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
      .withZone(ZoneId.of("Europe/Amsterdam"));

  private final Path outbox;
  private final Session session = Session.getInstance(new Properties());
  private final Clock clock;

  public OutboxMailSender(Path outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  public Path outbox() {
    return outbox;
  }

  @Override
  public MimeMessage createMimeMessage() {
    return new MimeMessage(session);
  }

  @Override
  public MimeMessage createMimeMessage(InputStream contentStream) throws MailException {
    try {
      return new MimeMessage(session, contentStream);
    } catch (MessagingException e) {
      throw new MailParseException("Kan bericht niet lezen", e);
    }
  }

  @Override
  public void send(MimeMessage... mimeMessages) throws MailException {
    for (MimeMessage message : mimeMessages) {
      write(message);
    }
  }

  @Override
  public void send(MimeMessagePreparator... preparators) throws MailException {
    for (MimeMessagePreparator preparator : preparators) {
      MimeMessage message = createMimeMessage();
      try {
        preparator.prepare(message);
      } catch (Exception e) {
        throw new MailPreparationException(e);
      }
      write(message);
    }
  }

  @Override
  public void send(SimpleMailMessage... simpleMessages) throws MailException {
    for (SimpleMailMessage simple : simpleMessages) {
      MimeMessage message = createMimeMessage();
      simple.copyTo(new MimeMailMessage(message));
      write(message);
    }
  }

  private void write(MimeMessage message) {
    try {
      Files.createDirectories(outbox);
      message.saveChanges();
      String name = STAMP.format(clock.instant()) + "-" + UUID.randomUUID().toString().substring(0, 8) + ".eml";
      Path tmp = Files.createTempFile(outbox, ".schrijven-", ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        message.writeTo(out);
      }
      Files.move(tmp, outbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | MessagingException e) {
      // the message is listed as failed: it certainly did not reach the outbox (the move is atomic)
      throw new MailSendException("Kan bericht niet in de outbox " + outbox + " zetten", e,
          java.util.Map.of(message, e));
    }
  }
}
