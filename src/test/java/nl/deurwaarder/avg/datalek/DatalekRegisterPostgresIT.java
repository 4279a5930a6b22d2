package nl.deurwaarder.avg.datalek;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The Register datalekken (V6) on a real PostgreSQL: types of every kind of field survive the round trip. */
class DatalekRegisterPostgresIT {

  static EmbeddedPostgres postgres;
  static HikariDataSource ds;

  @BeforeAll
  static void start() throws Exception {
    postgres = EmbeddedPostgres.start();
    Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load()
        .migrate();
    ds = new HikariDataSource();
    ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    ds.setUsername("postgres");
  }

  @AfterAll
  static void stop() throws Exception {
    ds.close();
    postgres.close();
  }

  @Test
  void anEntryAndItsChangesRoundTrip() {
    Clock clock = Clock.fixed(OffsetDateTime.parse("2026-03-02T10:00:00+01:00").toInstant(),
        ZoneId.of("Europe/Amsterdam"));
    DatalekRegister register = new DatalekRegister(new NamedParameterJdbcTemplate(ds), clock);
    OffsetDateTime ontdekt = OffsetDateTime.parse("2026-03-02T08:00:00+01:00");
    Datalek d = register.voegToe("DL-2026-0001", 2026, 1, new NieuweDatalekmelding("Laptop kwijt", ontdekt,
        Bron.VERWERKER, "Printbedrijf", ontdekt.minusHours(30), 4, "Laptop", "Dossiers", "Piet", "p@x.nl"),
        OffsetDateTime.now(clock), ontdekt.plusHours(72), false, "medewerker");
    assertThat(d.ontdektOp().toInstant()).isEqualTo(ontdekt.toInstant());
    assertThat(d.apMeldingUiterlijk().toInstant()).isEqualTo(ontdekt.plusHours(72).toInstant());
    assertThat(d.ja("verwerkerTijdig")).isFalse();
    assertThat(d.velden().get("geschatAantalBetrokkenen")).isEqualTo(4);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("isDatalek", true);
    v.put("ernst", Ernst.MATIG_TOT_ERNSTIG);
    v.put("inbreukCategorieen", List.of("VERTROUWELIJKHEID", "INTEGRITEIT"));
    v.put("apGemeld", true);
    v.put("apMeldingOp", ontdekt.plusHours(50));
    v.put("apKenmerk", "AP-1");
    Datalek na = register.wijzig("DL-2026-0001", v, "coordinator");
    assertThat(na.ja("isDatalek")).isTrue();
    assertThat(na.ernst()).isEqualTo(Ernst.MATIG_TOT_ERNSTIG);
    assertThat(na.inbreukCategorieen()).containsExactly("VERTROUWELIJKHEID", "INTEGRITEIT");
    assertThat(na.moment("apMeldingOp").toInstant()).isEqualTo(ontdekt.plusHours(50).toInstant());
    assertThat(register.historie("DL-2026-0001")).extracting(nl.deurwaarder.avg.registerhistorie.Registertabel.Historieregel::veld)
        .containsExactly("registratie", "isDatalek", "ernst", "inbreukCategorieen", "apGemeld", "apMeldingOp",
            "apKenmerk");
    // an unchanged value writes no history line
    register.wijzig("DL-2026-0001", Map.of("apKenmerk", "AP-1"), "coordinator");
    assertThat(register.historie("DL-2026-0001")).hasSize(7);
    assertThat(register.ontdektTussen(ontdekt.minusDays(1), ontdekt.plusDays(1))).hasSize(1);
  }
}
