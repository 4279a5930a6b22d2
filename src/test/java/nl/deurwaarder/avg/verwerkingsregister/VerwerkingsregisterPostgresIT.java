package nl.deurwaarder.avg.verwerkingsregister;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import nl.deurwaarder.avg.kantoor.KantoorProfiel;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The V7 migrations and the seed on a real PostgreSQL: the starting register publishes and reads back by date. */
class VerwerkingsregisterPostgresIT {

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

  static Verwerkingsregister register(NamedParameterJdbcTemplate jdbc, ZonedDateTime nu) {
    ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    Clock klok = Clock.fixed(nu.toInstant(), nu.getZone());
    KantoorProfiel kantoor = new KantoorProfiel("Kantoor Test", "Straat 1", "1234 AB", "Utrecht", "030", "https://x",
        "privacy@x.example", "FG", "fg@x.example", "030", false);
    return new Verwerkingsregister(new VerwerkingsregisterOpslag(jdbc), new Voorstellen(jdbc, json, klok),
        new Registervalidatie(verwerkers(jdbc)), kantoor, json, klok);
  }

  /** The register of processors as the migrations left it (V16_2 took over the starting register's processors). */
  static nl.deurwaarder.avg.kantoor.Verwerkers verwerkers(NamedParameterJdbcTemplate jdbc) {
    return new nl.deurwaarder.avg.kantoor.Verwerkers() {
      @Override
      public java.util.Optional<String> naamInRegister(String naam) {
        return jdbc.queryForList("SELECT naam FROM avg_verwerker WHERE LOWER(naam) = LOWER(:n)",
            java.util.Map.of("n", naam == null ? "" : naam.strip()), String.class).stream().findFirst();
      }

      @Override
      public java.util.List<String> namen() {
        return jdbc.queryForList("SELECT naam FROM avg_verwerker ORDER BY naam", java.util.Map.of(), String.class);
      }
    };
  }

  @Test
  void theSeedPublishesAsVersionOneAndAChangeIsOnlyInForceFromItsDay() {
    NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(postgres.getPostgresDatabase());
    ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
    RegisterVersie v1 = register(jdbc, ZonedDateTime.of(2026, 5, 1, 9, 0, 0, 0, amsterdam))
        .publiceerStand("Startregister", "systeem", null);
    assertThat(v1.versienummer()).isEqualTo(1);
    assertThat(v1.verwerkingen().count()).isEqualTo(34);
    assertThat(v1.verwerking("50.4.2").orElseThrow().bewaartermijn().zonderEindtermijn()).isTrue();

    Verwerkingsregister later = register(jdbc, ZonedDateTime.of(2026, 6, 2, 15, 30, 0, 0, amsterdam));
    Verwerking vonnis = v1.verwerking("40.3.1").orElseThrow();
    Verwerking gewijzigd = new Verwerking(vonnis.code(), vonnis.naam(), "Inboeken van vonnis en kostenveroordeling.",
        vonnis.grondslag(), vonnis.grondslagToelichting(), vonnis.art9Uitzondering(), vonnis.bedrijfsvoering(),
        vonnis.eigenaar(), vonnis.categorieenBetrokkenen(), vonnis.categorieenOntvangers(), vonnis.bewaartermijn(),
        null, null, vonnis.beveiliging(), false, vonnis.gezamenlijkeVerantwoordelijken(), vonnis.gegevenstypen());
    long id = new Voorstellen(jdbc, new ObjectMapper().registerModule(new JavaTimeModule()), Clock.systemUTC())
        .nieuw(Voorstel.Soort.WIJZIGING, gewijzigd, "test", "coordinator", null);
    RegisterVersie v2 = later.publiceer(id, "fg");

    assertThat(v2.versienummer()).isEqualTo(2);
    assertThat(later.gepubliceerdOp(LocalDate.of(2026, 6, 1)).orElseThrow().verwerking("40.3.1").orElseThrow()
        .doeleind()).isEqualTo(vonnis.doeleind());
    assertThat(later.gepubliceerdOp(LocalDate.of(2026, 6, 2)).orElseThrow().verwerking("40.3.1").orElseThrow()
        .doeleind()).isEqualTo("Inboeken van vonnis en kostenveroordeling.");
    assertThat(later.gepubliceerdOp(LocalDate.of(2026, 4, 30))).isEmpty();
    assertThat(later.gepubliceerd().orElseThrow().versiedatum().toLocalDate()).isEqualTo(LocalDate.of(2026, 6, 2));
  }
}
