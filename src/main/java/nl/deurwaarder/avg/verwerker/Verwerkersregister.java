package nl.deurwaarder.avg.verwerker;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import nl.deurwaarder.avg.archief.Archief;
import nl.deurwaarder.avg.archief.Archiefstuk;
import nl.deurwaarder.avg.kantoor.Verwerkers;
import nl.deurwaarder.avg.registerhistorie.Registertabel;
import nl.deurwaarder.avg.registerhistorie.Registertabel.Historieregel;
import nl.deurwaarder.avg.termijn.Termijnberekening;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of processors (PH-ORG-05): its own tables, every change kept with who, when and what
 * ({@link Registertabel}, history keyed by the entry's reference {@code VWR-<id>}). The processor's name is the key by
 * which the verwerkingsregister, requests and breaches name it, so it cannot be changed once entered. Links are read,
 * not copied: the processings whose data types name the processor, the breaches it reported and its late reports.
 */
@Repository
public class Verwerkersregister implements Verwerkers {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  /** Fields a person may change (API names) → column. The name is the link key and is not among them. */
  static final Map<String, String> WIJZIGBARE_VELDEN = Map.ofEntries(
      Map.entry("dienst", "dienst"),
      Map.entry("contactNaam", "contact_naam"),
      Map.entry("contactEmail", "contact_email"),
      Map.entry("contactTelefoon", "contact_telefoon"),
      Map.entry("overeenkomstGetekendOp", "overeenkomst_getekend_op"),
      Map.entry("overeenkomstEindigtOp", "overeenkomst_eindigt_op"),
      Map.entry("bezwaartermijnDagen", "bezwaartermijn_dagen"),
      Map.entry("buitenEer", "buiten_eer"),
      Map.entry("buitenEerLanden", "buiten_eer_landen"),
      Map.entry("buitenEerWaarborg", "buiten_eer_waarborg"),
      Map.entry("laatsteAuditOp", "laatste_audit_op"),
      Map.entry("laatsteBeveiligingsrapportOp", "laatste_beveiligingsrapport_op"),
      Map.entry("verwijderverklaringOp", "verwijderverklaring_op"));
  static final int STANDAARD_BEZWAARTERMIJN = 30;

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;
  private final VerwerkerValidatie validatie;
  private final Archief archief;
  private final Termijnberekening termijn;
  private final Registertabel tabel;

  public Verwerkersregister(NamedParameterJdbcTemplate jdbc, Clock clock, VerwerkerValidatie validatie,
      Archief archief, Termijnberekening termijn) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.validatie = validatie;
    this.archief = archief;
    this.termijn = termijn;
    this.tabel = new Registertabel(jdbc, clock, "avg_verwerker", "avg_verwerker_historie", WIJZIGBARE_VELDEN::get);
  }

  public static String referentie(long id) {
    return "VWR-" + id;
  }

  public List<Verwerker> lijst() {
    List<Rij> rijen = jdbc.query("SELECT * FROM avg_verwerker ORDER BY naam", Map.of(), (rs, i) -> rij(rs));
    Map<String, List<String>> verwerkingen = verwerkingenPerNaam();
    return rijen.stream().map(r -> volledig(r, verwerkingen)).toList();
  }

  public Optional<Verwerker> vind(long id) {
    return jdbc.query("SELECT * FROM avg_verwerker WHERE id = :id", Map.of("id", id), (rs, i) -> rij(rs)).stream()
        .findFirst().map(r -> volledig(r, verwerkingenPerNaam()));
  }

  public Verwerker haal(long id) {
    return vind(id).orElseThrow(() -> new OnbekendeVerwerkerException(id));
  }

  public Optional<Verwerker> vindOpNaam(String naam) {
    return naamInRegister(naam).flatMap(n -> jdbc.queryForList("SELECT id FROM avg_verwerker WHERE naam = :n",
        Map.of("n", n), Long.class).stream().findFirst()).flatMap(this::vind);
  }

  @Override
  public Optional<String> naamInRegister(String naam) {
    if (naam == null || naam.isBlank()) {
      return Optional.empty();
    }
    return jdbc.queryForList("SELECT naam FROM avg_verwerker WHERE LOWER(naam) = :n",
        Map.of("n", naam.strip().toLowerCase(Locale.ROOT)), String.class).stream().findFirst();
  }

  @Override
  public List<String> namen() {
    return jdbc.queryForList("SELECT naam FROM avg_verwerker ORDER BY naam", Map.of(), String.class);
  }

  /** Registers a new processor; throws {@link OngeldigeVerwerkerException} (nothing stored) on bad input. */
  @Transactional
  public Verwerker voegToe(VerwerkerGegevens invoer, String gebruiker) {
    VerwerkerGegevens g = schoon(invoer);
    Map<String, String> fouten = new LinkedHashMap<>(validatie.fouten(g));
    if (!fouten.containsKey("naam") && naamInRegister(g.naam()).isPresent()) {
      fouten.put("naam", "Er staat al een verwerker met deze naam in het register.");
    }
    if (!fouten.isEmpty()) {
      throw new OngeldigeVerwerkerException(fouten);
    }
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update("""
        INSERT INTO avg_verwerker (referentie, naam, dienst, contact_naam, contact_email, contact_telefoon,
          overeenkomst_getekend_op, overeenkomst_eindigt_op, bezwaartermijn_dagen, buiten_eer, buiten_eer_landen,
          buiten_eer_waarborg, laatste_audit_op, laatste_beveiligingsrapport_op, verwijderverklaring_op)
        VALUES (:tijdelijk, :naam, :dienst, :cn, :ce, :ct, :getekend, :eindigt, :bezwaar, :buiten, :landen, :waarborg,
          :audit, :rapport, :verklaring)
        """, new MapSqlParameterSource("tijdelijk", "VWR-N" + Long.toString(System.nanoTime() % 1_000_000_000L, 36))
        .addValue("naam", g.naam()).addValue("dienst", g.dienst()).addValue("cn", g.contactNaam())
        .addValue("ce", g.contactEmail()).addValue("ct", g.contactTelefoon())
        .addValue("getekend", g.overeenkomstGetekendOp()).addValue("eindigt", g.overeenkomstEindigtOp())
        .addValue("bezwaar", g.bezwaartermijnDagen() == null ? STANDAARD_BEZWAARTERMIJN : g.bezwaartermijnDagen())
        .addValue("buiten", g.buitenEer()).addValue("landen", g.buitenEerLanden())
        .addValue("waarborg", g.buitenEerWaarborg()).addValue("audit", g.laatsteAuditOp())
        .addValue("rapport", g.laatsteBeveiligingsrapportOp()).addValue("verklaring", g.verwijderverklaringOp()),
        key, new String[] {"id"});
    long id = key.getKey().longValue();
    jdbc.update("UPDATE avg_verwerker SET referentie = :r WHERE id = :id",
        Map.of("r", referentie(id), "id", id));
    tabel.historie(referentie(id), gebruiker, "registratie", null, g.naam() + " (" + g.dienst() + ")");
    return haal(id);
  }

  /**
   * Changes a processor with everything the page shows (the name excepted); one history line per field that really
   * changed. Bad input: {@link OngeldigeVerwerkerException} and nothing changed.
   */
  @Transactional
  public Verwerker wijzig(long id, VerwerkerGegevens invoer, String gebruiker) {
    Verwerker huidig = haal(id);
    VerwerkerGegevens g = schoon(invoer);
    VerwerkerGegevens metNaam = new VerwerkerGegevens(huidig.naam(), g.dienst(), g.contactNaam(), g.contactEmail(),
        g.contactTelefoon(), g.overeenkomstGetekendOp(), g.overeenkomstEindigtOp(), g.bezwaartermijnDagen(),
        g.buitenEer(), g.buitenEerLanden(), g.buitenEerWaarborg(), g.laatsteAuditOp(),
        g.laatsteBeveiligingsrapportOp(), g.verwijderverklaringOp());
    Map<String, String> fouten = validatie.fouten(metNaam);
    if (!fouten.isEmpty()) {
      throw new OngeldigeVerwerkerException(fouten);
    }
    Map<String, Object> velden = new HashMap<>();
    velden.put("dienst", g.dienst());
    velden.put("contactNaam", g.contactNaam());
    velden.put("contactEmail", g.contactEmail());
    velden.put("contactTelefoon", g.contactTelefoon());
    velden.put("overeenkomstGetekendOp", g.overeenkomstGetekendOp());
    velden.put("overeenkomstEindigtOp", g.overeenkomstEindigtOp());
    velden.put("bezwaartermijnDagen",
        g.bezwaartermijnDagen() == null ? huidig.bezwaartermijnDagen() : g.bezwaartermijnDagen());
    velden.put("buitenEer", g.buitenEer());
    velden.put("buitenEerLanden", g.buitenEerLanden());
    velden.put("buitenEerWaarborg", g.buitenEerWaarborg());
    velden.put("laatsteAuditOp", g.laatsteAuditOp());
    velden.put("laatsteBeveiligingsrapportOp", g.laatsteBeveiligingsrapportOp());
    velden.put("verwijderverklaringOp", g.verwijderverklaringOp());
    tabel.wijzig(referentie(id), velden, gebruiker, () -> new OnbekendeVerwerkerException(id));
    return haal(id);
  }

  /** Changes single fields from a process step (review outcome, statement received); kept in the history. */
  @Transactional
  public void wijzigVelden(long id, Map<String, ?> velden, String gebruiker) {
    tabel.wijzig(referentie(id), velden, gebruiker, () -> new OnbekendeVerwerkerException(id));
  }

  /** A history line that is no field change (review done, FG told of a late report ...). */
  public void notitie(long id, String gebruiker, String wat, String tekst) {
    tabel.historie(referentie(id), gebruiker, wat, null, tekst);
  }

  public List<Historieregel> historie(long id) {
    return tabel.historie(referentie(id));
  }

  /**
   * A processor announces a new sub-processor (PH-ORG-05 §4): stored with the date the office was told and the last
   * day to object (that date + the agreement's objection period; a last day on a weekend or holiday moves to the next
   * working day, as for every period, EU Regulation 1182/71 art. 3(4)).
   */
  @Transactional
  public Subverwerker meldSubverwerker(long id, String naam, String dienst, String land, LocalDate gemeldOp,
      String gebruiker) {
    Verwerker v = haal(id);
    Map<String, String> f = new LinkedHashMap<>();
    if (VerwerkerValidatie.leeg(naam)) {
      f.put("subverwerkerNaam", "Vul de naam van de subverwerker in.");
    } else if (naam.strip().length() > 200) {
      f.put("subverwerkerNaam", "Te lang (hoogstens 200 tekens).");
    }
    if (VerwerkerValidatie.leeg(dienst)) {
      f.put("subverwerkerDienst", "Beschrijf wat de subverwerker gaat doen.");
    } else if (dienst.strip().length() > 2000) {
      f.put("subverwerkerDienst", "Te lang (hoogstens 2000 tekens).");
    }
    if (land != null && land.strip().length() > 100) {
      f.put("subverwerkerLand", "Te lang (hoogstens 100 tekens).");
    }
    LocalDate vandaag = LocalDate.now(clock.withZone(AMSTERDAM));
    if (gemeldOp == null) {
      f.put("subverwerkerGemeldOp", "Vul in wanneer de verwerker het kantoor informeerde.");
    } else if (gemeldOp.isAfter(vandaag)) {
      f.put("subverwerkerGemeldOp", "Mag niet in de toekomst liggen.");
    }
    if (!f.isEmpty()) {
      throw new OngeldigeVerwerkerException(f);
    }
    LocalDate uiterlijk = termijn.eersteWerkdagVanaf(gemeldOp.plusDays(v.bezwaartermijnDagen()));
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update("""
        INSERT INTO avg_subverwerker (verwerker_id, naam, dienst, land, gemeld_op, bezwaar_uiterlijk)
        VALUES (:v, :naam, :dienst, :land, :gemeld, :uiterlijk)
        """, new MapSqlParameterSource("v", id).addValue("naam", naam.strip()).addValue("dienst", dienst.strip())
        .addValue("land", VerwerkerValidatie.leeg(land) ? null : land.strip()).addValue("gemeld", gemeldOp)
        .addValue("uiterlijk", uiterlijk), key, new String[] {"id"});
    long subId = key.getKey().longValue();
    tabel.historie(referentie(id), gebruiker, "subverwerker", null, naam.strip() + " aangekondigd op " + gemeldOp
        + ", bezwaar uiterlijk " + uiterlijk);
    return subverwerker(subId).orElseThrow();
  }

  public Optional<Subverwerker> subverwerker(long subId) {
    return jdbc.query("SELECT * FROM avg_subverwerker WHERE id = :id", Map.of("id", subId), (rs, i) -> sub(rs))
        .stream().findFirst();
  }

  public long verwerkerVanSubverwerker(long subId) {
    return jdbc.queryForObject("SELECT verwerker_id FROM avg_subverwerker WHERE id = :id", Map.of("id", subId),
        Long.class);
  }

  /** The coordinator's decision on a sub-processor, with the FG's advice (process step). */
  @Transactional
  public void besluitSubverwerker(long subId, String besluit, String fgAdvies, String toelichting,
      String gebruiker) {
    long id = verwerkerVanSubverwerker(subId);
    jdbc.update("""
        UPDATE avg_subverwerker SET besluit = :b, besluit_op = :op, besluit_door = :door, fg_advies = :fg,
          toelichting = :t WHERE id = :id
        """, new MapSqlParameterSource("b", besluit).addValue("op", LocalDate.now(clock.withZone(AMSTERDAM)))
        .addValue("door", gebruiker).addValue("fg", fgAdvies).addValue("t", toelichting).addValue("id", subId));
    Subverwerker s = subverwerker(subId).orElseThrow();
    tabel.historie(referentie(id), gebruiker, "subverwerker", null, s.naam() + ": "
        + ("BEZWAAR".equals(besluit) ? "bezwaar gemaakt" : "geen bezwaar") + " (FG-advies: " + fgAdvies + ")");
  }

  public void koppelSubverwerkerProces(long subId, String processInstanceId) {
    jdbc.update("UPDATE avg_subverwerker SET process_instance_id = :p WHERE id = :id",
        Map.of("p", processInstanceId, "id", subId));
  }

  /** The signed agreement (or another document of the agreement) into the archive under the entry's reference. */
  public Archiefstuk bewaarOvereenkomst(long id, String bestandsnaam, String contentType, byte[] inhoud,
      String gebruiker) {
    Verwerker v = haal(id);
    Archiefstuk stuk = archief.bewaar(v.referentie(), nl.deurwaarder.avg.archief.Stuksoort.OVERIG,
        "Verwerkersovereenkomst " + v.naam(), bestandsnaam, contentType, inhoud, gebruiker);
    tabel.historie(v.referentie(), gebruiker, "overeenkomstDocument", null, bestandsnaam + " (stuk " + stuk.id()
        + ")");
    return stuk;
  }

  public List<Archiefstuk> documenten(long id) {
    return archief.stukken(referentie(id));
  }

  public byte[] documentInhoud(long stukId) {
    return archief.inhoud(stukId);
  }

  // ---- reading ----

  private record Rij(long id, String referentie, String naam, String dienst, String contactNaam, String contactEmail,
      String contactTelefoon, LocalDate getekend, LocalDate eindigt, int bezwaartermijn, boolean buitenEer,
      String landen, String waarborg, LocalDate audit, LocalDate rapport, LocalDate verklaring) {
  }

  private static Rij rij(ResultSet rs) throws SQLException {
    return new Rij(rs.getLong("id"), rs.getString("referentie"), rs.getString("naam"), rs.getString("dienst"),
        rs.getString("contact_naam"), rs.getString("contact_email"), rs.getString("contact_telefoon"),
        datum(rs, "overeenkomst_getekend_op"), datum(rs, "overeenkomst_eindigt_op"),
        rs.getInt("bezwaartermijn_dagen"), rs.getBoolean("buiten_eer"), rs.getString("buiten_eer_landen"),
        rs.getString("buiten_eer_waarborg"), datum(rs, "laatste_audit_op"),
        datum(rs, "laatste_beveiligingsrapport_op"), datum(rs, "verwijderverklaring_op"));
  }

  private Verwerker volledig(Rij r, Map<String, List<String>> verwerkingen) {
    LocalDate vandaag = LocalDate.now(clock.withZone(AMSTERDAM));
    List<Subverwerker> subs = jdbc.query("SELECT * FROM avg_subverwerker WHERE verwerker_id = :v ORDER BY gemeld_op,"
        + " id", Map.of("v", r.id()), (rs, i) -> sub(rs));
    List<String> datalekken = jdbc.queryForList("SELECT referentie FROM avg_datalek WHERE bron = 'VERWERKER' AND"
        + " LOWER(verwerker) = :n ORDER BY jaar, volgnummer", Map.of("n", r.naam().toLowerCase(Locale.ROOT)),
        String.class);
    List<Long> documenten = archief.stukken(r.referentie()).stream().map(Archiefstuk::id).toList();
    return new Verwerker(r.id(), r.referentie(), r.naam(), r.dienst(), r.contactNaam(), r.contactEmail(),
        r.contactTelefoon(), r.getekend(), r.eindigt(), r.bezwaartermijn(), r.buitenEer(), r.landen(), r.waarborg(),
        r.audit(), r.rapport(), r.verklaring(), VerwerkerStatus.bepaal(r.getekend(), r.eindigt(), r.verklaring(),
            vandaag), documenten, subs, verwerkingen.getOrDefault(r.naam().toLowerCase(Locale.ROOT), List.of()),
        datalekken, termijnoverschrijdingen(r.naam()));
  }

  /** Late reports of this processor: requests (3 working days) and breaches (24 hours), oldest first. */
  List<Termijnoverschrijding> termijnoverschrijdingen(String naam) {
    Map<String, Object> p = Map.of("n", naam.toLowerCase(Locale.ROOT));
    List<Termijnoverschrijding> lijst = new ArrayList<>(jdbc.query("SELECT referentie, verwerker_ontvangen_op,"
        + " ontvangen_op FROM avg_verzoek WHERE verwerker_tijdig = FALSE AND LOWER(verwerker) = :n", p,
        (rs, i) -> new Termijnoverschrijding("VERZOEK", rs.getString(1), odt(rs, "verwerker_ontvangen_op"),
            odt(rs, "ontvangen_op"), "verzoek niet binnen 3 werkdagen doorgestuurd (PH-ORG-05 §8)")));
    lijst.addAll(jdbc.query("SELECT referentie, verwerker_ontdekt_op, ontdekt_op FROM avg_datalek WHERE"
        + " verwerker_tijdig = FALSE AND LOWER(verwerker) = :n", p,
        (rs, i) -> new Termijnoverschrijding("DATALEK", rs.getString(1), odt(rs, "verwerker_ontdekt_op"),
            odt(rs, "ontdekt_op"), "datalek niet binnen 24 uur na ontdekking gemeld (PH-ORG-05 §7)")));
    lijst.sort(java.util.Comparator.comparing(Termijnoverschrijding::kantoorMoment,
        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
    return lijst;
  }

  /**
   * Processor name (lower case) → codes of the processings (in the verwerkingsregister as last published) with a
   * data type that names it.
   */
  private Map<String, List<String>> verwerkingenPerNaam() {
    Map<String, TreeSet<String>> per = new HashMap<>();
    jdbc.query("SELECT verwerking_code, verwerkers FROM avg_vwr_gegevenstype WHERE verwerkers IS NOT NULL",
        Map.of(), rs -> {
          for (String naam : Arrays.stream(rs.getString(2).split(";")).map(String::strip)
              .filter(s -> !s.isEmpty()).toList()) {
            per.computeIfAbsent(naam.toLowerCase(Locale.ROOT), k -> new TreeSet<>(Registervolgorde.CODES))
                .add(rs.getString(1));
          }
        });
    Map<String, List<String>> uit = new HashMap<>();
    per.forEach((k, v) -> uit.put(k, List.copyOf(v)));
    return uit;
  }

  private static Subverwerker sub(ResultSet rs) throws SQLException {
    return new Subverwerker(rs.getLong("id"), rs.getString("naam"), rs.getString("dienst"), rs.getString("land"),
        datum(rs, "gemeld_op"), datum(rs, "bezwaar_uiterlijk"), rs.getString("besluit"), datum(rs, "besluit_op"),
        rs.getString("fg_advies"), rs.getString("toelichting"));
  }

  private static LocalDate datum(ResultSet rs, String kolom) throws SQLException {
    java.sql.Date d = rs.getDate(kolom);
    return d == null ? null : d.toLocalDate();
  }

  private static OffsetDateTime odt(ResultSet rs, String kolom) throws SQLException {
    OffsetDateTime t = rs.getObject(kolom, OffsetDateTime.class);
    return t == null ? null : t.atZoneSameInstant(AMSTERDAM).toOffsetDateTime();
  }

  private static VerwerkerGegevens schoon(VerwerkerGegevens g) {
    return new VerwerkerGegevens(s(g.naam()), s(g.dienst()), s(g.contactNaam()), s(g.contactEmail()),
        s(g.contactTelefoon()), g.overeenkomstGetekendOp(), g.overeenkomstEindigtOp(), g.bezwaartermijnDagen(),
        g.buitenEer(), s(g.buitenEerLanden()), s(g.buitenEerWaarborg()), g.laatsteAuditOp(),
        g.laatsteBeveiligingsrapportOp(), g.verwijderverklaringOp());
  }

  private static String s(String t) {
    return t == null || t.isBlank() ? null : t.strip();
  }

  /** Codes like 20.1.1 sorted as numbers (20.1.10 after 20.1.2). */
  static final class Registervolgorde {
    static final java.util.Comparator<String> CODES = (a, b) -> {
      String[] x = a.split("\\.");
      String[] y = b.split("\\.");
      for (int i = 0; i < Math.min(x.length, y.length); i++) {
        int c = Integer.compare(getal(x[i]), getal(y[i]));
        if (c != 0) {
          return c;
        }
      }
      return a.compareTo(b);
    };

    private static int getal(String s) {
      try {
        return Integer.parseInt(s);
      } catch (NumberFormatException e) {
        return Integer.MAX_VALUE;
      }
    }
  }
}
