package nl.deurwaarder.avg.webformulier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class InzendingslimietTest {

  /** A clock the test moves by hand. */
  static final class Klok extends Clock {
    Instant nu = Instant.parse("2026-02-05T10:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return nu;
    }
  }

  private final Klok klok = new Klok();

  private Inzendingslimiet limiet(int perClient, int perMinuut) {
    return new Inzendingslimiet(new WebformulierInstellingen(perClient, Duration.ofMinutes(15), perMinuut,
        DataSize.ofMegabytes(5), DataSize.ofMegabytes(25)), klok);
  }

  @Test
  void perClientWithinTheWindow() {
    Inzendingslimiet l = limiet(3, 100);
    for (int i = 0; i < 3; i++) {
      assertThat(l.toegestaan("1.1.1.1")).isTrue();
      klok.nu = klok.nu.plusSeconds(60);
    }
    assertThat(l.toegestaan("1.1.1.1")).isFalse();
    assertThat(l.toegestaan("2.2.2.2")).isTrue();
    // 15 minutes after the first submission it counts no longer
    klok.nu = Instant.parse("2026-02-05T10:15:00Z");
    assertThat(l.toegestaan("1.1.1.1")).isTrue();
    assertThat(l.toegestaan("1.1.1.1")).isFalse();
  }

  @Test
  void refusedAttemptsDoNotExtendTheBlock() {
    Inzendingslimiet l = limiet(1, 100);
    assertThat(l.toegestaan("1.1.1.1")).isTrue();
    for (int i = 0; i < 10; i++) {
      klok.nu = klok.nu.plusSeconds(60);
      assertThat(l.toegestaan("1.1.1.1")).isFalse();
    }
    klok.nu = Instant.parse("2026-02-05T10:15:01Z");
    assertThat(l.toegestaan("1.1.1.1")).isTrue();
  }

  @Test
  void globalCapPerMinuteOverAllClients() {
    Inzendingslimiet l = limiet(5, 4);
    for (int i = 0; i < 4; i++) {
      assertThat(l.toegestaan("10.0.0." + i)).isTrue();
    }
    assertThat(l.toegestaan("10.0.0.99")).isFalse();
    klok.nu = klok.nu.plusSeconds(61);
    assertThat(l.toegestaan("10.0.0.99")).isTrue();
  }

  @Test
  void forgetsClientsWhoseWindowHasPassed() {
    Inzendingslimiet l = limiet(5, 1_000_000);
    for (int i = 0; i < 10_001; i++) {
      assertThat(l.toegestaan("c" + i)).isTrue();
    }
    klok.nu = klok.nu.plus(Duration.ofMinutes(16));
    l.toegestaan("nieuw-1");
    l.toegestaan("nieuw-2");
    assertThat(l.aantalClients()).isLessThan(10);
  }
}
