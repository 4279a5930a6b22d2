package nl.deurwaarder.avg.datalek;

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
 * Retention of the Register datalekken (PH-ALG-05 §6.3: 3 years), counted like requests: a breach discovered in year
 * Y is anonymised on 1 January of Y+4. The free text (description, systems and data, measures, judgement, advice,
 * evaluation) and the reporter's name, e-mail and user id go; the anonymous entry (dates, source, processor, counts,
 * criteria, class, categories, AP notification, yes/no answers) stays for the trend analysis.
 */
@Component
@Order(2)
public class DatalekBewaartermijn implements Bewaarregister {

  /**
   * History lines whose values are codes, dates, numbers or the AP's reference: kept for trend analysis. Every other
   * line (descriptions, measures, advice, names) loses its values.
   */
  public static final Set<String> ANONIEME_DATALEKVELDEN = Set.of("registratie", "status",
      "geschatAantalBetrokkenen", "critPersoonsgegevens", "critMisbruik", "critBeveiliging", "criteriaUitkomst",
      "isDatalek", "ernst", "inbreukCategorieen", "apBesluit", "apGemeld", "apMeldingOp", "apKenmerk",
      "apMeldingSoort", "apMeldingAangevuldOp", "betrokkenenGeinformeerd", "betrokkenenGeinformeerdOp",
      "derdenGeinformeerd", "afgeslotenOp", "geevalueerdOp", "processInstanceId");

  private final NamedParameterJdbcTemplate jdbc;

  public DatalekBewaartermijn(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String naam() {
    return "datalekken";
  }

  @Override
  public List<String> teAnonimiseren(OffsetDateTime grens, String vanaf, int aantal) {
    return jdbc.queryForList("""
        SELECT referentie FROM avg_datalek
        WHERE geanonimiseerd_op IS NULL AND ontdekt_op < :grens AND referentie > :vanaf
        ORDER BY referentie FETCH FIRST %d ROWS ONLY
        """.formatted(aantal), new MapSqlParameterSource("grens", grens).addValue("vanaf", vanaf), String.class);
  }

  @Override
  public boolean anonimiseer(String referentie, OffsetDateTime grens, OffsetDateTime nu) {
    MapSqlParameterSource p = new MapSqlParameterSource("r", referentie).addValue("grens", grens)
        .addValue("nu", nu).addValue("weg", Bewaartermijn.VERWIJDERD);
    int n = jdbc.update("""
        UPDATE avg_datalek SET
          gemeld_door = NULL, melder_naam = NULL, melder_email = NULL, omschrijving = NULL, getroffen_systemen = NULL,
          getroffen_gegevens = NULL, beoordeling_toelichting = NULL, fg_advies_beoordeling = NULL,
          afhandeling_scenario = NULL, datalekteam = NULL, schadebeperkende_maatregelen = NULL,
          bewijsmateriaal = NULL, onderzoek_aard_omvang = NULL, impactanalyse = NULL,
          corrigerende_maatregelen = NULL, ap_besluit_toelichting = NULL, fg_advies_ap = NULL,
          ap_te_laat_reden = NULL, betrokkenen_advies_fg = NULL, betrokkenen_wijze = NULL,
          derden_toelichting = NULL, evaluatie = NULL, geanonimiseerd_op = :nu, versie = versie + 1
        WHERE referentie = :r AND geanonimiseerd_op IS NULL AND ontdekt_op < :grens
        """, p);
    if (n == 0) {
      return false;
    }
    jdbc.update("""
        UPDATE avg_datalek_historie SET
          oude_waarde = CASE WHEN oude_waarde IS NULL THEN NULL ELSE :weg END,
          nieuwe_waarde = CASE WHEN nieuwe_waarde IS NULL THEN NULL ELSE :weg END
        WHERE referentie = :r AND veld NOT IN (:anoniem)
        """, p.addValue("anoniem", ANONIEME_DATALEKVELDEN));
    return true;
  }

  @Override
  public int aantalOpenstaand(OffsetDateTime grens) {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM avg_datalek WHERE geanonimiseerd_op IS NULL"
        + " AND ontdekt_op < :grens", Map.of("grens", grens), Integer.class);
    return n == null ? 0 : n;
  }
}
