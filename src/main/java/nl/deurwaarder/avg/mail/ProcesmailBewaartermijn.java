package nl.deurwaarder.avg.mail;

import java.time.OffsetDateTime;
import nl.deurwaarder.avg.bewaartermijn.Bewaartermijn;
import nl.deurwaarder.avg.bewaartermijn.PersoonsgegevensOpruimer;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Retention of the process mails' log ({@code avg_procesmail}): the addressees (an external reporter's e-mail
 * address among them) and the subject go; the row stays with its key, so a retried job still never mails twice.
 * Mails without a reference go when they were sent before the limit.
 */
@Component
@Order(40)
public class ProcesmailBewaartermijn implements PersoonsgegevensOpruimer {

  private final NamedParameterJdbcTemplate jdbc;

  public ProcesmailBewaartermijn(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public int ruimOp(String referentie) {
    return jdbc.update("UPDATE avg_procesmail SET ontvangers = :weg, onderwerp = :weg WHERE referentie = :r"
        + " AND (ontvangers <> :weg OR onderwerp <> :weg)",
        new MapSqlParameterSource("r", referentie).addValue("weg", Bewaartermijn.VERWIJDERD));
  }

  @Override
  public int ruimOpVoor(OffsetDateTime grens) {
    return jdbc.update("UPDATE avg_procesmail SET ontvangers = :weg, onderwerp = :weg WHERE referentie IS NULL"
        + " AND verzonden_op < :grens AND (ontvangers <> :weg OR onderwerp <> :weg)",
        new MapSqlParameterSource("grens", grens).addValue("weg", Bewaartermijn.VERWIJDERD));
  }
}
