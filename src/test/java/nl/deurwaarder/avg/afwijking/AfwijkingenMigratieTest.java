package nl.deurwaarder.avg.afwijking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** V17_5 moves the request deviations of the old register (avg_afwijking_fg_advies) into avg_afwijking. */
class AfwijkingenMigratieTest {

  @Test
  void existingRequestDeviationsMoveIntoTheCompleteRegister() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:afwijkingen-migratie;DB_CLOSE_DELAY=-1;NON_KEYWORDS=VALUE");
    ds.setUser("sa");
    Flyway.configure().dataSource(ds).locations("classpath:db/migration").target("15.4").load().migrate();
    JdbcTemplate jdbc = new JdbcTemplate(ds);
    jdbc.update("""
        INSERT INTO avg_afwijking_fg_advies (referentie, tijdstip, besluit_door, onderwerp, fg_advies, fg_toelichting,
          besluit, afwijking_motivering, fg_bericht_op)
        VALUES ('AVG-2025-0007', TIMESTAMP WITH TIME ZONE '2025-03-04 10:15:00+01:00', 'coordinator',
          'Verwijderverzoek', 'NIET_AKKOORD', 'Bewaartermijn loopt nog', 'TOEWIJZEN', 'Verwerking was onrechtmatig',
          TIMESTAMP WITH TIME ZONE '2025-03-04 10:16:00+01:00')
        """);

    Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

    List<Map<String, Object>> rijen = jdbc.queryForList("SELECT * FROM avg_afwijking");
    assertThat(rijen).singleElement().satisfies(r -> {
      assertThat(r.get("SOORT")).isEqualTo("VERZOEK_BESLUIT");
      assertThat(r.get("REFERENTIE")).isEqualTo("AVG-2025-0007");
      assertThat(r.get("ONDERWERP")).isEqualTo("Verwijderverzoek");
      assertThat(r.get("FG_ADVIES")).isEqualTo("NIET_AKKOORD");
      assertThat(r.get("FG_TOELICHTING")).isEqualTo("Bewaartermijn loopt nog");
      assertThat(r.get("BESLUIT")).isEqualTo("TOEWIJZEN");
      assertThat(r.get("MOTIVERING")).isEqualTo("Verwerking was onrechtmatig");
      assertThat(r.get("BESLOTEN_DOOR")).isEqualTo("coordinator");
      assertThat(r.get("BESLOTEN_OP")).isNotNull();
      assertThat(r.get("FG_BERICHT_OP")).isNotNull();
    });
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = "
        + "'AVG_AFWIJKING_FG_ADVIES'", Integer.class)).isZero();
  }
}
