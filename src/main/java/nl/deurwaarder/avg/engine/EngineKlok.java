package nl.deurwaarder.avg.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's clock is the engine's clock, in Europe/Amsterdam: registers, letters and deadlines see the same
 * "now" as timers and due dates, also when a test moves time with Camunda's {@code ClockUtil}. (The one use of an
 * engine {@code impl} class: Camunda offers no public API for its clock.)
 */
@Configuration(proxyBeanMethods = false)
public class EngineKlok {

  public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  @Bean
  Clock clock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return AMSTERDAM;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
      }

      @Override
      public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
      }
    };
  }
}
