package nl.deurwaarder.avg.overzicht;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.afwijking.Afwijkingenregister;
import nl.deurwaarder.avg.verzoek.Verzoekgronden;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The figure queries of the overview page and of the half-yearly privacy report (PH-ORG-01 §7.3), in one place. Every
 * figure is counted by the database from the registers (Register AVG-verzoeken, Register datalekken, the letters
 * register, the register of deviations from FG advice, the verwerkingsregister): one aggregate query per figure, never
 * a query per request. Nothing here returns personal data: references, types, statuses, dates and counts only.
 *
 * <p>Dates: the JVM and the database session run in Europe/Amsterdam (see the Dockerfile and the pom), so
 * {@code CAST(<timestamp> AS DATE)} is the Dutch calendar day on PostgreSQL and H2 alike. A request is handled
 * on time when the day its reply was sent (or, without a sent reply, the day it was closed) is not after its
 * {@code uiterste_reactiedatum} (which an extension moves). Withdrawn requests (INGETROKKEN) are not counted as
 * handled.
 */
@Component
public class Privacycijfers {

  public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  /** Request statuses after which nothing happens any more. */
  public static final List<String> EINDSTATUSSEN = List.of("AFGEHANDELD", "AFGEWEZEN", "INGETROKKEN");
  /** Breach statuses of a closed breach. */
  public static final List<String> DATALEK_GESLOTEN = List.of("AFGESLOTEN", "GEEVALUEERD");
  public static final List<String> VERZOEKTYPES = List.of("INZAGE", "VERWIJDERING", "CORRECTIE", "BEPERKING");
  public static final List<String> CATEGORIEEN = List.of("BESCHIKBAARHEID", "VERTROUWELIJKHEID", "INTEGRITEIT");
  public static final List<String> ERNSTEN = List.of("BEPERKT", "MATIG_TOT_ERNSTIG");

  /** The reply day of a handled request (sent, or closed without a reply being sent). */
  private static final String ANTWOORDDAG = "CAST(COALESCE(verzonden_op, afgesloten_op) AS DATE)";

  // ------------------------------------------------------------------ records (no personal data)

  /** Open requests by deadline position on {@code vandaag}. */
  public record Termijnstand(int open, int verlopen, int inGevaar, int verlengd, int opSchema) {
  }

  /** An open request that needs attention: overdue, at risk or extended. */
  public record AandachtVerzoek(String referentie, String type, String status, LocalDate uitersteDatum,
      boolean verlengd, String processInstanceId) {
  }

  /** An open breach; {@code apBesluit} NIET_MELDEN or {@code apGemeld} stop the AP clock. */
  public record OpenDatalek(String referentie, String status, String ernst, String categorieen,
      OffsetDateTime ontdektOp, OffsetDateTime apMeldingUiterlijk, boolean apGemeld, String apBesluit,
      String processInstanceId) {

    public boolean apKlokLoopt() {
      return !apGemeld && !"NIET_MELDEN".equals(apBesluit) && !"GEEN_DATALEK".equals(ernst);
    }

    /** Whole hours left until the AP deadline (negative when it passed). */
    public long urenTotApTermijn(Instant nu) {
      return Math.floorDiv(Duration.between(nu, apMeldingUiterlijk.toInstant()).toMinutes(), 60);
    }
  }

  /** A letter that waits for posting or whose sending is in doubt. */
  public record OpenBrief(long id, String referentie, String briefType, String status, OffsetDateTime opgesteldOp) {
  }

  /** A decision that deviates from the FG's advice; {@code soort} is the Dutch description of its kind. */
  public record Afwijking(String referentie, String soort, OffsetDateTime tijdstip, String onderwerp,
      String fgAdvies, String besluit, boolean fgBericht) {
  }

  /**
   * A request or breach a processor passed on too late (PH-ORG-05 §8: 3 working days; §7: 24 hours), as the request
   * and breach registers mark it; {@code soort} VERZOEK or DATALEK, {@code kantoorMoment} when the office got it.
   */
  public record TeLaatVanVerwerker(String soort, String referentie, String verwerker, OffsetDateTime verwerkerMoment,
      OffsetDateTime kantoorMoment) {
  }

  /** Requests received in one month and how many of those that are handled were handled on time. */
  public record Maandcijfer(YearMonth maand, int ontvangen, int afgehandeld, int opTijd) {

    public Double aandeelOpTijd() {
      return afgehandeld == 0 ? null : 100.0 * opTijd / afgehandeld;
    }
  }

  /** A half-yearly report of privacy (filed as archive document and listed on the overview). */
  public record Rapportage(String referentie, String periode, String status, OffsetDateTime opgesteldOp) {
  }

  /** The figures of the half-yearly privacy report over [van, tot). */
  public record Periodecijfers(LocalDate van, LocalDate totEnMet,
      Map<String, Integer> ontvangenPerType,
      Map<String, Integer> afgehandeldPerType,
      Map<String, Integer> opTijdPerType,
      Double mediaanDagen,
      int verlengd,
      int afgewezen,
      Map<String, Integer> afwijzingenPerGrond,
      int datalekSignalen,
      int datalekken,
      Map<String, Map<String, Integer>> datalekkenPerCategorieEnErnst,
      Map<String, Integer> datalekkenPerErnst,
      int apGemeld,
      int apOpTijd,
      int apNietGemeld,
      int betrokkenenGeinformeerd,
      int afwijkingenFgAdvies,
      Map<String, Integer> afwijkingenPerSoort,
      int registerVersies,
      Map<String, Integer> voorstellenPerSoort,
      int reviewsGestart,
      int reviewsAfgerond,
      List<Maandcijfer> perMaand) {

    public int ontvangen() {
      return ontvangenPerType.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int afgehandeld() {
      return afgehandeldPerType.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int opTijd() {
      return opTijdPerType.values().stream().mapToInt(Integer::intValue).sum();
    }

    public Double aandeelOpTijd() {
      return afgehandeld() == 0 ? null : 100.0 * opTijd() / afgehandeld();
    }
  }

  /** How far back the overview looks for deviations not yet in a settled report. */
  public static final int AFWIJKINGEN_MAANDEN = 12;

  private final NamedParameterJdbcTemplate jdbc;
  private final Afwijkingenregister afwijkingenregister;
  private final Verzoekgronden verzoekgronden;

  public Privacycijfers(NamedParameterJdbcTemplate jdbc, Afwijkingenregister afwijkingenregister,
      Verzoekgronden verzoekgronden) {
    this.jdbc = jdbc;
    this.afwijkingenregister = afwijkingenregister;
    this.verzoekgronden = verzoekgronden;
  }

  // ------------------------------------------------------------------ the overview (today)

  /** Requests (all, also closed, not anonymised ones included) by status × type: status → type → count. */
  public Map<String, Map<String, Integer>> verzoekenPerStatusEnType() {
    Map<String, Map<String, Integer>> uit = new LinkedHashMap<>();
    jdbc.query("SELECT status, verzoek_type, COUNT(*) AS n FROM avg_verzoek GROUP BY status, verzoek_type",
        rs -> {
          uit.computeIfAbsent(rs.getString("status"), s -> new LinkedHashMap<>())
              .put(rs.getString("verzoek_type"), rs.getInt("n"));
        });
    return uit;
  }

  /**
   * Open requests by deadline position: overdue (deadline before today), at risk (deadline today up to
   * {@code risicoGrens}, the third working day from today), extended, and the rest.
   */
  public Termijnstand termijnstand(LocalDate vandaag, LocalDate risicoGrens) {
    return jdbc.queryForObject("""
        SELECT COUNT(*) AS open_,
          COALESCE(SUM(CASE WHEN uiterste_reactiedatum < :vandaag THEN 1 ELSE 0 END), 0) AS verlopen,
          COALESCE(SUM(CASE WHEN uiterste_reactiedatum >= :vandaag AND uiterste_reactiedatum <= :grens
            THEN 1 ELSE 0 END), 0) AS in_gevaar,
          COALESCE(SUM(CASE WHEN verlengd = TRUE THEN 1 ELSE 0 END), 0) AS verlengd,
          COALESCE(SUM(CASE WHEN uiterste_reactiedatum > :grens THEN 1 ELSE 0 END), 0) AS op_schema
        FROM avg_verzoek WHERE status NOT IN (:eind)
        """, new MapSqlParameterSource("vandaag", vandaag).addValue("grens", risicoGrens)
        .addValue("eind", EINDSTATUSSEN),
        (rs, i) -> new Termijnstand(rs.getInt("open_"), rs.getInt("verlopen"), rs.getInt("in_gevaar"),
            rs.getInt("verlengd"), rs.getInt("op_schema")));
  }

  /**
   * Open requests that need attention: overdue, at risk (deadline up to {@code risicoGrens}) and extended, each class
   * earliest deadline first and at most {@code max} lines, so that a flood of overdue requests never hides the ones
   * that can still be answered in time.
   */
  public List<AandachtVerzoek> aandachtVerzoeken(LocalDate vandaag, LocalDate risicoGrens, int max) {
    List<AandachtVerzoek> uit = new ArrayList<>();
    uit.addAll(aandacht("uiterste_reactiedatum < :vandaag", vandaag, risicoGrens, max));
    uit.addAll(aandacht("uiterste_reactiedatum >= :vandaag AND uiterste_reactiedatum <= :grens", vandaag,
        risicoGrens, max));
    uit.addAll(aandacht("uiterste_reactiedatum > :grens AND verlengd = TRUE", vandaag, risicoGrens, max));
    return uit;
  }

  private List<AandachtVerzoek> aandacht(String klasse, LocalDate vandaag, LocalDate risicoGrens, int max) {
    return jdbc.query("""
        SELECT referentie, verzoek_type, status, uiterste_reactiedatum, verlengd, process_instance_id
        FROM avg_verzoek
        WHERE status NOT IN (:eind)""" + " AND " + klasse + """

        ORDER BY uiterste_reactiedatum, referentie
        LIMIT :max
        """, new MapSqlParameterSource("grens", risicoGrens).addValue("vandaag", vandaag)
        .addValue("eind", EINDSTATUSSEN).addValue("max", max),
        (rs, i) -> new AandachtVerzoek(rs.getString("referentie"), rs.getString("verzoek_type"),
            rs.getString("status"), rs.getObject("uiterste_reactiedatum", LocalDate.class),
            rs.getBoolean("verlengd"), rs.getString("process_instance_id")));
  }

  /** Breaches not yet closed, earliest AP deadline first. */
  public List<OpenDatalek> openDatalekken(int max) {
    return jdbc.query("""
        SELECT referentie, status, ernst, inbreuk_categorieen, ontdekt_op, ap_melding_uiterlijk, ap_gemeld,
          ap_besluit, process_instance_id
        FROM avg_datalek WHERE status NOT IN (:gesloten)
        ORDER BY ap_melding_uiterlijk, referentie
        LIMIT :max
        """, new MapSqlParameterSource("gesloten", DATALEK_GESLOTEN).addValue("max", max),
        (rs, i) -> new OpenDatalek(rs.getString("referentie"), rs.getString("status"), rs.getString("ernst"),
            rs.getString("inbreuk_categorieen"), odt(rs, "ontdekt_op"), odt(rs, "ap_melding_uiterlijk"),
            rs.getBoolean("ap_gemeld"), rs.getString("ap_besluit"), rs.getString("process_instance_id")));
  }

  public int aantalOpenDatalekken() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM avg_datalek WHERE status NOT IN (:gesloten)",
        new MapSqlParameterSource("gesloten", DATALEK_GESLOTEN), Integer.class);
  }

  /** Letters that wait for a person to post them (WACHT_OP_POST) or whose sending is in doubt (ONZEKER). */
  public List<OpenBrief> openBrieven(int max) {
    return jdbc.query("""
        SELECT id, referentie, brief_type, status, opgesteld_op FROM avg_brief
        WHERE status IN ('WACHT_OP_POST', 'ONZEKER') ORDER BY opgesteld_op, id LIMIT :max
        """, new MapSqlParameterSource("max", max),
        (rs, i) -> new OpenBrief(rs.getLong("id"), rs.getString("referentie"), rs.getString("brief_type"),
            rs.getString("status"), odt(rs, "opgesteld_op")));
  }

  /**
   * Deviations from the FG's advice (all kinds: requests, breach AP notification, informing breach data subjects,
   * PIA outcomes) that are still open, newest first: decided after the period of the last half-yearly report the
   * directie settled (VASTGESTELD), so not yet reported to and discussed by the directie (PH-ORG-01 §7.3,
   * PH-ORG-02 §3.1), and at most {@value #AFWIJKINGEN_MAANDEN} months back. Read through the register of deviations.
   */
  public List<Afwijking> openAfwijkingen(Instant nu, int max) {
    Instant vanaf = nu.atZone(AMSTERDAM).minusMonths(AFWIJKINGEN_MAANDEN).toInstant();
    LocalDate gerapporteerdTot = jdbc.queryForObject(
        "SELECT MAX(tot) FROM avg_privacyrapportage WHERE status = 'VASTGESTELD'", Map.of(), LocalDate.class);
    if (gerapporteerdTot != null && begin(gerapporteerdTot).toInstant().isAfter(vanaf)) {
      vanaf = begin(gerapporteerdTot).toInstant();
    }
    Instant tot = nu.plusSeconds(1);
    if (!vanaf.isBefore(tot)) {
      return List.of();
    }
    List<nl.deurwaarder.avg.afwijking.Afwijking> lijst = afwijkingenregister.tussen(vanaf, tot);
    List<Afwijking> uit = new ArrayList<>();
    for (int i = lijst.size() - 1; i >= 0 && uit.size() < max; i--) {
      nl.deurwaarder.avg.afwijking.Afwijking a = lijst.get(i);
      uit.add(new Afwijking(a.referentie(), a.soort().omschrijving(),
          a.beslotenOp().atZoneSameInstant(AMSTERDAM).toOffsetDateTime(), a.onderwerp(), a.fgAdvies(), a.besluit(),
          a.fgBerichtOp() != null));
    }
    return uit;
  }

  /**
   * Requests and breaches that a processor passed on too late, received by the office (request) or discovered
   * (breach) since {@code vanaf}, newest first. Read from the marks the request and breach registers keep
   * ({@code verwerker_tijdig}), so this package needs nothing of the processor register.
   */
  public List<TeLaatVanVerwerker> teLaatVanVerwerkers(OffsetDateTime vanaf, int max) {
    return jdbc.query("""
        SELECT soort, referentie, verwerker, verwerker_moment, kantoor_moment FROM (
          SELECT 'VERZOEK' AS soort, referentie, verwerker, verwerker_ontvangen_op AS verwerker_moment,
            ontvangen_op AS kantoor_moment FROM avg_verzoek WHERE verwerker_tijdig = FALSE AND ontvangen_op >= :vanaf
          UNION ALL
          SELECT 'DATALEK', referentie, verwerker, verwerker_ontdekt_op, ontdekt_op
            FROM avg_datalek WHERE verwerker_tijdig = FALSE AND ontdekt_op >= :vanaf) t
        ORDER BY kantoor_moment DESC, referentie LIMIT :max
        """, new MapSqlParameterSource("vanaf", vanaf).addValue("max", max),
        (rs, i) -> new TeLaatVanVerwerker(rs.getString("soort"), rs.getString("referentie"), rs.getString("verwerker"),
            odt(rs, "verwerker_moment"), odt(rs, "kantoor_moment")));
  }

  /** The half-yearly reports, newest first. */
  public List<Rapportage> rapportages(int max) {
    return jdbc.query("""
        SELECT referentie, periode, status, opgesteld_op FROM avg_privacyrapportage
        ORDER BY van DESC LIMIT :max
        """, new MapSqlParameterSource("max", max),
        (rs, i) -> new Rapportage(rs.getString("referentie"), rs.getString("periode"), rs.getString("status"),
            odt(rs, "opgesteld_op")));
  }

  /**
   * Per calendar month from {@code eerste} to {@code laatste}: requests received, how many of those are handled and
   * how many on time. One query; the month buckets are computed here as Amsterdam instants.
   */
  public List<Maandcijfer> perMaand(YearMonth eerste, YearMonth laatste) {
    List<YearMonth> maanden = new ArrayList<>();
    for (YearMonth m = eerste; !m.isAfter(laatste); m = m.plusMonths(1)) {
      maanden.add(m);
    }
    MapSqlParameterSource p = new MapSqlParameterSource();
    StringBuilder maand = new StringBuilder("CASE");
    for (int i = 0; i < maanden.size(); i++) {
      p.addValue("g" + i, begin(maanden.get(i).plusMonths(1).atDay(1)));
      maand.append(" WHEN ontvangen_op < :g").append(i).append(" THEN ").append(i);
    }
    maand.append(" END");
    p.addValue("van", begin(eerste.atDay(1)));
    p.addValue("tot", begin(laatste.plusMonths(1).atDay(1)));
    int[][] n = new int[maanden.size()][3];
    // the month bucket in a derived table: PostgreSQL cannot GROUP BY an expression whose parameters are bound twice
    jdbc.query("SELECT maand, COUNT(*) AS ontvangen, "
        + "COALESCE(SUM(CASE WHEN status IN ('AFGEHANDELD', 'AFGEWEZEN') THEN 1 ELSE 0 END), 0) AS afgehandeld, "
        + "COALESCE(SUM(CASE WHEN status IN ('AFGEHANDELD', 'AFGEWEZEN') AND antwoorddag <= uiterste_reactiedatum"
        + " THEN 1 ELSE 0 END), 0) AS op_tijd FROM (SELECT " + maand + " AS maand, status, uiterste_reactiedatum, "
        + ANTWOORDDAG + " AS antwoorddag FROM avg_verzoek WHERE ontvangen_op >= :van AND ontvangen_op < :tot) m"
        + " GROUP BY maand", p, rs -> {
          int i = rs.getInt("maand");
          n[i][0] = rs.getInt("ontvangen");
          n[i][1] = rs.getInt("afgehandeld");
          n[i][2] = rs.getInt("op_tijd");
        });
    List<Maandcijfer> uit = new ArrayList<>();
    for (int i = 0; i < maanden.size(); i++) {
      uit.add(new Maandcijfer(maanden.get(i), n[i][0], n[i][1], n[i][2]));
    }
    return uit;
  }

  /**
   * Breaches (judged a breach) discovered in [van, tot) by category × severity: category → severity → count. A breach
   * with several categories counts once per category.
   */
  public Map<String, Map<String, Integer>> datalekkenPerCategorieEnErnst(LocalDate van, LocalDate tot) {
    StringBuilder kolommen = new StringBuilder();
    for (String c : CATEGORIEEN) {
      kolommen.append(", COALESCE(SUM(CASE WHEN inbreuk_categorieen LIKE '%").append(c)
          .append("%' THEN 1 ELSE 0 END), 0) AS ").append(c.toLowerCase());
    }
    Map<String, Map<String, Integer>> uit = new LinkedHashMap<>();
    for (String c : CATEGORIEEN) {
      Map<String, Integer> perErnst = new LinkedHashMap<>();
      ERNSTEN.forEach(e -> perErnst.put(e, 0));
      uit.put(c, perErnst);
    }
    jdbc.query("SELECT ernst" + kolommen + " FROM avg_datalek WHERE ontdekt_op >= :van AND ontdekt_op < :tot "
        + "AND ernst IN (:ernsten) GROUP BY ernst", tijdvak(van, tot).addValue("ernsten", ERNSTEN), rs -> {
          for (String c : CATEGORIEEN) {
            uit.get(c).put(rs.getString("ernst"), rs.getInt(c.toLowerCase()));
          }
        });
    return uit;
  }

  // ------------------------------------------------------------------ the half-yearly report

  /** Every figure of the privacy report over the days {@code van} up to but not including {@code tot}. */
  public Periodecijfers periode(LocalDate van, LocalDate tot) {
    MapSqlParameterSource p = tijdvak(van, tot).addValue("eind", EINDSTATUSSEN);

    Map<String, Integer> ontvangen = nullen(VERZOEKTYPES);
    Map<String, Integer> afgehandeld = nullen(VERZOEKTYPES);
    Map<String, Integer> opTijd = nullen(VERZOEKTYPES);
    jdbc.query("SELECT verzoek_type, COUNT(*) AS n FROM avg_verzoek WHERE ontvangen_op >= :van AND ontvangen_op < :tot"
        + " GROUP BY verzoek_type", p, rs -> {
          ontvangen.put(rs.getString("verzoek_type"), rs.getInt("n"));
        });
    // handled in the period: closed in it, withdrawn requests left out
    String afgehandeldIn = " FROM avg_verzoek WHERE afgesloten_op >= :van AND afgesloten_op < :tot"
        + " AND status IN ('AFGEHANDELD', 'AFGEWEZEN')";
    jdbc.query("SELECT verzoek_type, COUNT(*) AS n, COALESCE(SUM(CASE WHEN " + ANTWOORDDAG
        + " <= uiterste_reactiedatum THEN 1 ELSE 0 END), 0) AS op_tijd" + afgehandeldIn + " GROUP BY verzoek_type", p,
        rs -> {
          afgehandeld.put(rs.getString("verzoek_type"), rs.getInt("n"));
          opTijd.put(rs.getString("verzoek_type"), rs.getInt("op_tijd"));
        });
    // median handling time in calendar days (receipt → reply): the database gives the two days, no personal data
    List<Long> dagen = jdbc.query("SELECT CAST(ontvangen_op AS DATE) AS ontvangen, " + ANTWOORDDAG + " AS antwoord"
        + afgehandeldIn, p, (rs, i) -> ChronoUnit.DAYS.between(rs.getObject("ontvangen", LocalDate.class),
            rs.getObject("antwoord", LocalDate.class)));
    int verlengd = telling("SELECT COUNT(*) FROM avg_verzoek WHERE ontvangen_op >= :van AND ontvangen_op < :tot"
        + " AND verlengd = TRUE", p);

    // the rejection grounds of bpmn/verzoekgronden.dmn (codes checked there: upper case, digits, _)
    List<String> afwijzingsgronden = verzoekgronden.afwijzingsgronden();
    StringBuilder gronden = new StringBuilder("SELECT COUNT(*) AS afgewezen");
    for (String g : afwijzingsgronden) {
      // the register keeps the grounds comma-separated; ',' + list + ',' makes one ground never match another
      gronden.append(", COALESCE(SUM(CASE WHEN ',' || COALESCE(afwijzingsgronden, '') || ',' LIKE '%,").append(g)
          .append(",%' THEN 1 ELSE 0 END), 0) AS ").append(g.toLowerCase());
    }
    Map<String, Integer> perGrond = nullen(afwijzingsgronden);
    int[] afgewezen = new int[1];
    jdbc.query(gronden + " FROM avg_verzoek WHERE afgesloten_op >= :van AND afgesloten_op < :tot"
        + " AND status = 'AFGEWEZEN'", p, rs -> {
          afgewezen[0] = rs.getInt("afgewezen");
          for (String g : afwijzingsgronden) {
            perGrond.put(g, rs.getInt(g.toLowerCase()));
          }
        });

    String ontdektIn = " FROM avg_datalek WHERE ontdekt_op >= :van AND ontdekt_op < :tot";
    int signalen = telling("SELECT COUNT(*)" + ontdektIn, p);
    int datalekken = telling("SELECT COUNT(*)" + ontdektIn + " AND ernst IN ('BEPERKT', 'MATIG_TOT_ERNSTIG')", p);
    Map<String, Integer> perErnst = nullen(ERNSTEN);
    jdbc.query("SELECT ernst, COUNT(*) AS n" + ontdektIn + " AND ernst IN ('BEPERKT', 'MATIG_TOT_ERNSTIG')"
        + " GROUP BY ernst", p, rs -> {
          perErnst.put(rs.getString("ernst"), rs.getInt("n"));
        });
    int apGemeld = telling("SELECT COUNT(*)" + ontdektIn + " AND ap_gemeld = TRUE", p);
    int apOpTijd = telling("SELECT COUNT(*)" + ontdektIn + " AND ap_gemeld = TRUE AND ap_melding_op IS NOT NULL"
        + " AND ap_melding_op <= ap_melding_uiterlijk", p);
    int apNietGemeld = telling("SELECT COUNT(*)" + ontdektIn + " AND ap_besluit = 'NIET_MELDEN'", p);
    int betrokkenen = telling("SELECT COUNT(*)" + ontdektIn + " AND betrokkenen_geinformeerd = TRUE", p);

    // every kind of deviation, counted by the register of deviations itself; Dutch description -> count
    Map<String, Integer> perSoort = new LinkedHashMap<>();
    afwijkingenregister.aantallenPerSoort(begin(van).toInstant(), begin(tot).toInstant())
        .forEach((soort, n) -> perSoort.put(soort.omschrijving(), n.intValue()));
    int afwijkingen = perSoort.values().stream().mapToInt(Integer::intValue).sum();

    int versies = telling("SELECT COUNT(*) FROM avg_vwr_versie WHERE gepubliceerd_op >= :van"
        + " AND gepubliceerd_op < :tot", p);
    Map<String, Integer> voorstellen = nullen(List.of("NIEUW", "WIJZIGING", "VERVALLEN"));
    jdbc.query("SELECT v.soort, COUNT(*) AS n FROM avg_vwr_voorstel v JOIN avg_vwr_versie r"
        + " ON r.versienummer = v.gepubliceerd_versie WHERE r.gepubliceerd_op >= :van AND r.gepubliceerd_op < :tot"
        + " GROUP BY v.soort", p, rs -> {
          voorstellen.put(rs.getString("soort"), rs.getInt("n"));
        });
    int reviewsGestart = telling("SELECT COUNT(*) FROM avg_vwr_review WHERE gestart_op >= :van"
        + " AND gestart_op < :tot", p);
    int reviewsAfgerond = telling("SELECT COUNT(*) FROM avg_vwr_review WHERE afgerond_op >= :van"
        + " AND afgerond_op < :tot", p);

    return new Periodecijfers(van, tot.minusDays(1), ontvangen, afgehandeld, opTijd, mediaan(dagen), verlengd,
        afgewezen[0], perGrond, signalen, datalekken, datalekkenPerCategorieEnErnst(van, tot), perErnst, apGemeld,
        apOpTijd, apNietGemeld, betrokkenen, afwijkingen, perSoort, versies, voorstellen, reviewsGestart,
        reviewsAfgerond, perMaand(YearMonth.from(van), YearMonth.from(tot.minusDays(1))));
  }

  static Double mediaan(List<Long> waarden) {
    if (waarden.isEmpty()) {
      return null;
    }
    List<Long> s = new ArrayList<>(waarden);
    s.sort(Long::compare);
    int n = s.size();
    return n % 2 == 1 ? (double) s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2.0;
  }

  private int telling(String sql, MapSqlParameterSource p) {
    Integer n = jdbc.queryForObject(sql, p, Integer.class);
    return n == null ? 0 : n;
  }

  private static MapSqlParameterSource tijdvak(LocalDate van, LocalDate tot) {
    return new MapSqlParameterSource("van", begin(van)).addValue("tot", begin(tot));
  }

  /** The start of a day in Amsterdam. */
  static OffsetDateTime begin(LocalDate dag) {
    return dag.atStartOfDay(AMSTERDAM).toOffsetDateTime();
  }

  private static Map<String, Integer> nullen(List<String> sleutels) {
    Map<String, Integer> m = new LinkedHashMap<>();
    sleutels.forEach(s -> m.put(s, 0));
    return m;
  }

  private static OffsetDateTime odt(ResultSet rs, String kolom) throws SQLException {
    OffsetDateTime t = rs.getObject(kolom, OffsetDateTime.class);
    return t == null ? null : t.atZoneSameInstant(AMSTERDAM).toOffsetDateTime();
  }
}
