package nl.deurwaarder.avg.datalek;

import nl.deurwaarder.avg.registerhistorie.Registertabel;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Register datalekken (PH-PRO-04 §2.2): the system of record of every signal, also those judged "no breach".
 * Every change is written with who, when and what (old and new value) to {@code avg_datalek_historie}.
 */
@Repository
public class DatalekRegister {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  /** Register fields the procedure keeps current (API names; the column is the snake_case form). */
  public static final Set<String> WIJZIGBARE_VELDEN = Set.of("status", "melderNaam", "melderEmail",
      "getroffenSystemen", "getroffenGegevens", "geschatAantalBetrokkenen", "critPersoonsgegevens", "critMisbruik",
      "critBeveiliging", "criteriaUitkomst", "isDatalek", "beoordelingToelichting", "fgAdviesBeoordeling", "ernst",
      "inbreukCategorieen", "afhandelingScenario", "datalekteam", "schadebeperkendeMaatregelen", "bewijsmateriaal",
      "onderzoekAardOmvang", "impactanalyse", "corrigerendeMaatregelen", "apBesluit", "apBesluitToelichting",
      "fgAdviesAp", "apGemeld", "apMeldingOp", "apKenmerk", "apMeldingSoort", "apMeldingAangevuldOp",
      "apTeLaatReden", "betrokkenenAdviesFg", "betrokkenenGeinformeerd", "betrokkenenGeinformeerdOp",
      "betrokkenenWijze", "derdenGeinformeerd", "derdenToelichting", "afgeslotenOp", "evaluatie", "geevalueerdOp",
      "processInstanceId");

  /** Columns not shown in the API. */
  private static final Set<String> INTERN = Set.of("jaar", "volgnummer", "versie");

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;
  private final Registertabel tabel;

  public DatalekRegister(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.tabel = new Registertabel(jdbc, clock, "avg_datalek", "avg_datalek_historie",
        veld -> WIJZIGBARE_VELDEN.contains(veld) ? kolom(veld) : null);
  }

  /** Stores a new entry (status GEMELD) and its first history line; inside the caller's transaction. */
  @Transactional
  public Datalek voegToe(String referentie, int jaar, int volgnummer, NieuweDatalekmelding m,
      OffsetDateTime gemeldOp, OffsetDateTime apMeldingUiterlijk, Boolean verwerkerTijdig, String gebruiker) {
    MapSqlParameterSource p = new MapSqlParameterSource()
        .addValue("referentie", referentie).addValue("jaar", jaar).addValue("volgnummer", volgnummer)
        .addValue("ontdektOp", m.ontdektOp()).addValue("gemeldOp", gemeldOp).addValue("gemeldDoor", gebruiker)
        .addValue("melderNaam", m.melderNaam()).addValue("melderEmail", m.melderEmail())
        .addValue("bron", m.bron().name()).addValue("verwerker", m.verwerker())
        .addValue("verwerkerOntdektOp", m.verwerkerOntdektOp()).addValue("verwerkerTijdig", verwerkerTijdig)
        .addValue("omschrijving", m.omschrijving()).addValue("systemen", m.getroffenSystemen())
        .addValue("gegevens", m.getroffenGegevens()).addValue("aantal", m.geschatAantalBetrokkenen())
        .addValue("status", DatalekStatus.GEMELD.name()).addValue("uiterlijk", apMeldingUiterlijk);
    jdbc.update("""
        INSERT INTO avg_datalek (referentie, jaar, volgnummer, ontdekt_op, gemeld_op, gemeld_door, melder_naam,
          melder_email, bron, verwerker, verwerker_ontdekt_op, verwerker_tijdig, omschrijving, getroffen_systemen,
          getroffen_gegevens, geschat_aantal_betrokkenen, status, ap_melding_uiterlijk)
        VALUES (:referentie, :jaar, :volgnummer, :ontdektOp, :gemeldOp, :gemeldDoor, :melderNaam, :melderEmail,
          :bron, :verwerker, :verwerkerOntdektOp, :verwerkerTijdig, :omschrijving, :systemen, :gegevens, :aantal,
          :status, :uiterlijk)
        """, p);
    historie(referentie, gebruiker, "registratie", null, "bron " + m.bron() + ", ontdekt "
        + m.ontdektOp().toInstant() + ", AP uiterlijk " + apMeldingUiterlijk.toInstant()
        + (verwerkerTijdig == null ? "" : verwerkerTijdig ? ", verwerker meldde binnen 24 uur"
            : ", verwerker meldde NIET binnen 24 uur"));
    return haal(referentie);
  }

  public Optional<Datalek> vind(String referentie) {
    return jdbc.query(SELECT + " WHERE d.referentie = :r", Map.of("r", referentie), RIJ)
        .stream().findFirst();
  }

  public Datalek haal(String referentie) {
    return vind(referentie).orElseThrow(() -> new OnbekendDatalekException(referentie));
  }

  /** The register in order of registration, optionally one status. */
  public List<Datalek> lijst(DatalekStatus status) {
    if (status == null) {
      return jdbc.query(SELECT + " ORDER BY d.jaar, d.volgnummer", RIJ);
    }
    return jdbc.query(SELECT + " WHERE d.status = :s ORDER BY d.jaar, d.volgnummer",
        Map.of("s", status.name()), RIJ);
  }

  /** Entries discovered in [vanaf, tot). */
  public List<Datalek> ontdektTussen(OffsetDateTime vanaf, OffsetDateTime tot) {
    return jdbc.query(SELECT + " WHERE d.ontdekt_op >= :v AND d.ontdekt_op < :t ORDER BY d.ontdekt_op",
        new MapSqlParameterSource("v", vanaf).addValue("t", tot), RIJ);
  }

  /** Changes register fields (API names); one history line per field that really changed. */
  @Transactional
  public Datalek wijzig(String referentie, Map<String, ?> velden, String gebruiker) {
    tabel.wijzig(referentie, velden, gebruiker, () -> new OnbekendDatalekException(referentie));
    return haal(referentie);
  }

  public void historie(String referentie, String gebruiker, String veld, String oud, String nieuw) {
    tabel.historie(referentie, gebruiker, veld, oud, nieuw);
  }

  public List<Registertabel.Historieregel> historie(String referentie) {
    return tabel.historie(referentie);
  }

  static String kolom(String veld) {
    return veld.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
  }

  static String veld(String kolom) {
    StringBuilder s = new StringBuilder();
    boolean groot = false;
    for (char c : kolom.toLowerCase().toCharArray()) {
      if (c == '_') {
        groot = true;
      } else {
        s.append(groot ? Character.toUpperCase(c) : c);
        groot = false;
      }
    }
    return s.toString();
  }

  static OffsetDateTime odt(OffsetDateTime t) {
    return t == null ? null : t.atZoneSameInstant(AMSTERDAM).toOffsetDateTime();
  }

  /**
   * Every column, plus whether a letter of the breach (a notification to a data subject by post) still waits for a
   * person to post it ({@code avg_brief}); API and CSV field {@code verzendingWachtOpPost}, as for requests.
   */
  private static final String SELECT = "SELECT d.*, EXISTS (SELECT 1 FROM avg_brief b WHERE b.referentie = "
      + "d.referentie AND b.status = 'WACHT_OP_POST') AS verzending_wacht_op_post FROM avg_datalek d";

  static final RowMapper<Datalek> RIJ = (ResultSet rs, int i) -> {
    ResultSetMetaData md = rs.getMetaData();
    Map<String, Object> velden = new LinkedHashMap<>();
    for (int k = 1; k <= md.getColumnCount(); k++) {
      String kolom = md.getColumnLabel(k).toLowerCase();
      if (INTERN.contains(kolom)) {
        continue;
      }
      String veld = veld(kolom);
      Object waarde;
      int type = md.getColumnType(k);
      if (type == java.sql.Types.TIMESTAMP_WITH_TIMEZONE || type == java.sql.Types.TIMESTAMP) {
        waarde = odt(rs.getObject(k, OffsetDateTime.class));
      } else if (type == java.sql.Types.BOOLEAN || type == java.sql.Types.BIT) {
        boolean b = rs.getBoolean(k);
        waarde = rs.wasNull() ? null : b;
      } else if (type == java.sql.Types.INTEGER) {
        int n = rs.getInt(k);
        waarde = rs.wasNull() ? null : n;
      } else {
        waarde = rs.getString(k);
      }
      if (veld.equals("inbreukCategorieen")) {
        waarde = waarde == null ? List.of()
            : Arrays.stream(waarde.toString().split(",")).filter(s -> !s.isBlank()).toList();
      }
      velden.put(veld, waarde);
    }
    return new Datalek(velden);
  };

  static OffsetDateTime nu(Clock clock) {
    return OffsetDateTime.now(clock).atZoneSameInstant(AMSTERDAM).toOffsetDateTime();
  }
}
