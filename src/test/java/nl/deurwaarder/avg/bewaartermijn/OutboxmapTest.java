package nl.deurwaarder.avg.bewaartermijn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The on-disk outbox as retention sees it (mail and SMS outbox share it). */
class OutboxmapTest {

  @TempDir
  Path map;

  @Test
  void deletesOnlyFilesOfItsKindThatNameTheReferenceAsAWholeWord() throws Exception {
    Files.writeString(map.resolve("a.json"), "{\"tekst\":\"kenmerk AVG-2026-0001: 12345678\"}");
    Files.writeString(map.resolve("b.json"), "{\"tekst\":\"kenmerk AVG-2026-00010\"}");
    Files.writeString(map.resolve("c.eml"), "kenmerk AVG-2026-0001");
    Outboxmap sms = new Outboxmap(map, ".json");
    assertThat(sms.ruimOp("AVG-2026-0001", Outboxmap::lees)).isEqualTo(1);
    assertThat(Files.exists(map.resolve("a.json"))).isFalse();
    assertThat(Files.exists(map.resolve("b.json"))).as("another reference").isTrue();
    assertThat(Files.exists(map.resolve("c.eml"))).as("another kind").isTrue();
    assertThat(sms.ruimOp("AVG-2026-0001", Outboxmap::lees)).as("twice does no harm").isZero();
  }

  @Test
  void deletesFilesWrittenBeforeTheLimit() throws Exception {
    Path oud = Files.writeString(map.resolve("oud.eml"), "x");
    Files.setLastModifiedTime(oud, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    Files.writeString(map.resolve("nieuw.eml"), "x");
    assertThat(new Outboxmap(map, ".eml").ruimOpVoor(OffsetDateTime.of(2021, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)))
        .isEqualTo(1);
    assertThat(Files.exists(oud)).isFalse();
    assertThat(Files.exists(map.resolve("nieuw.eml"))).isTrue();
  }

  @Test
  void aMissingFolderIsAnEmptyOutbox() {
    Outboxmap leeg = new Outboxmap(map.resolve("bestaat-niet"), ".eml");
    assertThat(leeg.bestanden()).isEmpty();
    assertThat(leeg.ruimOp("AVG-2026-0001", Outboxmap::lees)).isZero();
  }
}
