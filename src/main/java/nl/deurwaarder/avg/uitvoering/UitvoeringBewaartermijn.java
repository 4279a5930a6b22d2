package nl.deurwaarder.avg.uitvoering;

import java.time.OffsetDateTime;
import java.util.List;
import nl.deurwaarder.avg.bewaartermijn.Bewaartermijn;
import nl.deurwaarder.avg.bewaartermijn.PersoonsgegevensOpruimer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Retention of the uitvoeringsregister (PH-PRO-05 §5.5/§7.1, PH-PRO-06 §5.3, PH-PRO-07) and the art. 19 recipients:
 * <ul>
 *   <li>per request: the dossier number, the description of the data and the restriction's reason and end condition
 *   of every execution row go, so do the remarks made when it was applied again after a restore; the recipients'
 *   names, e-mail and postal addresses go. Kept: kind, system, dates, staff ids, status (proof that and when it was
 *   done, and that the recipients were informed);</li>
 *   <li>restores after a backup (no reference, no business key): a restore started before the limit loses its
 *   free-text explanation, and the Camunda history of its ended "Herstel na back-up" process is deleted.</li>
 * </ul>
 */
@Component
@Order(30)
public class UitvoeringBewaartermijn implements PersoonsgegevensOpruimer {

  private final NamedParameterJdbcTemplate jdbc;
  private final HistoryService historyService;

  public UitvoeringBewaartermijn(NamedParameterJdbcTemplate jdbc, HistoryService historyService) {
    this.jdbc = jdbc;
    this.historyService = historyService;
  }

  @Override
  public int ruimOp(String referentie) {
    MapSqlParameterSource p = new MapSqlParameterSource("r", referentie).addValue("weg", Bewaartermijn.VERWIJDERD);
    int n = jdbc.update("""
        UPDATE avg_heruitvoering SET opmerking = NULL
        WHERE opmerking IS NOT NULL AND uitvoering_id IN (SELECT id FROM avg_uitvoering WHERE referentie = :r)
        """, p);
    n += jdbc.update("""
        UPDATE avg_uitvoering SET dossiernummer = :weg, omschrijving = :weg, beperking_reden = NULL,
          beperking_einde = NULL
        WHERE referentie = :r AND (dossiernummer <> :weg OR omschrijving <> :weg OR beperking_reden IS NOT NULL
          OR beperking_einde IS NOT NULL)
        """, p);
    n += jdbc.update("""
        UPDATE avg_ontvanger SET naam = :weg, email = NULL, adres = NULL
        WHERE referentie = :r AND (naam <> :weg OR email IS NOT NULL OR adres IS NOT NULL)
        """, p);
    return n;
  }

  @Override
  public int ruimOpVoor(OffsetDateTime grens) {
    List<String> processen = jdbc.queryForList("""
        SELECT process_instance_id FROM avg_herstel
        WHERE gestart_op < :grens AND process_instance_id IS NOT NULL
        """, new MapSqlParameterSource("grens", grens), String.class);
    List<String> beeindigd = processen.isEmpty() ? List.of()
        : historyService.createHistoricProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(processen))
            .finished().list().stream().map(HistoricProcessInstance::getId).toList();
    if (!beeindigd.isEmpty()) {
      historyService.deleteHistoricProcessInstancesIfExists(beeindigd);
    }
    return beeindigd.size() + jdbc.update("UPDATE avg_herstel SET toelichting = NULL WHERE gestart_op < :grens"
        + " AND toelichting IS NOT NULL", new MapSqlParameterSource("grens", grens));
  }
}
