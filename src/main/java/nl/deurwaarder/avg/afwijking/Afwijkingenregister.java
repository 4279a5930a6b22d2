package nl.deurwaarder.avg.afwijking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.bewaartermijn.Bewaartermijn;
import nl.deurwaarder.avg.bewaartermijn.PersoonsgegevensOpruimer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Register afwijkingen FG-advies (PH-ORG-02 §3.1, PH-PRO-01 §4): every directie or coordinator decision against the
 * FG's advice, in requests, breaches and PIA outcomes. The one place procedures record a deviation
 * ({@link #legVast}); the overview and the half-yearly report read it per period ({@link #tussen},
 * {@link #aantallenPerSoort}).
 */
@Repository
public class Afwijkingenregister implements PersoonsgegevensOpruimer {

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  public Afwijkingenregister(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records a decision against the FG's advice, now; returns it with its id. */
  public Afwijking legVast(NieuweAfwijking a) {
    OffsetDateTime nu = OffsetDateTime.now(clock);
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update("""
        INSERT INTO avg_afwijking (soort, referentie, onderwerp, fg_advies, fg_toelichting, besluit, motivering,
          besloten_door, besloten_op)
        VALUES (:soort, :r, :onderwerp, :advies, :toelichting, :besluit, :motivering, :door, :op)
        """, new MapSqlParameterSource("soort", a.soort().name()).addValue("r", afkappen(a.referentie(), 60))
        .addValue("onderwerp", afkappen(a.onderwerp(), 200)).addValue("advies", afkappen(a.fgAdvies(), 200))
        .addValue("toelichting", afkappen(a.fgToelichting(), 4000)).addValue("besluit", afkappen(a.besluit(), 200))
        .addValue("motivering", afkappen(a.motivering(), 4000)).addValue("door", afkappen(a.beslotenDoor(), 64))
        .addValue("op", nu), key, new String[] {"id"});
    return new Afwijking(key.getKey().longValue(), a.soort(), a.referentie(), a.onderwerp(), a.fgAdvies(),
        a.fgToelichting(), a.besluit(), a.motivering(), a.beslotenDoor(), nu, null);
  }

  /** The FG has been told (by mail) of the deviations of this reference that were not yet reported. */
  public void fgBericht(String referentie) {
    jdbc.update("UPDATE avg_afwijking SET fg_bericht_op = :t WHERE referentie = :r AND fg_bericht_op IS NULL",
        new MapSqlParameterSource("r", referentie).addValue("t", OffsetDateTime.now(clock)));
  }

  /** Deviations of these kinds the FG has not been told of, oldest first. */
  public List<Afwijking> nietGemeld(java.util.Set<Afwijkingssoort> soorten) {
    if (soorten.isEmpty()) {
      return List.of();
    }
    return jdbc.query("SELECT * FROM avg_afwijking WHERE fg_bericht_op IS NULL AND soort IN (:soorten)"
        + " ORDER BY besloten_op, id", new MapSqlParameterSource("soorten",
            soorten.stream().map(Enum::name).toList()), Afwijkingenregister::rij);
  }

  /**
   * Locks one deviation's row until the end of the current transaction if the FG has not been told of it yet (a
   * second node skips it); false when it is told already or locked by another node.
   */
  public boolean vergrendelNietGemeld(long id) {
    return !jdbc.queryForList("SELECT id FROM avg_afwijking WHERE id = :id AND fg_bericht_op IS NULL"
        + " FOR UPDATE SKIP LOCKED", Map.of("id", id), Long.class).isEmpty();
  }

  /** The FG has been told of this one deviation. */
  public void fgBericht(long id) {
    jdbc.update("UPDATE avg_afwijking SET fg_bericht_op = :t WHERE id = :id AND fg_bericht_op IS NULL",
        new MapSqlParameterSource("id", id).addValue("t", OffsetDateTime.now(clock)));
  }

  public List<Afwijking> vanReferentie(String referentie) {
    return jdbc.query("SELECT * FROM avg_afwijking WHERE referentie = :r ORDER BY besloten_op, id",
        Map.of("r", referentie), Afwijkingenregister::rij);
  }

  /** Deviations decided in [van, tot), oldest first. */
  public List<Afwijking> tussen(Instant van, Instant tot) {
    return jdbc.query("SELECT * FROM avg_afwijking WHERE besloten_op >= :van AND besloten_op < :tot"
        + " ORDER BY besloten_op, id", periode(van, tot), Afwijkingenregister::rij);
  }

  /** Number of deviations per kind decided in [van, tot); every kind is present (0 when none). */
  public Map<Afwijkingssoort, Long> aantallenPerSoort(Instant van, Instant tot) {
    Map<Afwijkingssoort, Long> aantallen = new EnumMap<>(Afwijkingssoort.class);
    for (Afwijkingssoort s : Afwijkingssoort.values()) {
      aantallen.put(s, 0L);
    }
    jdbc.query("SELECT soort, COUNT(*) AS n FROM avg_afwijking WHERE besloten_op >= :van AND besloten_op < :tot"
        + " GROUP BY soort", periode(van, tot),
        rs -> {
          aantallen.put(Afwijkingssoort.valueOf(rs.getString("soort")), rs.getLong("n"));
        });
    return aantallen;
  }

  /**
   * Retention (PH-ALG-05): the FG's remark and the motivation are free text that may name the data subject; they go
   * with the request or breach. What was decided, the advice, who and when stay for the reports.
   */
  @Override
  public int ruimOp(String referentie) {
    return jdbc.update("UPDATE avg_afwijking SET fg_toelichting = CASE WHEN fg_toelichting IS NULL THEN NULL"
        + " ELSE :weg END, motivering = :weg WHERE referentie = :r AND motivering <> :weg",
        new MapSqlParameterSource("r", referentie).addValue("weg", Bewaartermijn.VERWIJDERD));
  }

  private static MapSqlParameterSource periode(Instant van, Instant tot) {
    if (van == null || tot == null || !van.isBefore(tot)) {
      throw new IllegalArgumentException("De periode moet een begin vóór het einde hebben");
    }
    return new MapSqlParameterSource("van", OffsetDateTime.ofInstant(van, ZoneOffset.UTC))
        .addValue("tot", OffsetDateTime.ofInstant(tot, ZoneOffset.UTC));
  }

  private static Afwijking rij(ResultSet rs, int i) throws SQLException {
    return new Afwijking(rs.getLong("id"), Afwijkingssoort.valueOf(rs.getString("soort")), rs.getString("referentie"),
        rs.getString("onderwerp"), rs.getString("fg_advies"), rs.getString("fg_toelichting"), rs.getString("besluit"),
        rs.getString("motivering"), rs.getString("besloten_door"), rs.getObject("besloten_op", OffsetDateTime.class),
        rs.getObject("fg_bericht_op", OffsetDateTime.class));
  }

  private static String afkappen(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}
