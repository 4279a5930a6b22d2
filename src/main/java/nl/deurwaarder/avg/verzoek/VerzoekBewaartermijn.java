package nl.deurwaarder.avg.verzoek;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.deurwaarder.avg.bewaartermijn.Bewaarregister;
import nl.deurwaarder.avg.bewaartermijn.Bewaartermijn;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Retention of the Register AVG-verzoeken (PH-PRO-01 §7, PH-ALG-05 §6.2): a request received in year Y is anonymised
 * on 1 January of Y+4. The personal data leave the entry and its history lines; the anonymous entry (type, channel,
 * role, dates, status, verification result, grounds, FG advice code, way of sending) stays for trend reports.
 */
@Component
@Order(1)
public class VerzoekBewaartermijn implements Bewaarregister {

  /**
   * History lines whose values are codes, dates or staff ids, never the data subject's data: kept. The values of
   * every other line (names, addresses, free text such as FG remarks, motivations, archive titles) are removed.
   */
  public static final Set<String> ANONIEME_HISTORIEVELDEN = Set.of("registratie", "status", "behandelaar",
      "uitersteReactiedatum", "wettelijkeUitersteDatum", "verlengd", "verificatieResultaat", "afwijzingsgronden",
      "besluit", "fgAdvies", "verzondenOp", "verzendwijze", "uitgevoerdOp", "processInstanceId", "afgeslotenOp",
      "fgAdviezen", "hoedanigheden", "art15Verwerkingen", "art15Registerversie");

  private final NamedParameterJdbcTemplate jdbc;

  public VerzoekBewaartermijn(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String naam() {
    return "verzoeken";
  }

  @Override
  public List<String> teAnonimiseren(OffsetDateTime grens, String vanaf, int aantal) {
    return jdbc.queryForList("""
        SELECT referentie FROM avg_verzoek
        WHERE geanonimiseerd_op IS NULL AND ontvangen_op < :grens AND referentie > :vanaf
        ORDER BY referentie FETCH FIRST %d ROWS ONLY
        """.formatted(aantal), new MapSqlParameterSource("grens", grens).addValue("vanaf", vanaf), String.class);
  }

  @Override
  public boolean anonimiseer(String referentie, OffsetDateTime grens, OffsetDateTime nu) {
    MapSqlParameterSource p = new MapSqlParameterSource("r", referentie).addValue("grens", grens)
        .addValue("nu", nu).addValue("weg", Bewaartermijn.VERWIJDERD);
    int n = jdbc.update("""
        UPDATE avg_verzoek SET
          betrokkene_naam = NULL, betrokkene_email = NULL, betrokkene_adres = NULL, betrokkene_geboortedatum = NULL,
          betrokkene_dossiernummer = NULL, betrokkene_telefoon = NULL, verzoeker_naam = NULL, verzoeker_email = NULL,
          verzoeker_organisatie = NULL, omschrijving = NULL, verlenging_motivering = NULL,
          verificatie_methode = NULL, fg_toelichting = NULL, afwijking_motivering = NULL,
          geanonimiseerd_op = :nu, versie = versie + 1
        WHERE referentie = :r AND geanonimiseerd_op IS NULL AND ontvangen_op < :grens
        """, p);
    if (n == 0) {
      return false;
    }
    jdbc.update("""
        UPDATE avg_verzoek_historie SET
          oude_waarde = CASE WHEN oude_waarde IS NULL THEN NULL ELSE :weg END,
          nieuwe_waarde = CASE WHEN nieuwe_waarde IS NULL THEN NULL ELSE :weg END
        WHERE referentie = :r AND veld NOT IN (:anoniem)
        """, p.addValue("anoniem", ANONIEME_HISTORIEVELDEN));
    return true;
  }

  @Override
  public int aantalOpenstaand(OffsetDateTime grens) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM avg_verzoek WHERE geanonimiseerd_op IS NULL"
        + " AND ontvangen_op < :grens", Map.of("grens", grens), Integer.class);
    return n == null ? 0 : n;
  }
}
