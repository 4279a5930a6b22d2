package nl.deurwaarder.avg.gezondheid;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks at start, before anything else is built, that the configured database answers. When it does not, start-up
 * stops with one readable line (see {@link DatabaseFoutAnalyse}) instead of a wall of pool and engine stack traces.
 */
public class DatabaseBereikbaarheid implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

  private static final int TIMEOUT_SECONDS = 10;

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    ConfigurableEnvironment env = event.getEnvironment();
    String url = env.getProperty("spring.datasource.url", "");
    if (url.isBlank()) {
      throw new DatabaseNietBereikbaarException(url,
          "er is geen database ingesteld (SPRING_DATASOURCE_URL ontbreekt)");
    }
    String user = env.getProperty("spring.datasource.username");
    String password = env.getProperty("spring.datasource.password");
    DriverManager.setLoginTimeout(TIMEOUT_SECONDS);
    try (Connection ignored = DriverManager.getConnection(url, user, password)) {
      // reachable
    } catch (SQLException e) {
      throw new DatabaseNietBereikbaarException(url, rootMessage(e));
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    // keep it on one line
    return message.lines().findFirst().orElse(message).trim();
  }
}
