package nl.deurwaarder.avg.verwerkingsregister;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The PIA side of a proposal (avg_vwr_voorstel): whether a PIA is needed and why, the FG's advice and the directie's
 * decision on it, and a prior consultation of the AP (AVG art. 36) with its deadline and answer; and per processing
 * the latest decision whether a PIA is needed (avg_vwr_pia_toets).
 */
@Repository
public class PiaDossier {

  /** The state of the PIA and the prior consultation of one proposal. */
  public record Stand(Boolean piaNodig, String piaGrond, String piaUitkomst, String fgPiaAdvies, String piaBesluit,
      LocalDate raadplegingIngediendOp, LocalDate apAntwoordUiterlijk, boolean apTermijnVerlengd, String apAntwoord,
      LocalDate apAntwoordOp) {

    /** A high residual risk is settled only when the AP has answered without objection (art. 36). */
    public boolean publicatieToegestaan() {
      return !"HOOG_RESTRISICO".equals(piaUitkomst) || "GEEN_BEZWAAR".equals(apAntwoord);
    }
  }

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  public PiaDossier(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public Stand stand(long voorstelId) {
    List<Stand> r = jdbc.query("SELECT * FROM avg_vwr_voorstel WHERE id = :id", Map.of("id", voorstelId),
        (rs, i) -> new Stand((Boolean) rs.getObject("pia_nodig"), rs.getString("pia_grond"),
            rs.getString("pia_uitkomst"), rs.getString("fg_pia_advies"), rs.getString("pia_besluit"),
            rs.getObject("raadpleging_ingediend_op", LocalDate.class),
            rs.getObject("ap_antwoord_uiterlijk", LocalDate.class), rs.getBoolean("ap_termijn_verlengd"),
            rs.getString("ap_antwoord"), rs.getObject("ap_antwoord_op", LocalDate.class)));
    if (r.isEmpty()) {
      throw new IllegalArgumentException("Onbekend voorstel " + voorstelId);
    }
    return r.get(0);
  }

  public void piaNodig(long voorstelId, boolean nodig, String grond) {
    update(voorstelId, "pia_nodig = :a, pia_grond = :b", nodig, afkappen(grond, 300));
  }

  public void fgAdvies(long voorstelId, String advies, String toelichting) {
    update(voorstelId, "fg_pia_advies = :a, fg_pia_toelichting = :b", advies, toelichting);
  }

  public void besluit(long voorstelId, String besluit, String motivering, String door) {
    jdbc.update("UPDATE avg_vwr_voorstel SET pia_besluit = :b, pia_besluit_motivering = :m, pia_besluit_door = :d"
        + " WHERE id = :id", new MapSqlParameterSource("id", voorstelId).addValue("b", besluit)
        .addValue("m", motivering).addValue("d", door));
  }

  /** The consultation was submitted; a new round starts without an answer. */
  public void raadplegingIngediend(long voorstelId, String inhoud, LocalDate ingediendOp, LocalDate uiterlijk) {
    jdbc.update("UPDATE avg_vwr_voorstel SET raadpleging_inhoud = :i, raadpleging_ingediend_op = :op,"
        + " ap_antwoord_uiterlijk = :u, ap_termijn_verlengd = FALSE, ap_antwoord = NULL, ap_antwoord_op = NULL,"
        + " ap_antwoord_toelichting = NULL WHERE id = :id", new MapSqlParameterSource("id", voorstelId)
        .addValue("i", inhoud).addValue("op", ingediendOp).addValue("u", uiterlijk));
  }

  public void apAntwoord(long voorstelId, String antwoord, LocalDate op, String toelichting, LocalDate uiterlijk,
      boolean verlengd) {
    jdbc.update("UPDATE avg_vwr_voorstel SET ap_antwoord = :a, ap_antwoord_op = :op, ap_antwoord_toelichting = :t,"
        + " ap_antwoord_uiterlijk = :u, ap_termijn_verlengd = :v WHERE id = :id",
        new MapSqlParameterSource("id", voorstelId).addValue("a", antwoord).addValue("op", op)
            .addValue("t", toelichting).addValue("u", uiterlijk).addValue("v", verlengd));
  }

  public void ingetrokken(long voorstelId) {
    jdbc.update("UPDATE avg_vwr_voorstel SET status = 'INGETROKKEN' WHERE id = :id AND status = 'CONCEPT'",
        Map.of("id", voorstelId));
  }

  /** The latest decision whether a PIA is needed for this processing (insert or replace). */
  public void toets(String verwerkingCode, String bron, Boolean nodig, String grond, String door,
      String processInstanceId) {
    MapSqlParameterSource p = new MapSqlParameterSource("c", verwerkingCode).addValue("bron", bron)
        .addValue("n", nodig).addValue("g", afkappen(grond, 300)).addValue("door", door)
        .addValue("op", nodig == null ? null : OffsetDateTime.now(clock)).addValue("pi", processInstanceId)
        .addValue("nu", OffsetDateTime.now(clock));
    int n = jdbc.update("UPDATE avg_vwr_pia_toets SET bron = :bron, pia_nodig = :n, pia_grond = :g,"
        + " getoetst_door = :door, getoetst_op = :op, process_instance_id = :pi WHERE verwerking_code = :c", p);
    if (n == 0) {
      jdbc.update("INSERT INTO avg_vwr_pia_toets (verwerking_code, bron, aangemaakt_op, pia_nodig, pia_grond,"
          + " getoetst_door, getoetst_op, process_instance_id) VALUES (:c, :bron, :nu, :n, :g, :door, :op, :pi)", p);
    }
  }

  /** Processings that have a row (checked, or a check running). */
  public boolean heeftToets(String verwerkingCode) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM avg_vwr_pia_toets WHERE verwerking_code = :c",
        Map.of("c", verwerkingCode), Integer.class) > 0;
  }

  public Optional<Map<String, Object>> toetsVan(String verwerkingCode) {
    return jdbc.queryForList("SELECT * FROM avg_vwr_pia_toets WHERE verwerking_code = :c",
        Map.of("c", verwerkingCode)).stream().findFirst();
  }

  private void update(long id, String set, Object a, Object b) {
    jdbc.update("UPDATE avg_vwr_voorstel SET " + set + " WHERE id = :id",
        new MapSqlParameterSource("id", id).addValue("a", a).addValue("b", b));
  }

  private static String afkappen(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}
