package nl.deurwaarder.avg.verzoekprocedure;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.bewaartermijn.Bewaartermijn;
import nl.deurwaarder.avg.bewaartermijn.PersoonsgegevensOpruimer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Register afwijkingen FG-advies (PH-ORG-02 §3.1, PH-PRO-01 §4): every decision that deviates from the FG's advice,
 * with the written reason and when the FG was told.
 */
@Repository
public class AfwijkingenFgAdvies implements PersoonsgegevensOpruimer {

  public record Afwijking(long id, String referentie, OffsetDateTime tijdstip, String besluitDoor, String onderwerp,
      String fgAdvies, String fgToelichting, String besluit, String afwijkingMotivering, OffsetDateTime fgBerichtOp) {
  }

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  public AfwijkingenFgAdvies(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void voegToe(String referentie, String besluitDoor, String onderwerp, String fgAdvies, String fgToelichting,
      String besluit, String motivering) {
    jdbc.update("""
        INSERT INTO avg_afwijking_fg_advies (referentie, tijdstip, besluit_door, onderwerp, fg_advies, fg_toelichting,
          besluit, afwijking_motivering)
        VALUES (:r, :t, :door, :onderwerp, :advies, :toelichting, :besluit, :motivering)
        """, new MapSqlParameterSource("r", referentie).addValue("t", OffsetDateTime.now(clock))
        .addValue("door", besluitDoor).addValue("onderwerp", afkappen(onderwerp, 200)).addValue("advies", fgAdvies)
        .addValue("toelichting", afkappen(fgToelichting, 4000)).addValue("besluit", afkappen(besluit, 200))
        .addValue("motivering", afkappen(motivering, 4000)));
  }

  /** The FG has been told (by mail) of the deviations of this request that were not yet reported. */
  public void fgBericht(String referentie) {
    jdbc.update("UPDATE avg_afwijking_fg_advies SET fg_bericht_op = :t WHERE referentie = :r AND fg_bericht_op IS NULL",
        new MapSqlParameterSource("r", referentie).addValue("t", OffsetDateTime.now(clock)));
  }

  public List<Afwijking> lijst(String referentie) {
    return jdbc.query("SELECT * FROM avg_afwijking_fg_advies WHERE referentie = :r ORDER BY tijdstip, id",
        Map.of("r", referentie), (rs, i) -> new Afwijking(rs.getLong("id"), rs.getString("referentie"),
            rs.getObject("tijdstip", OffsetDateTime.class), rs.getString("besluit_door"), rs.getString("onderwerp"),
            rs.getString("fg_advies"), rs.getString("fg_toelichting"), rs.getString("besluit"),
            rs.getString("afwijking_motivering"), rs.getObject("fg_bericht_op", OffsetDateTime.class)));
  }

  /** Retention: the FG's remark and the reason for deviating are free text about the data subject. */
  @Override
  public int ruimOp(String referentie) {
    return jdbc.update("UPDATE avg_afwijking_fg_advies SET fg_toelichting = CASE WHEN fg_toelichting IS NULL THEN NULL"
        + " ELSE :weg END, afwijking_motivering = :weg WHERE referentie = :r",
        new MapSqlParameterSource("r", referentie).addValue("weg", Bewaartermijn.VERWIJDERD));
  }

  private static String afkappen(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }
}
