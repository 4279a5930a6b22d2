package nl.deurwaarder.avg.verwerkingsregister;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The drafts (avg_vwr_voorstel): proposals in progress, invisible in the published register. */
@Repository
public class Voorstellen {

  private final NamedParameterJdbcTemplate jdbc;
  private final ObjectMapper json;
  private final Clock clock;

  public Voorstellen(NamedParameterJdbcTemplate jdbc, ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  public long nieuw(Voorstel.Soort soort, Verwerking verwerking, String toelichting, String gebruiker,
      String processInstanceId) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update("""
        INSERT INTO avg_vwr_voorstel (soort, verwerking_code, proces_code, inhoud, toelichting, status, aangemaakt_op,
          aangemaakt_door, process_instance_id)
        VALUES (:soort, :code, :proces, :inhoud, :toelichting, 'CONCEPT', :op, :door, :pi)
        """, new MapSqlParameterSource("soort", soort.name()).addValue("code", verwerking.code())
        .addValue("proces", verwerking.procesCode()).addValue("inhoud", alsJson(verwerking))
        .addValue("toelichting", toelichting).addValue("op", OffsetDateTime.now(clock)).addValue("door", gebruiker)
        .addValue("pi", processInstanceId), key, new String[] {"id"});
    return key.getKey().longValue();
  }

  public void wijzig(long id, Voorstel.Soort soort, Verwerking verwerking, String toelichting) {
    jdbc.update("""
        UPDATE avg_vwr_voorstel SET soort = :soort, verwerking_code = :code, proces_code = :proces, inhoud = :inhoud,
          toelichting = :toelichting, gewijzigd_op = :op WHERE id = :id AND status = 'CONCEPT'
        """, new MapSqlParameterSource("id", id).addValue("soort", soort.name()).addValue("code", verwerking.code())
        .addValue("proces", verwerking.procesCode()).addValue("inhoud", alsJson(verwerking))
        .addValue("toelichting", toelichting).addValue("op", OffsetDateTime.now(clock)));
  }

  public void pia(long id, String uitkomst, String criteria, String maatregelen) {
    jdbc.update("UPDATE avg_vwr_voorstel SET pia_uitkomst = :u, pia_criteria = :c, pia_maatregelen = :m WHERE id = :id",
        new MapSqlParameterSource("id", id).addValue("u", uitkomst).addValue("c", criteria).addValue("m", maatregelen));
  }

  public void fgBeoordeling(long id, String besluit, String opmerkingen, String door) {
    jdbc.update("UPDATE avg_vwr_voorstel SET fg_besluit = :b, fg_opmerkingen = :o, fg_beoordeeld_door = :d"
        + " WHERE id = :id", new MapSqlParameterSource("id", id).addValue("b", besluit).addValue("o", opmerkingen)
        .addValue("d", door));
  }

  public void gepubliceerd(long id, int versie) {
    jdbc.update("UPDATE avg_vwr_voorstel SET status = 'GEPUBLICEERD', gepubliceerd_versie = :v WHERE id = :id",
        Map.of("id", id, "v", versie));
  }

  public Voorstel haal(long id) {
    List<Voorstel> r = jdbc.query("SELECT * FROM avg_vwr_voorstel WHERE id = :id", Map.of("id", id), this::rij);
    if (r.isEmpty()) {
      throw new IllegalArgumentException("Onbekend voorstel " + id);
    }
    return r.get(0);
  }

  private Voorstel rij(ResultSet rs, int i) throws SQLException {
    try {
      return new Voorstel(rs.getLong("id"), Voorstel.Soort.valueOf(rs.getString("soort")),
          json.readValue(rs.getString("inhoud"), Verwerking.class), rs.getString("toelichting"),
          Voorstel.Status.valueOf(rs.getString("status")), rs.getObject("aangemaakt_op", OffsetDateTime.class),
          rs.getString("aangemaakt_door"), rs.getString("pia_uitkomst"), rs.getString("pia_maatregelen"),
          rs.getString("fg_besluit"), rs.getString("fg_opmerkingen"),
          rs.getObject("gepubliceerd_versie") == null ? null : rs.getInt("gepubliceerd_versie"),
          rs.getString("process_instance_id"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Voorstel " + rs.getLong("id") + " is onleesbaar", e);
    }
  }

  private String alsJson(Verwerking v) {
    try {
      return json.writeValueAsString(v);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
