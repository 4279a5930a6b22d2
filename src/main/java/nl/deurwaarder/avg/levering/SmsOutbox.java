package nl.deurwaarder.avg.levering;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The embedded default without an SMS gateway: every message becomes a JSON file ({@code aan}, {@code tekst},
 * {@code moment}) in the outbox folder ({@code AVG_SMS_OUTBOX}, default {@code ./data/sms-outbox}), written
 * atomically, so a person can read what would have been sent.
 */
public class SmsOutbox implements SmsVerzender {

  private static final DateTimeFormatter BESTAND = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

  private final Path outbox;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  public SmsOutbox(Path outbox, Clock clock) {
    this.outbox = outbox;
    this.clock = clock;
  }

  @Override
  public void verstuur(String aan, String tekst) {
    Map<String, String> bericht = new LinkedHashMap<>();
    bericht.put("aan", aan);
    bericht.put("tekst", tekst);
    bericht.put("moment", java.time.OffsetDateTime.now(clock).toString());
    try {
      Files.createDirectories(outbox);
      String naam = BESTAND.format(java.time.LocalDateTime.now(clock)) + "-" + UUID.randomUUID() + ".json";
      Path tijdelijk = outbox.resolve(naam + ".tmp");
      Files.write(tijdelijk, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(bericht));
      Files.move(tijdelijk, outbox.resolve(naam), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("SMS-outbox " + outbox + " niet beschrijfbaar", e);
    }
  }

  @Override
  public String omschrijving() {
    return "SMS-outbox " + outbox;
  }

  public Path outbox() {
    return outbox;
  }
}
