package nl.deurwaarder.avg.verwerkingsregister;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The record of the yearly reviews of the register (PH-ORG-01 §7.2): per review and per section. */
@Repository
public class Reviews {

  /** A review as recorded. */
  public record Review(long id, int jaar, Integer versienummer, OffsetDateTime gestartOp, OffsetDateTime afgerondOp,
      String fgAftekening, String fgOpmerkingen, String afgetekendDoor, String processInstanceId,
      List<SectieOordeel> secties) {
  }

  /** The coordinator's judgement of one section. */
  public record SectieOordeel(String sectieCode, String oordeel, String opmerkingen, String beoordeeldDoor,
      OffsetDateTime beoordeeldOp) {
  }

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  public Reviews(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public long start(int jaar, Integer versienummer, String processInstanceId) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update("INSERT INTO avg_vwr_review (jaar, versienummer, gestart_op, process_instance_id)"
        + " VALUES (:jaar, :versie, :op, :pi)", new MapSqlParameterSource("jaar", jaar).addValue("versie", versienummer)
        .addValue("op", OffsetDateTime.now(clock)).addValue("pi", processInstanceId), key, new String[] {"id"});
    return key.getKey().longValue();
  }

  public void sectie(long reviewId, String sectieCode, String oordeel, String opmerkingen, String door) {
    jdbc.update("DELETE FROM avg_vwr_review_sectie WHERE review_id = :r AND sectie_code = :s",
        Map.of("r", reviewId, "s", sectieCode));
    jdbc.update("""
        INSERT INTO avg_vwr_review_sectie (review_id, sectie_code, oordeel, opmerkingen, beoordeeld_door, beoordeeld_op)
        VALUES (:r, :s, :oordeel, :opmerkingen, :door, :op)
        """, new MapSqlParameterSource("r", reviewId).addValue("s", sectieCode).addValue("oordeel", oordeel)
        .addValue("opmerkingen", opmerkingen).addValue("door", door).addValue("op", OffsetDateTime.now(clock)));
  }

  public void afronden(long reviewId, String aftekening, String opmerkingen, String door) {
    jdbc.update("""
        UPDATE avg_vwr_review SET afgerond_op = :op, fg_aftekening = :a, fg_opmerkingen = :o, afgetekend_door = :d
        WHERE id = :id
        """, new MapSqlParameterSource("id", reviewId).addValue("op", OffsetDateTime.now(clock))
        .addValue("a", aftekening).addValue("o", opmerkingen).addValue("d", door));
  }

  public Review haal(long id) {
    List<SectieOordeel> secties = jdbc.query(
        "SELECT * FROM avg_vwr_review_sectie WHERE review_id = :id ORDER BY sectie_code", Map.of("id", id),
        (rs, i) -> new SectieOordeel(rs.getString("sectie_code"), rs.getString("oordeel"), rs.getString("opmerkingen"),
            rs.getString("beoordeeld_door"), rs.getObject("beoordeeld_op", OffsetDateTime.class)));
    return jdbc.queryForObject("SELECT * FROM avg_vwr_review WHERE id = :id", Map.of("id", id),
        (rs, i) -> new Review(rs.getLong("id"), rs.getInt("jaar"),
            rs.getObject("versienummer") == null ? null : rs.getInt("versienummer"),
            rs.getObject("gestart_op", OffsetDateTime.class), rs.getObject("afgerond_op", OffsetDateTime.class),
            rs.getString("fg_aftekening"), rs.getString("fg_opmerkingen"), rs.getString("afgetekend_door"),
            rs.getString("process_instance_id"), secties));
  }
}
