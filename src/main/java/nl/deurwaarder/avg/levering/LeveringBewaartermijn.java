package nl.deurwaarder.avg.levering;

import java.time.OffsetDateTime;
import nl.deurwaarder.avg.bewaartermijn.Bewaartermijn;
import nl.deurwaarder.avg.bewaartermijn.Outboxmap;
import nl.deurwaarder.avg.bewaartermijn.PersoonsgegevensOpruimer;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Retention of the delivery of answers (PH-ALG-05 §6.2): when a request's period has passed, its packages leave the
 * portal store (the package itself, the hashes of link and code, the file name), the portal's access log of those
 * packages loses its (truncated) IP addresses, and the text messages of the embedded default's SMS outbox about the
 * request (phone number and code) are deleted. What stays for the register: when a package was made, sent, fetched,
 * expired, and how many attempts failed. Log lines of unknown links (no package) and SMS files older than the limit
 * are removed by {@link #ruimOpVoor}.
 */
@Component
@Order(900)
public class LeveringBewaartermijn implements PersoonsgegevensOpruimer {

  private final NamedParameterJdbcTemplate jdbc;
  private final SmsVerzender sms;

  public LeveringBewaartermijn(NamedParameterJdbcTemplate jdbc, SmsVerzender sms) {
    this.jdbc = jdbc;
    this.sms = sms;
  }

  @Override
  public int ruimOp(String referentie) {
    MapSqlParameterSource p = new MapSqlParameterSource("r", referentie).addValue("weg", Bewaartermijn.VERWIJDERD);
    int n = jdbc.update("""
        UPDATE avg_levering_toegang SET ip_adres = :weg
        WHERE ip_adres <> :weg AND levering_id IN (SELECT id FROM avg_levering WHERE referentie = :r)
        """, p);
    n += jdbc.update("""
        UPDATE avg_levering SET pakket = NULL, token_hash = NULL, code_hash = NULL, bestandsnaam = :weg
        WHERE referentie = :r AND (pakket IS NOT NULL OR token_hash IS NOT NULL OR code_hash IS NOT NULL
          OR bestandsnaam <> :weg)
        """, p);
    if (sms instanceof SmsOutbox outbox) {
      n += new Outboxmap(outbox.outbox(), ".json").ruimOp(referentie, Outboxmap::lees);
    }
    return n;
  }

  @Override
  public int ruimOpVoor(OffsetDateTime grens) {
    int n = jdbc.update("DELETE FROM avg_levering_toegang WHERE levering_id IS NULL AND moment < :grens",
        new MapSqlParameterSource("grens", grens));
    if (sms instanceof SmsOutbox outbox) {
      n += new Outboxmap(outbox.outbox(), ".json").ruimOpVoor(grens);
    }
    return n;
  }
}
