package nl.deurwaarder.avg.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Properties;
import nl.deurwaarder.avg.bewaartermijn.Outboxmap;
import nl.deurwaarder.avg.bewaartermijn.PersoonsgegevensOpruimer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Retention of the outbox of the embedded default (no SMTP server: every mail is an {@code .eml} file): a mail about a
 * due request or breach is deleted — found by its reference number in the subject or the text — and so is every
 * mail older than the limit (by the time the file was written). Runs last: a file cannot be rolled back, and
 * deleting it twice does no harm.
 */
@Component
@ConditionalOnExpression(MailConfiguratie.OUTBOX_ACTIEF)
@Order(1000)
public class OutboxBewaartermijn implements PersoonsgegevensOpruimer {

  private final OutboxMailSender outbox;
  private final Session session = Session.getInstance(new Properties());

  public OutboxBewaartermijn(OutboxMailSender outbox) {
    this.outbox = outbox;
  }

  @Override
  public int ruimOp(String referentie) {
    return mails().ruimOp(referentie, this::inhoud);
  }

  @Override
  public int ruimOpVoor(OffsetDateTime grens) {
    return mails().ruimOpVoor(grens);
  }

  private Outboxmap mails() {
    return new Outboxmap(outbox.outbox(), ".eml");
  }

  /** The raw file plus the decoded subject and text parts (a reference may be encoded in the raw file). */
  private String inhoud(Path eml) {
    StringBuilder tekst = new StringBuilder();
    try {
      tekst.append(new String(Files.readAllBytes(eml), StandardCharsets.ISO_8859_1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (InputStream in = Files.newInputStream(eml)) {
      MimeMessage m = new MimeMessage(session, in);
      tekst.append('\n').append(m.getSubject());
      tekstdelen(m, tekst);
    } catch (IOException | MessagingException e) {
      // not a readable MIME message: the raw file is all there is
    }
    return tekst.toString();
  }

  private static void tekstdelen(Part deel, StringBuilder tekst) throws IOException, MessagingException {
    Object content = deel.getContent();
    if (content instanceof String s) {
      tekst.append('\n').append(s);
    } else if (content instanceof Multipart mp) {
      for (int i = 0; i < mp.getCount(); i++) {
        tekstdelen(mp.getBodyPart(i), tekst);
      }
    }
  }
}
