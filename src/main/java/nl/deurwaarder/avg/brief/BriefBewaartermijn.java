package nl.deurwaarder.avg.brief;

import nl.deurwaarder.avg.bewaartermijn.Bewaartermijn;
import nl.deurwaarder.avg.bewaartermijn.PersoonsgegevensOpruimer;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Retention of the letters table: the addressee's name and e-mail and the subject (it names the data subject) go;
 * the row stays (type, status, dates: proof that and when a letter went out). Runs before the archive is removed,
 * so the link to the archived PDF is cleared here.
 */
@Component
@Order(10)
public class BriefBewaartermijn implements PersoonsgegevensOpruimer {

  private final NamedParameterJdbcTemplate jdbc;

  public BriefBewaartermijn(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public int ruimOp(String referentie) {
    return jdbc.update("UPDATE avg_brief SET ontvanger_naam = NULL, ontvanger_email = NULL, onderwerp = :weg,"
        + " archiefstuk_id = NULL WHERE referentie = :r",
        new MapSqlParameterSource("r", referentie).addValue("weg", Bewaartermijn.VERWIJDERD));
  }
}
