package nl.deurwaarder.avg.verwerkingsregister;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The tables of the verwerkingsregister (V7): the register as last published, the published versions (JSON), and the
 * drafts. Only {@link Verwerkingsregister} writes the register tables, and only when it publishes.
 */
@Repository
public class VerwerkingsregisterOpslag {

  static final String SCHEIDING = "; ";

  private final NamedParameterJdbcTemplate jdbc;

  public VerwerkingsregisterOpslag(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // ---------------------------------------------------------------- the register as last published (relational)

  public List<GezamenlijkeVerantwoordelijke> gezamenlijk() {
    return jdbc.query("SELECT * FROM avg_vwr_gezamenlijk ORDER BY volgorde", Map.of(),
        (rs, i) -> new GezamenlijkeVerantwoordelijke(rs.getString("code"), rs.getString("naam"),
            rs.getString("omschrijving"), rs.getString("contact")));
  }

  /** Sections → processes → processings → data types, in the order of the process model. */
  public List<Sectie> secties() {
    Map<String, List<Gegevenstype>> typen = new LinkedHashMap<>();
    jdbc.query("SELECT * FROM avg_vwr_gegevenstype ORDER BY verwerking_code, volgorde", Map.of(), rs -> {
      typen.computeIfAbsent(rs.getString("verwerking_code"), k -> new ArrayList<>()).add(gegevenstype(rs));
    });
    Map<String, List<Verwerking>> verwerkingen = new LinkedHashMap<>();
    jdbc.query("SELECT * FROM avg_vwr_verwerking ORDER BY proces_code, volgorde", Map.of(), rs -> {
      verwerkingen.computeIfAbsent(rs.getString("proces_code"), k -> new ArrayList<>())
          .add(verwerking(rs, typen.getOrDefault(rs.getString("code"), List.of())));
    });
    Map<String, List<Proces>> processen = new LinkedHashMap<>();
    jdbc.query("SELECT * FROM avg_vwr_proces ORDER BY sectie_code, volgorde", Map.of(), rs -> {
      processen.computeIfAbsent(rs.getString("sectie_code"), k -> new ArrayList<>())
          .add(new Proces(rs.getString("code"), rs.getString("naam"),
              verwerkingen.getOrDefault(rs.getString("code"), List.of())));
    });
    return jdbc.query("SELECT * FROM avg_vwr_sectie ORDER BY volgorde", Map.of(),
        (rs, i) -> new Sectie(rs.getString("code"), rs.getString("naam"),
            processen.getOrDefault(rs.getString("code"), List.of())));
  }

  public boolean procesBestaat(String procesCode) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM avg_vwr_proces WHERE code = :c", Map.of("c", procesCode),
        Integer.class) > 0;
  }

  /** Inserts or replaces a processing with all its data types. */
  public void schrijf(Verwerking v) {
    MapSqlParameterSource p = new MapSqlParameterSource()
        .addValue("code", v.code()).addValue("proces", v.procesCode()).addValue("naam", v.naam())
        .addValue("doeleind", v.doeleind()).addValue("grondslag", v.grondslag().name())
        .addValue("toelichting", v.grondslagToelichting())
        .addValue("art9", v.art9Uitzondering() == null ? null : v.art9Uitzondering().name())
        .addValue("bedrijfsvoering", v.bedrijfsvoering()).addValue("eigenaar", v.eigenaar())
        .addValue("betrokkenen", String.join(SCHEIDING, v.categorieenBetrokkenen()))
        .addValue("ontvangers", String.join(SCHEIDING, v.categorieenOntvangers()))
        .addValue("termijn", v.bewaartermijn().tekst()).addValue("periode", leegNull(v.bewaartermijn().periode()))
        .addValue("aanvang", v.bewaartermijn().aanvang()).addValue("bron", v.bewaartermijn().bron())
        .addValue("doorgifte", leegNull(v.doorgifteBuitenEer())).addValue("doorgifteGrondslag",
            leegNull(v.doorgifteGrondslag()))
        .addValue("beveiliging", v.beveiliging()).addValue("hoogRisico", v.hoogRisico())
        .addValue("gezamenlijk", v.gezamenlijkeVerantwoordelijken().isEmpty() ? null
            : String.join(";", v.gezamenlijkeVerantwoordelijken()));
    jdbc.update("DELETE FROM avg_vwr_gegevenstype WHERE verwerking_code = :code", p);
    int bijgewerkt = jdbc.update("""
        UPDATE avg_vwr_verwerking SET proces_code = :proces, naam = :naam, doeleind = :doeleind, grondslag = :grondslag,
          grondslag_toelichting = :toelichting, art9_uitzondering = :art9, bedrijfsvoering = :bedrijfsvoering,
          eigenaar = :eigenaar, categorieen_betrokkenen = :betrokkenen, categorieen_ontvangers = :ontvangers,
          bewaartermijn = :termijn, bewaartermijn_periode = :periode, bewaartermijn_aanvang = :aanvang,
          bewaartermijn_bron = :bron, doorgifte_buiten_eer = :doorgifte, doorgifte_grondslag = :doorgifteGrondslag,
          beveiliging = :beveiliging, hoog_risico = :hoogRisico, gezamenlijk = :gezamenlijk
        WHERE code = :code
        """, p);
    if (bijgewerkt == 0) {
      Integer volgorde = jdbc.queryForObject(
          "SELECT COALESCE(MAX(volgorde), 0) + 1 FROM avg_vwr_verwerking WHERE proces_code = :proces", p,
          Integer.class);
      jdbc.update("""
          INSERT INTO avg_vwr_verwerking (code, proces_code, naam, doeleind, grondslag, grondslag_toelichting,
            art9_uitzondering, bedrijfsvoering, eigenaar, categorieen_betrokkenen, categorieen_ontvangers, bewaartermijn,
            bewaartermijn_periode, bewaartermijn_aanvang, bewaartermijn_bron, doorgifte_buiten_eer, doorgifte_grondslag,
            beveiliging, hoog_risico, gezamenlijk, volgorde)
          VALUES (:code, :proces, :naam, :doeleind, :grondslag, :toelichting, :art9, :bedrijfsvoering, :eigenaar,
            :betrokkenen, :ontvangers, :termijn, :periode, :aanvang, :bron, :doorgifte, :doorgifteGrondslag,
            :beveiliging, :hoogRisico, :gezamenlijk, :volgorde)
          """, p.addValue("volgorde", volgorde));
    }
    int volgnummer = 1;
    for (Gegevenstype g : v.gegevenstypen()) {
      jdbc.update("""
          INSERT INTO avg_vwr_gegevenstype (verwerking_code, volgorde, naam, betrokkene, grondslag, bron, verwerkers,
            ontvangers, systemen, bewaartermijn, bewaartermijn_periode, bewaartermijn_aanvang, bewaartermijn_bron,
            beveiliging, bijzonder, bijzondere_categorie, art9_uitzondering)
          VALUES (:code, :volgorde, :naam, :betrokkene, :grondslag, :bron, :verwerkers, :ontvangers, :systemen,
            :termijn, :periode, :aanvang, :bronTermijn, :beveiliging, :bijzonder, :categorie, :art9)
          """, new MapSqlParameterSource()
          .addValue("code", v.code()).addValue("volgorde", volgnummer++).addValue("naam", g.naam())
          .addValue("betrokkene", g.betrokkene()).addValue("grondslag", g.grondslag().name())
          .addValue("bron", g.bron())
          .addValue("verwerkers", leegNull(String.join(SCHEIDING, g.verwerkers())))
          .addValue("ontvangers", leegNull(String.join(SCHEIDING, g.ontvangers())))
          .addValue("systemen", leegNull(String.join(SCHEIDING, g.systemen())))
          .addValue("termijn", g.bewaartermijn().tekst()).addValue("periode", leegNull(g.bewaartermijn().periode()))
          .addValue("aanvang", g.bewaartermijn().aanvang()).addValue("bronTermijn", g.bewaartermijn().bron())
          .addValue("beveiliging", g.beveiliging()).addValue("bijzonder", g.bijzonder())
          .addValue("categorie", g.bijzondereCategorie() == null ? null : g.bijzondereCategorie().name())
          .addValue("art9", g.art9Uitzondering() == null ? null : g.art9Uitzondering().name()));
    }
  }

  public void verwijder(String code) {
    jdbc.update("DELETE FROM avg_vwr_gegevenstype WHERE verwerking_code = :c", Map.of("c", code));
    jdbc.update("DELETE FROM avg_vwr_verwerking WHERE code = :c", Map.of("c", code));
  }

  private static Verwerking verwerking(ResultSet rs, List<Gegevenstype> typen) throws SQLException {
    return new Verwerking(rs.getString("code"), rs.getString("naam"), rs.getString("doeleind"),
        Grondslag.van(rs.getString("grondslag")), rs.getString("grondslag_toelichting"),
        Art9Uitzondering.van(rs.getString("art9_uitzondering")), rs.getBoolean("bedrijfsvoering"),
        rs.getString("eigenaar"), lijst(rs.getString("categorieen_betrokkenen")),
        lijst(rs.getString("categorieen_ontvangers")),
        new Bewaartermijn(rs.getString("bewaartermijn"), rs.getString("bewaartermijn_periode"),
            rs.getString("bewaartermijn_aanvang"), rs.getString("bewaartermijn_bron")),
        rs.getString("doorgifte_buiten_eer"), rs.getString("doorgifte_grondslag"), rs.getString("beveiliging"),
        rs.getBoolean("hoog_risico"), lijst(rs.getString("gezamenlijk")), typen);
  }

  private static Gegevenstype gegevenstype(ResultSet rs) throws SQLException {
    String categorie = rs.getString("bijzondere_categorie");
    return new Gegevenstype(rs.getString("naam"), rs.getString("betrokkene"), Grondslag.van(rs.getString("grondslag")),
        rs.getString("bron"), lijst(rs.getString("verwerkers")), lijst(rs.getString("ontvangers")),
        lijst(rs.getString("systemen")),
        new Bewaartermijn(rs.getString("bewaartermijn"), rs.getString("bewaartermijn_periode"),
            rs.getString("bewaartermijn_aanvang"), rs.getString("bewaartermijn_bron")),
        rs.getString("beveiliging"), rs.getBoolean("bijzonder"),
        categorie == null ? null : BijzondereCategorie.valueOf(categorie),
        Art9Uitzondering.van(rs.getString("art9_uitzondering")));
  }

  /** "a; b;c" → [a, b, c]. */
  static List<String> lijst(String tekst) {
    if (tekst == null || tekst.isBlank()) {
      return List.of();
    }
    return Arrays.stream(tekst.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static String leegNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  // ---------------------------------------------------------------- published versions

  public record VersieRij(int versienummer, OffsetDateTime gepubliceerdOp, String gepubliceerdDoor,
      String omschrijving, Long voorstelId) {
  }

  public Optional<Integer> laatsteVersienummer() {
    return Optional.ofNullable(jdbc.queryForObject("SELECT MAX(versienummer) FROM avg_vwr_versie", Map.of(),
        Integer.class));
  }

  public void slaVersieOp(int versienummer, OffsetDateTime op, String door, String omschrijving, Long voorstelId,
      String inhoud) {
    jdbc.update("""
        INSERT INTO avg_vwr_versie (versienummer, gepubliceerd_op, gepubliceerd_door, omschrijving, voorstel_id, inhoud)
        VALUES (:nr, :op, :door, :omschrijving, :voorstel, :inhoud)
        """, new MapSqlParameterSource("nr", versienummer).addValue("op", op).addValue("door", door)
        .addValue("omschrijving", omschrijving).addValue("voorstel", voorstelId).addValue("inhoud", inhoud));
  }

  /**
   * What identifies the stored row of a version without reading its snapshot: a version number that a rolled-back
   * publication used and a later one reused has another moment, author, description or length.
   */
  public record VersieSleutel(int versienummer, OffsetDateTime gepubliceerdOp, String gepubliceerdDoor,
      String omschrijving, long lengte) {
  }

  public Optional<VersieSleutel> sleutel(int versienummer) {
    return jdbc.query("SELECT gepubliceerd_op, gepubliceerd_door, omschrijving, octet_length(inhoud)"
        + " FROM avg_vwr_versie WHERE versienummer = :nr", Map.of("nr", versienummer),
        (rs, i) -> new VersieSleutel(versienummer, rs.getObject(1, OffsetDateTime.class), rs.getString(2),
            rs.getString(3), rs.getLong(4))).stream().findFirst();
  }

  public Optional<String> inhoud(int versienummer) {
    return jdbc.queryForList("SELECT inhoud FROM avg_vwr_versie WHERE versienummer = :nr",
        Map.of("nr", versienummer), String.class).stream().findFirst();
  }

  /** The number of the version in force at {@code moment}: the one published last before it. */
  public Optional<Integer> versieVoor(OffsetDateTime moment) {
    return jdbc.queryForList("SELECT versienummer FROM avg_vwr_versie WHERE gepubliceerd_op < :m"
        + " ORDER BY gepubliceerd_op DESC, versienummer DESC FETCH FIRST 1 ROWS ONLY", Map.of("m", moment),
        Integer.class).stream().findFirst();
  }

  public List<VersieRij> versies() {
    return jdbc.query("SELECT versienummer, gepubliceerd_op, gepubliceerd_door, omschrijving, voorstel_id"
        + " FROM avg_vwr_versie ORDER BY versienummer", Map.of(), (rs, i) -> new VersieRij(rs.getInt(1),
        rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getString(4),
        rs.getObject(5) == null ? null : rs.getLong(5)));
  }
}
