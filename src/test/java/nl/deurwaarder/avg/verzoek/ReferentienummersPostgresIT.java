package nl.deurwaarder.avg.verzoek;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reference numbers on a real PostgreSQL, taken concurrently by two "app nodes" (two independent connection pools
 * and transaction managers on one database, as two JVMs would have), with registrations that fail and roll back:
 * the committed numbers are unique and gap-free, 1..N, for a year that did not exist before (so the counter row is
 * created concurrently too).
 */
class ReferentienummersPostgresIT {

  static EmbeddedPostgres postgres;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.start();
    Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load()
        .migrate();
  }

  @AfterAll
  static void stop() throws Exception {
    postgres.close();
  }

  record Knooppunt(HikariDataSource dataSource, TransactionTemplate tx, Referentienummers nummers,
      JdbcTemplate jdbc) {
    static Knooppunt nieuw(String url) {
      HikariDataSource ds = new HikariDataSource();
      ds.setJdbcUrl(url);
      ds.setUsername("postgres");
      ds.setMaximumPoolSize(6);
      DataSourceTransactionManager tm = new DataSourceTransactionManager(ds);
      JdbcTemplate jdbc = new JdbcTemplate(ds);
      return new Knooppunt(ds, new TransactionTemplate(tm), new Referentienummers(jdbc, tm), jdbc);
    }
  }

  @Test
  void twoNodesConcurrentlyGetUniqueGapFreeNumbersAndRollbacksGiveTheirNumberBack() throws Exception {
    String url = postgres.getJdbcUrl("postgres", "postgres");
    List<Knooppunt> knooppunten = List.of(Knooppunt.nieuw(url), Knooppunt.nieuw(url));
    int jaar = 2031;
    int pogingen = 200;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> resultaten = new ArrayList<>();
    for (int i = 0; i < pogingen; i++) {
      Knooppunt k = knooppunten.get(i % 2);
      boolean mislukt = i % 5 == 3; // one in five registrations fails after taking its number
      resultaten.add(pool.submit(() -> {
        start.await();
        try {
          return k.tx().execute(s -> {
            int nummer = k.nummers().volgende("AVG", jaar);
            k.jdbc().update("INSERT INTO avg_verzoek (referentie, jaar, volgnummer, verzoek_type, kanaal,"
                + " ontvangen_op, geregistreerd_op, verzoeker_rol, status, uiterste_reactiedatum,"
                + " wettelijke_uiterste_datum) VALUES (?, ?, ?, 'INZAGE', 'EMAIL', now(), now(), 'BETROKKENE',"
                + " 'ONTVANGEN', current_date, current_date)",
                Referentienummers.formatteer("AVG", jaar, nummer), jaar, nummer);
            if (ThreadLocalRandom.current().nextBoolean()) {
              Thread.yield();
            }
            if (mislukt) {
              throw new IllegalStateException("registratie mislukt");
            }
            return nummer;
          });
        } catch (IllegalStateException e) {
          return -1;
        }
      }));
    }
    start.countDown();
    List<Integer> gelukt = new ArrayList<>();
    for (Future<Integer> f : resultaten) {
      int n = f.get(2, TimeUnit.MINUTES);
      if (n > 0) {
        gelukt.add(n);
      }
    }
    pool.shutdown();
    Collections.sort(gelukt);
    int verwacht = pogingen - pogingen / 5;
    assertThat(gelukt).hasSize(verwacht);
    assertThat(gelukt).containsExactlyElementsOf(IntStream.rangeClosed(1, verwacht).boxed().toList());
    List<String> inRegister = knooppunten.get(0).jdbc().queryForList(
        "SELECT referentie FROM avg_verzoek WHERE jaar = ? ORDER BY volgnummer", String.class, jaar);
    assertThat(inRegister).hasSize(verwacht).doesNotHaveDuplicates()
        .first().isEqualTo("AVG-2031-0001");
    assertThat(inRegister.get(verwacht - 1)).isEqualTo(Referentienummers.formatteer("AVG", jaar, verwacht));
    knooppunten.forEach(k -> k.dataSource().close());
  }
}
