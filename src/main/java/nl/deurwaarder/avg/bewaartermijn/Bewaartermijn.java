package nl.deurwaarder.avg.bewaartermijn;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.deurwaarder.avg.archief.Archief;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Retention of request data (PH-PRO-01 §7, PH-ALG-05 §6.2): 3 years after the end of the year in which the request
 * was received. A request received in year Y is due on 1 January of Y+4 (Europe/Amsterdam). Then its personal data
 * leave the register entry, its history lines, the letters table and the deviations register; its archive and the
 * Camunda history of its ended process instances are deleted. The anonymous entry (type, channel, dates, status,
 * verification result, grounds, FG advice code, way of sending) stays for trend reports. See docs/bewaartermijnen.md.
 *
 * <p>Idempotent (an entry with {@code geanonimiseerd_op} set is never touched again), in batches, one transaction per
 * entry so that one failure does not block the rest. Logs counts and reference numbers only.
 */
@Component
public class Bewaartermijn {

  private static final Logger LOG = LoggerFactory.getLogger(Bewaartermijn.class);
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final int BATCH = 100;
  static final String VERWIJDERD = "[verwijderd]";

  /**
   * History lines whose values are codes, dates or staff ids, never the data subject's data: kept. The values of
   * every other line (names, addresses, free text such as FG remarks, motivations, archive titles) are removed.
   */
  static final Set<String> ANONIEME_HISTORIEVELDEN = Set.of("registratie", "status", "behandelaar",
      "uitersteReactiedatum", "wettelijkeUitersteDatum", "verlengd", "verificatieResultaat", "afwijzingsgronden",
      "besluit", "fgAdvies", "verzondenOp", "verzendwijze", "uitgevoerdOp", "processInstanceId", "afgeslotenOp");

  /** What one run did. */
  public record Resultaat(int geanonimiseerd, int mislukt, int archiefstukken, int procesHistorie,
      int lopendeProcessen) {
  }

  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate transactie;
  private final Archief archief;
  private final HistoryService historyService;
  private final Clock clock;

  public Bewaartermijn(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactie, Archief archief,
      HistoryService historyService, Clock clock) {
    this.jdbc = jdbc;
    this.transactie = transactie;
    this.archief = archief;
    this.historyService = historyService;
    this.clock = clock;
  }

  /** Nightly (default 00:30 Amsterdam, so entries due on 1 January go that same night). */
  @Scheduled(cron = "${avg.bewaartermijn.cron:0 30 0 * * *}", zone = "Europe/Amsterdam")
  public void nachtelijks() {
    voerUit();
    voerUitDatalekken();
  }

  /** Received before this moment → due now: 1 January 00:00 Amsterdam of (current year − 3). */
  OffsetDateTime grens() {
    int jaar = LocalDate.now(clock.withZone(AMSTERDAM)).getYear();
    return LocalDate.of(jaar - 3, 1, 1).atStartOfDay(AMSTERDAM).toOffsetDateTime();
  }

  /** Anonymises every due entry; callable from tests and by an administrator. */
  public Resultaat voerUit() {
    OffsetDateTime grens = grens();
    int geanonimiseerd = 0;
    int mislukt = 0;
    int stukken = 0;
    int historie = 0;
    int lopend = 0;
    String vanaf = "";
    while (true) {
      List<String> batch = jdbc.queryForList("""
          SELECT referentie FROM avg_verzoek
          WHERE geanonimiseerd_op IS NULL AND ontvangen_op < :grens AND referentie > :vanaf
          ORDER BY referentie FETCH FIRST %d ROWS ONLY
          """.formatted(BATCH), new MapSqlParameterSource("grens", grens).addValue("vanaf", vanaf), String.class);
      if (batch.isEmpty()) {
        break;
      }
      for (String referentie : batch) {
        try {
          Resultaat r = transactie.execute(status -> anonimiseer(referentie, grens));
          if (r != null) {
            geanonimiseerd += r.geanonimiseerd();
            stukken += r.archiefstukken();
            historie += r.procesHistorie();
            lopend += r.lopendeProcessen();
            if (r.lopendeProcessen() > 0) {
              LOG.warn("Bewaartermijn {}: {} procesinstantie(s) lopen nog; hun historie blijft tot ze eindigen",
                  referentie, r.lopendeProcessen());
            }
          }
        } catch (RuntimeException e) {
          mislukt++;
          LOG.error("Bewaartermijn {}: anonimiseren mislukt ({})", referentie, e.getClass().getSimpleName());
        }
      }
      vanaf = batch.get(batch.size() - 1);
    }
    Resultaat resultaat = new Resultaat(geanonimiseerd, mislukt, stukken, historie, lopend);
    LOG.info("Bewaartermijn verzoeken (ontvangen voor {}): {} geanonimiseerd, {} mislukt, {} archiefstukken en {} "
        + "procesinstanties verwijderd, {} nog lopend", grens.toLocalDate(), geanonimiseerd, mislukt, stukken,
        historie, lopend);
    return resultaat;
  }

  /** One entry, in the caller's transaction. */
  Resultaat anonimiseer(String referentie, OffsetDateTime grens) {
    MapSqlParameterSource p = new MapSqlParameterSource("r", referentie).addValue("grens", grens)
        .addValue("nu", OffsetDateTime.now(clock)).addValue("weg", VERWIJDERD);
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
      return null; // done by another node meanwhile
    }
    jdbc.update("""
        UPDATE avg_verzoek_historie SET
          oude_waarde = CASE WHEN oude_waarde IS NULL THEN NULL ELSE :weg END,
          nieuwe_waarde = CASE WHEN nieuwe_waarde IS NULL THEN NULL ELSE :weg END
        WHERE referentie = :r AND veld NOT IN (:anoniem)
        """, p.addValue("anoniem", ANONIEME_HISTORIEVELDEN));
    jdbc.update("UPDATE avg_brief SET ontvanger_naam = NULL, ontvanger_email = NULL, onderwerp = :weg"
        + " WHERE referentie = :r", p);
    jdbc.update("UPDATE avg_afwijking_fg_advies SET fg_toelichting = CASE WHEN fg_toelichting IS NULL THEN NULL"
        + " ELSE :weg END, afwijking_motivering = :weg WHERE referentie = :r", p);
    int stukken = archief.verwijderAlles(referentie);

    List<HistoricProcessInstance> instanties = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(referentie).list();
    List<String> beeindigd = instanties.stream().filter(i -> i.getEndTime() != null)
        .map(HistoricProcessInstance::getId).toList();
    if (!beeindigd.isEmpty()) {
      historyService.deleteHistoricProcessInstancesIfExists(beeindigd);
    }
    int lopend = instanties.size() - beeindigd.size();
    return new Resultaat(1, 0, stukken, beeindigd.size(), lopend);
  }

  /**
   * History lines of the Register datalekken whose values are codes, dates, numbers or the AP's reference: kept for
   * trend analysis. Every other line (descriptions, measures, advice, names) loses its values.
   */
  static final Set<String> ANONIEME_DATALEKVELDEN = Set.of("registratie", "status", "geschatAantalBetrokkenen",
      "critPersoonsgegevens", "critMisbruik", "critBeveiliging", "criteriaUitkomst", "isDatalek", "ernst",
      "inbreukCategorieen", "apBesluit", "apGemeld", "apMeldingOp", "apKenmerk", "apMeldingSoort",
      "apMeldingAangevuldOp", "betrokkenenGeinformeerd", "betrokkenenGeinformeerdOp", "derdenGeinformeerd",
      "afgeslotenOp", "geevalueerdOp", "processInstanceId");

  /**
   * Retention of breach entries (PH-ALG-05 §6.3: 3 years), counted like requests: from the end of the year in which
   * the breach was discovered, so a breach discovered in year Y is anonymised on 1 January of Y+4. The free text
   * (description, systems and data, measures, judgement, advice, evaluation), the reporter's name, e-mail and user
   * id, the letters' addressees and the archive go; the anonymous entry (dates, source, processor, counts, criteria,
   * class, categories, AP notification, yes/no answers) stays for the trend analysis. Returns the number anonymised.
   */
  public int voerUitDatalekken() {
    OffsetDateTime grens = grens();
    List<String> refs = jdbc.queryForList("SELECT referentie FROM avg_datalek WHERE geanonimiseerd_op IS NULL"
        + " AND ontdekt_op < :grens ORDER BY referentie", Map.of("grens", grens), String.class);
    int n = 0;
    for (String referentie : refs) {
      try {
        Integer r = transactie.execute(status -> anonimiseerDatalek(referentie, grens));
        n += r == null ? 0 : r;
      } catch (RuntimeException e) {
        LOG.error("Bewaartermijn {}: anonimiseren mislukt ({})", referentie, e.getClass().getSimpleName());
      }
    }
    LOG.info("Bewaartermijn datalekken (ontdekt voor {}): {} geanonimiseerd", grens.toLocalDate(), n);
    return n;
  }

  int anonimiseerDatalek(String referentie, OffsetDateTime grens) {
    MapSqlParameterSource p = new MapSqlParameterSource("r", referentie).addValue("grens", grens)
        .addValue("nu", OffsetDateTime.now(clock)).addValue("weg", VERWIJDERD);
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
      return 0;
    }
    jdbc.update("""
        UPDATE avg_datalek_historie SET
          oude_waarde = CASE WHEN oude_waarde IS NULL THEN NULL ELSE :weg END,
          nieuwe_waarde = CASE WHEN nieuwe_waarde IS NULL THEN NULL ELSE :weg END
        WHERE referentie = :r AND veld NOT IN (:anoniem)
        """, p.addValue("anoniem", ANONIEME_DATALEKVELDEN));
    jdbc.update("UPDATE avg_brief SET ontvanger_naam = NULL, ontvanger_email = NULL, onderwerp = :weg"
        + " WHERE referentie = :r", p);
    archief.verwijderAlles(referentie);
    List<String> beeindigd = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(referentie).finished().list().stream().map(HistoricProcessInstance::getId)
        .toList();
    if (!beeindigd.isEmpty()) {
      historyService.deleteHistoricProcessInstancesIfExists(beeindigd);
    }
    return 1;
  }

  /** For tests and reports: the number of entries that are due but not yet anonymised. */
  public int aantalOpenstaand() {
    Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM avg_verzoek WHERE geanonimiseerd_op IS NULL"
        + " AND ontvangen_op < :grens", Map.of("grens", grens()), Integer.class);
    return n == null ? 0 : n;
  }
}
