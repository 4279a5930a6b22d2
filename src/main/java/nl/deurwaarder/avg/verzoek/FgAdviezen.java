package nl.deurwaarder.avg.verzoek;

import java.time.Clock;
import nl.deurwaarder.avg.bewaartermijn.Bewaartermijn;
import nl.deurwaarder.avg.bewaartermijn.PersoonsgegevensOpruimer;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The FG's advices per request ({@code avg_fg_advies}): part of the Register AVG-verzoeken, so what the FG said stays
 * on record after Camunda's history cleanup. Recording is keyed by the task that gave the advice: once per task.
 */
@Repository
public class FgAdviezen implements PersoonsgegevensOpruimer {

  private static final java.time.ZoneId AMSTERDAM = java.time.ZoneId.of("Europe/Amsterdam");

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  public FgAdviezen(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records an advice given now (in the caller's transaction) with a line in the entry's history. */
  @Transactional
  public FgAdvies legVast(String referentie, String taakId, FgAdvies.Onderwerp onderwerp, String vraag,
      String fgAdvies, String toelichting, String gegevenDoor) {
    OffsetDateTime nu = OffsetDateTime.now(clock);
    if (taakId != null) {
      List<FgAdvies> al = jdbc.query("SELECT * FROM avg_fg_advies WHERE taak_id = :t", Map.of("t", taakId), RIJ);
      if (!al.isEmpty()) {
        return al.get(0);
      }
    }
    jdbc.update("""
        INSERT INTO avg_fg_advies (referentie, onderwerp, vraag, fg_advies, toelichting, gegeven_door, gegeven_op,
          taak_id)
        VALUES (:r, :onderwerp, :vraag, :advies, :toelichting, :door, :op, :taak)
        """, new MapSqlParameterSource("r", referentie).addValue("onderwerp", onderwerp.name())
        .addValue("vraag", vraag).addValue("advies", fgAdvies).addValue("toelichting", toelichting)
        .addValue("door", gegevenDoor).addValue("op", nu).addValue("taak", taakId));
    jdbc.update("""
        INSERT INTO avg_verzoek_historie (referentie, tijdstip, gebruiker, veld, oude_waarde, nieuwe_waarde)
        VALUES (:r, :op, :door, 'fgAdviezen', NULL, :regel)
        """, new MapSqlParameterSource("r", referentie).addValue("op", nu).addValue("door", gegevenDoor)
        .addValue("regel", onderwerp.omschrijving() + (fgAdvies == null ? "" : ": " + fgAdvies)));
    return new FgAdvies(onderwerp, vraag, fgAdvies, toelichting, gegevenDoor,
        nu.atZoneSameInstant(AMSTERDAM).toOffsetDateTime());
  }

  /** The advices on one request, oldest first. */
  public List<FgAdvies> lijst(String referentie) {
    return jdbc.query("SELECT * FROM avg_fg_advies WHERE referentie = :r ORDER BY gegeven_op, id",
        Map.of("r", referentie), RIJ);
  }

  /** The advices of every request, per reference (oldest first), for listing the whole register at once. */
  public Map<String, List<FgAdvies>> allePerVerzoek() {
    Map<String, List<FgAdvies>> perVerzoek = new LinkedHashMap<>();
    jdbc.query("SELECT * FROM avg_fg_advies ORDER BY referentie, gegeven_op, id", rs -> {
      perVerzoek.computeIfAbsent(rs.getString("referentie"), r -> new java.util.ArrayList<>())
          .add(RIJ.mapRow(rs, 0));
    });
    return perVerzoek.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue()),
        (a, b) -> a, LinkedHashMap::new));
  }

  /**
   * Retention: the question and the FG's explanation are free text about the data subject; the subject, the advice
   * (a code), who and when stay for the anonymous entry.
   */
  @Override
  public int ruimOp(String referentie) {
    return jdbc.update("UPDATE avg_fg_advies SET vraag = CASE WHEN vraag IS NULL THEN NULL ELSE :weg END,"
        + " toelichting = CASE WHEN toelichting IS NULL THEN NULL ELSE :weg END WHERE referentie = :r"
        + " AND ((vraag IS NOT NULL AND vraag <> :weg) OR (toelichting IS NOT NULL AND toelichting <> :weg))",
        new MapSqlParameterSource("r", referentie).addValue("weg", Bewaartermijn.VERWIJDERD));
  }

  private static final RowMapper<FgAdvies> RIJ = (rs, i) -> new FgAdvies(
      FgAdvies.Onderwerp.valueOf(rs.getString("onderwerp")),
      rs.getString("vraag"),
      rs.getString("fg_advies"),
      rs.getString("toelichting"),
      rs.getString("gegeven_door"),
      VerzoekRegister.odt(rs, "gegeven_op"));
}
