package nl.deurwaarder.avg.verzoek;

import nl.deurwaarder.avg.registerhistorie.Registertabel;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Register AVG-verzoeken: the system of record of every request. Every change is written with who, when and
 * what (old and new value) to {@code avg_verzoek_historie}, so the office can prove its handling to the AP.
 */
@Repository
public class VerzoekRegister {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  /** The fields the processes keep current: API name → column. */
  public static final Map<String, String> WIJZIGBARE_VELDEN = Map.ofEntries(
      Map.entry("status", "status"),
      Map.entry("behandelaar", "behandelaar"),
      Map.entry("uitersteReactiedatum", "uiterste_reactiedatum"),
      Map.entry("wettelijkeUitersteDatum", "wettelijke_uiterste_datum"),
      Map.entry("verlengd", "verlengd"),
      Map.entry("verlengingMotivering", "verlenging_motivering"),
      Map.entry("verificatieResultaat", "verificatie_resultaat"),
      Map.entry("verificatieMethode", "verificatie_methode"),
      Map.entry("afwijzingsgronden", "afwijzingsgronden"),
      Map.entry("besluit", "besluit"),
      Map.entry("fgAdvies", "fg_advies"),
      Map.entry("fgToelichting", "fg_toelichting"),
      Map.entry("afwijkingMotivering", "afwijking_motivering"),
      Map.entry("hoedanigheden", "hoedanigheden"),
      Map.entry("art15Verwerkingen", "art15_verwerkingen"),
      Map.entry("art15Registerversie", "art15_registerversie"),
      Map.entry("verzondenOp", "verzonden_op"),
      Map.entry("verzendwijze", "verzendwijze"),
      Map.entry("opgehaaldOp", "opgehaald_op"),
      Map.entry("uitgevoerdOp", "uitgevoerd_op"),
      Map.entry("betrokkeneDossiernummer", "betrokkene_dossiernummer"),
      Map.entry("processInstanceId", "process_instance_id"),
      Map.entry("afgeslotenOp", "afgesloten_op"),
      Map.entry("verwerker", "verwerker"),
      Map.entry("verwerkerOntvangenOp", "verwerker_ontvangen_op"),
      Map.entry("verwerkerTijdig", "verwerker_tijdig"));

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;
  private final Registertabel tabel;
  private final FgAdviezen fgAdviezen;

  public VerzoekRegister(NamedParameterJdbcTemplate jdbc, Clock clock, FgAdviezen fgAdviezen) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.fgAdviezen = fgAdviezen;
    this.tabel = new Registertabel(jdbc, clock, "avg_verzoek", "avg_verzoek_historie", WIJZIGBARE_VELDEN::get);
  }

  /** Stores a new entry (status ONTVANGEN) and its first history line. */
  @Transactional
  public Verzoek voegToe(String referentie, int jaar, int volgnummer, NieuwVerzoek nieuw, LocalDate uiterste,
      LocalDate wettelijk, String mogelijkHerhaaldVan, String gebruiker) {
    Betrokkene b = nieuw.betrokkene();
    Verzoeker v = nieuw.verzoeker();
    MapSqlParameterSource p = new MapSqlParameterSource()
        .addValue("referentie", referentie).addValue("jaar", jaar).addValue("volgnummer", volgnummer)
        .addValue("verzoekType", nieuw.verzoekType().name()).addValue("kanaal", nieuw.kanaal().name())
        .addValue("ontvangenOp", nieuw.ontvangenOp()).addValue("geregistreerdOp", OffsetDateTime.now(clock))
        .addValue("geregistreerdDoor", gebruiker)
        .addValue("naam", b.naam()).addValue("email", b.email()).addValue("adres", b.adres())
        .addValue("geboortedatum", b.geboortedatum()).addValue("dossiernummer", b.dossiernummer())
        .addValue("telefoon", b.telefoon())
        .addValue("rol", nieuw.verzoekerRol().name())
        .addValue("vNaam", v == null ? null : v.naam()).addValue("vEmail", v == null ? null : v.email())
        .addValue("vOrganisatie", v == null ? null : v.organisatie())
        .addValue("omschrijving", nieuw.omschrijving()).addValue("status", VerzoekStatus.ONTVANGEN.name())
        .addValue("uiterste", uiterste).addValue("wettelijk", wettelijk).addValue("herhaald", mogelijkHerhaaldVan);
    jdbc.update("""
        INSERT INTO avg_verzoek (referentie, jaar, volgnummer, verzoek_type, kanaal, ontvangen_op, geregistreerd_op,
          geregistreerd_door, betrokkene_naam, betrokkene_email, betrokkene_adres, betrokkene_geboortedatum,
          betrokkene_dossiernummer, betrokkene_telefoon, verzoeker_rol, verzoeker_naam, verzoeker_email, verzoeker_organisatie,
          omschrijving, status, uiterste_reactiedatum, wettelijke_uiterste_datum, mogelijk_herhaald_van)
        VALUES (:referentie, :jaar, :volgnummer, :verzoekType, :kanaal, :ontvangenOp, :geregistreerdOp,
          :geregistreerdDoor, :naam, :email, :adres, :geboortedatum, :dossiernummer, :telefoon, :rol, :vNaam, :vEmail,
          :vOrganisatie, :omschrijving, :status, :uiterste, :wettelijk, :herhaald)
        """, p);
    historie(referentie, gebruiker, "registratie", null,
        nieuw.verzoekType() + " via " + nieuw.kanaal() + ", termijn " + uiterste);
    return vind(referentie).orElseThrow();
  }

  public Optional<Verzoek> vind(String referentie) {
    return jdbc.query(SELECT + " WHERE referentie = :r", Map.of("r", referentie), RIJ)
        .stream().findFirst().map(v -> v.metFgAdviezen(fgAdviezen.lijst(referentie)));
  }

  public Verzoek haal(String referentie) {
    return vind(referentie).orElseThrow(() -> new OnbekendVerzoekException(referentie));
  }

  /** The register, optionally filtered, in order of registration. */
  public List<Verzoek> lijst(VerzoekStatus status, VerzoekType type) {
    StringBuilder sql = new StringBuilder(SELECT + " WHERE 1 = 1");
    MapSqlParameterSource p = new MapSqlParameterSource();
    if (status != null) {
      sql.append(" AND status = :status");
      p.addValue("status", status.name());
    }
    if (type != null) {
      sql.append(" AND verzoek_type = :type");
      p.addValue("type", type.name());
    }
    sql.append(" ORDER BY jaar, volgnummer");
    Map<String, List<FgAdvies>> adviezen = fgAdviezen.allePerVerzoek();
    return jdbc.query(sql.toString(), p, RIJ).stream()
        .map(v -> v.metFgAdviezen(adviezen.getOrDefault(v.referentie(), List.of()))).toList();
  }

  /**
   * Earlier requests of the same type by the same data subject received within 3 months before {@code ontvangenOp}
   * (PH-PRO-01 §4: a repeated identical request is a ground for rejection; the coordinator decides).
   */
  public Optional<String> mogelijkHerhaald(NieuwVerzoek nieuw) {
    Betrokkene b = nieuw.betrokkene();
    OffsetDateTime vanaf = nieuw.ontvangenOp().atZoneSameInstant(AMSTERDAM).minusMonths(3).toOffsetDateTime();
    MapSqlParameterSource p = new MapSqlParameterSource()
        .addValue("type", nieuw.verzoekType().name()).addValue("vanaf", vanaf).addValue("tot", nieuw.ontvangenOp())
        .addValue("naam", leeg(b.naam()) ? "" : b.naam().trim().toLowerCase());
    List<String> zelfdePersoon = new ArrayList<>();
    if (!leeg(b.email())) {
      zelfdePersoon.add("LOWER(betrokkene_email) = :email");
      p.addValue("email", b.email().trim().toLowerCase());
    }
    if (!leeg(b.dossiernummer()) && !leeg(b.naam())) {
      zelfdePersoon.add("(LOWER(betrokkene_dossiernummer) = :dossier AND LOWER(betrokkene_naam) = :naam)");
      p.addValue("dossier", b.dossiernummer().trim().toLowerCase());
    }
    if (b.geboortedatum() != null && !leeg(b.naam())) {
      zelfdePersoon.add("(betrokkene_geboortedatum = :geboortedatum AND LOWER(betrokkene_naam) = :naam)");
      p.addValue("geboortedatum", b.geboortedatum());
    }
    if (zelfdePersoon.isEmpty()) {
      return Optional.empty();
    }
    List<String> refs = jdbc.queryForList("SELECT referentie FROM avg_verzoek WHERE verzoek_type = :type"
        + " AND ontvangen_op >= :vanaf AND ontvangen_op <= :tot AND geanonimiseerd_op IS NULL AND ("
        + String.join(" OR ", zelfdePersoon) + ") ORDER BY ontvangen_op DESC", p, String.class);
    return refs.stream().findFirst();
  }

  private static boolean leeg(String s) {
    return s == null || s.isBlank();
  }

  /**
   * Changes register fields (API names, see {@link #WIJZIGBARE_VELDEN}); writes one history line per field that
   * really changed. Returns the changed entry.
   */
  @Transactional
  public Verzoek wijzig(String referentie, Map<String, ?> velden, String gebruiker) {
    tabel.wijzig(referentie, velden, gebruiker, () -> new OnbekendVerzoekException(referentie));
    return haal(referentie);
  }

  public void historie(String referentie, String gebruiker, String veld, String oud, String nieuw) {
    tabel.historie(referentie, gebruiker, veld, oud, nieuw);
  }

  public List<Registertabel.Historieregel> historie(String referentie) {
    return tabel.historie(referentie);
  }

  static OffsetDateTime odt(ResultSet rs, String kolom) throws SQLException {
    OffsetDateTime t = rs.getObject(kolom, OffsetDateTime.class);
    return t == null ? null : t.atZoneSameInstant(AMSTERDAM).toOffsetDateTime();
  }

  private static LocalDate datum(ResultSet rs, String kolom) throws SQLException {
    return rs.getObject(kolom, LocalDate.class);
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String waarde) {
    return waarde == null ? null : Enum.valueOf(type, waarde);
  }

  /** A list column (comma-separated, see Registertabel.dbWaarde). */
  private static List<String> lijst(String kolom) {
    return kolom == null ? List.of() : Arrays.stream(kolom.split(",")).filter(s -> !s.isBlank()).toList();
  }

  /** Every column, plus whether a letter of the request still waits for a person to post it (avg_brief). */
  private static final String SELECT = "SELECT v.*, EXISTS (SELECT 1 FROM avg_brief b WHERE b.referentie = "
      + "v.referentie AND b.status = 'WACHT_OP_POST') AS verzending_wacht_op_post FROM avg_verzoek v";

  static final RowMapper<Verzoek> RIJ = (rs, i) -> new Verzoek(
      rs.getString("referentie"),
      enumOf(VerzoekType.class, rs.getString("verzoek_type")),
      enumOf(Kanaal.class, rs.getString("kanaal")),
      odt(rs, "ontvangen_op"),
      odt(rs, "geregistreerd_op"),
      rs.getString("geregistreerd_door"),
      new Betrokkene(rs.getString("betrokkene_naam"), rs.getString("betrokkene_email"),
          rs.getString("betrokkene_adres"), datum(rs, "betrokkene_geboortedatum"),
          rs.getString("betrokkene_dossiernummer"), rs.getString("betrokkene_telefoon")),
      enumOf(VerzoekerRol.class, rs.getString("verzoeker_rol")),
      rs.getString("verzoeker_naam"),
      rs.getString("verzoeker_email"),
      rs.getString("verzoeker_organisatie"),
      rs.getString("omschrijving"),
      rs.getString("behandelaar"),
      enumOf(VerzoekStatus.class, rs.getString("status")),
      datum(rs, "uiterste_reactiedatum"),
      datum(rs, "wettelijke_uiterste_datum"),
      rs.getBoolean("verlengd"),
      rs.getString("verlenging_motivering"),
      rs.getString("verificatie_resultaat"),
      rs.getString("verificatie_methode"),
      lijst(rs.getString("afwijzingsgronden")),
      rs.getString("besluit"),
      rs.getString("fg_advies"),
      rs.getString("fg_toelichting"),
      rs.getString("afwijking_motivering"),
      List.of(),
      lijst(rs.getString("hoedanigheden")),
      lijst(rs.getString("art15_verwerkingen")),
      rs.getObject("art15_registerversie") == null ? null : rs.getInt("art15_registerversie"),
      odt(rs, "verzonden_op"),
      rs.getString("verzendwijze"),
      odt(rs, "opgehaald_op"),
      datum(rs, "uitgevoerd_op"),
      rs.getString("mogelijk_herhaald_van"),
      rs.getString("process_instance_id"),
      odt(rs, "afgesloten_op"),
      odt(rs, "geanonimiseerd_op"),
      rs.getBoolean("verzending_wacht_op_post"),
      rs.getString("verwerker"),
      odt(rs, "verwerker_ontvangen_op"),
      (Boolean) rs.getObject("verwerker_tijdig"));
}
