package nl.deurwaarder.avg.uitvoering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekRegister;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The uitvoeringsregister: per request, what was erased, anonymised, corrected or restricted in which system, with
 * dossier number and date (PH-PRO-05 §7.1, PH-PRO-06 §5.3), and the restores of backups after which these were applied
 * again (PH-PRO-05 §7.3, PH-PRO-06 §7.2). Keeps the register entry's {@code uitgevoerdOp} equal to the latest date
 * (lifted restrictions excluded)
 * carried out (written through {@link VerzoekRegister#wijzig}, so with history).
 */
@Repository
public class Uitvoeringsregister {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final DateTimeFormatter NL = DateTimeFormatter.ofPattern("dd-MM-yyyy");

  private final NamedParameterJdbcTemplate jdbc;
  private final VerzoekRegister verzoeken;
  private final Clock clock;

  public Uitvoeringsregister(NamedParameterJdbcTemplate jdbc, VerzoekRegister verzoeken, Clock clock) {
    this.jdbc = jdbc;
    this.verzoeken = verzoeken;
    this.clock = clock;
  }

  /**
   * Records what was carried out for request {@code referentie}, one row per system; all rows or none. Refuses
   * incomplete or impossible rows with a Dutch message ({@link OngeldigeInvoerException}). Sets the register's
   * {@code uitgevoerdOp} to the latest date of the request's executions.
   */
  @Transactional
  public List<Uitvoering> legVast(String referentie, List<NieuweUitvoering> rijen, String gebruiker) {
    return legVast(referentie, rijen, null, gebruiker);
  }

  /** As {@link #legVast(String, List, String)}; {@code regels} names each row in messages ("Regel 3: ..."). */
  @Transactional
  public List<Uitvoering> legVast(String referentie, List<NieuweUitvoering> rijen, List<String> regels,
      String gebruiker) {
    Verzoek verzoek = verzoeken.haal(referentie);
    if (rijen == null || rijen.isEmpty()) {
      throw new OngeldigeInvoerException("Vul ten minste één systeem in waarin de gegevens zijn verwerkt.");
    }
    LocalDate vandaag = LocalDate.now(clock.withZone(AMSTERDAM));
    LocalDate ontvangen = verzoek.ontvangenOp().atZoneSameInstant(AMSTERDAM).toLocalDate();
    List<String> fouten = new ArrayList<>();
    for (int i = 0; i < rijen.size(); i++) {
      String regel = regels != null ? regels.get(i) : rijen.size() == 1 ? "" : "Regel " + (i + 1) + ": ";
      controleer(rijen.get(i), regel, vandaag, ontvangen, fouten);
    }
    if (!fouten.isEmpty()) {
      throw new OngeldigeInvoerException(String.join(" ", fouten));
    }
    List<Uitvoering> vastgelegd = new ArrayList<>();
    for (NieuweUitvoering r : rijen) {
      GeneratedKeyHolder sleutel = new GeneratedKeyHolder();
      jdbc.update("""
          INSERT INTO avg_uitvoering (referentie, soort, systeem, dossiernummer, omschrijving, beperking_reden,
            beperkt_tot, beperking_einde, uitgevoerd_op, uitgevoerd_door, vastgelegd_op, vastgelegd_door)
          VALUES (:referentie, :soort, :systeem, :dossiernummer, :omschrijving, :reden, :tot, :einde, :op, :door,
            :vastgelegdOp, :gebruiker)
          """, new MapSqlParameterSource("referentie", referentie).addValue("soort", r.soort().name())
          .addValue("systeem", Systemen.normaliseer(r.systeem())).addValue("dossiernummer", r.dossiernummer().trim())
          .addValue("omschrijving", r.omschrijving().trim()).addValue("reden", leegAlsNull(r.beperkingReden()))
          .addValue("tot", r.beperktTot()).addValue("einde", leegAlsNull(r.beperkingEinde()))
          .addValue("op", r.uitgevoerdOp())
          .addValue("door", r.uitgevoerdDoor() == null || r.uitgevoerdDoor().isBlank() ? gebruiker
              : r.uitgevoerdDoor().trim())
          .addValue("vastgelegdOp", OffsetDateTime.now(clock)).addValue("gebruiker", gebruiker),
          sleutel, new String[] {"id"});
      vastgelegd.add(uitvoering(sleutel.getKey().longValue()).orElseThrow());
    }
    verzoeken.historie(referentie, gebruiker, "uitvoering", null, vastgelegd.stream()
        .map(u -> u.soort().name() + ": " + u.systeem() + " (dossier " + u.dossiernummer() + ") op "
            + NL.format(u.uitgevoerdOp()))
        .collect(Collectors.joining("; ")));
    // lifting a restriction is a later event, not the carrying out of the request: it leaves uitgevoerdOp alone
    LocalDate laatste = jdbc.queryForObject("SELECT MAX(uitgevoerd_op) FROM avg_uitvoering WHERE referentie = :r"
        + " AND soort <> 'BEPERKING_OPGEHEVEN'", Map.of("r", referentie), LocalDate.class);
    if (laatste != null) {
      verzoeken.wijzig(referentie, Map.of("uitgevoerdOp", laatste), gebruiker);
    }
    return vastgelegd;
  }

  private static void controleer(NieuweUitvoering r, String regel, LocalDate vandaag, LocalDate ontvangen,
      List<String> fouten) {
    if (r.soort() == null) {
      fouten.add(regel + "kies wat er is gedaan (gewist, geanonimiseerd, gecorrigeerd, beperkt of beperking opgeheven).");
    }
    if (leeg(r.systeem())) {
      fouten.add(regel + "vul het systeem in.");
    } else if (r.systeem().length() > 200) {
      fouten.add(regel + "de naam van het systeem is te lang (hoogstens 200 tekens).");
    }
    if (leeg(r.dossiernummer())) {
      fouten.add(regel + "vul het dossiernummer in (PH-PRO-05 §7.1).");
    } else if (r.dossiernummer().length() > 64) {
      fouten.add(regel + "het dossiernummer is te lang (hoogstens 64 tekens).");
    }
    if (leeg(r.omschrijving())) {
      fouten.add(regel + "omschrijf welke gegevens het betreft.");
    } else if (r.omschrijving().length() > 2000) {
      fouten.add(regel + "de omschrijving is te lang (hoogstens 2000 tekens).");
    }
    if (r.uitgevoerdOp() == null) {
      fouten.add(regel + "vul de datum van uitvoering in.");
    } else if (r.uitgevoerdOp().isAfter(vandaag)) {
      fouten.add(regel + "de datum van uitvoering (" + NL.format(r.uitgevoerdOp()) + ") ligt in de toekomst.");
    } else if (r.uitgevoerdOp().isBefore(ontvangen)) {
      fouten.add(regel + "de datum van uitvoering (" + NL.format(r.uitgevoerdOp())
          + ") ligt vóór de ontvangst van het verzoek (" + NL.format(ontvangen) + ").");
    }
    if (r.soort() == Uitvoeringssoort.BEPERKEN) {
      if (leeg(r.beperkingReden())) {
        fouten.add(regel + "vul bij een beperking de reden in (AVG art. 18 lid 1).");
      }
      if (r.beperktTot() == null && leeg(r.beperkingEinde())) {
        fouten.add(regel + "vul bij een beperking in tot wanneer: een datum of de gebeurtenis waarop zij eindigt.");
      }
      if (r.beperktTot() != null && r.uitgevoerdOp() != null && !r.beperktTot().isAfter(r.uitgevoerdOp())) {
        fouten.add(regel + "'beperkt tot' moet na de datum van uitvoering liggen.");
      }
    }
  }

  public List<Uitvoering> uitvoeringen(String referentie) {
    return jdbc.query("SELECT * FROM avg_uitvoering WHERE referentie = :r ORDER BY uitgevoerd_op, id",
        Map.of("r", referentie), RIJ);
  }

  public Optional<Uitvoering> uitvoering(long id) {
    return jdbc.query("SELECT * FROM avg_uitvoering WHERE id = :id", Map.of("id", id), RIJ).stream().findFirst();
  }

  /**
   * Every execution carried out ON OR AFTER {@code backupDatum} (a backup of day D may have been taken before an
   * erasure on day D: the day itself is included), of every kind, oldest first. With {@code systemen} (standard
   * names of PH-PRO-02) only rows of those systems, plus rows of systems outside the standard list: whether those were
   * restored cannot be told, so they are never left out.
   */
  public List<Uitvoering> sinds(LocalDate backupDatum, Collection<String> systemen) {
    List<Uitvoering> alle = jdbc.query(
        "SELECT * FROM avg_uitvoering WHERE uitgevoerd_op >= :d ORDER BY referentie, uitgevoerd_op, id",
        Map.of("d", backupDatum), RIJ);
    Set<String> filter = systemen == null ? Set.of() : systemen.stream().filter(s -> !leeg(s))
        .map(Systemen::normaliseer).collect(Collectors.toSet());
    if (filter.isEmpty()) {
      return alle;
    }
    return alle.stream().filter(u -> Systemen.standaard(u.systeem()).map(filter::contains).orElse(true)).toList();
  }

  // --- restores ---

  /** Records the start of a restore (the process "Herstel na back-up"). */
  @Transactional
  public Herstel startHerstel(LocalDate backupDatum, List<String> systemen, String toelichting, String gebruiker,
      String processInstanceId) {
    GeneratedKeyHolder sleutel = new GeneratedKeyHolder();
    jdbc.update("""
        INSERT INTO avg_herstel (backup_datum, systemen, toelichting, gestart_op, gestart_door, process_instance_id)
        VALUES (:d, :s, :t, :op, :door, :pi)
        """, new MapSqlParameterSource("d", backupDatum)
        .addValue("s", systemen == null || systemen.isEmpty() ? null
            : systemen.stream().map(Systemen::normaliseer).collect(Collectors.joining(";")))
        .addValue("t", leegAlsNull(toelichting)).addValue("op", OffsetDateTime.now(clock))
        .addValue("door", gebruiker).addValue("pi", processInstanceId), sleutel, new String[] {"id"});
    return herstel(sleutel.getKey().longValue());
  }

  public Herstel herstel(long id) {
    return jdbc.query("SELECT * FROM avg_herstel WHERE id = :id", Map.of("id", id), HERSTEL).stream().findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Onbekend herstel " + id));
  }

  public List<Herstel> herstellen() {
    return jdbc.query("SELECT * FROM avg_herstel ORDER BY id", Map.of(), HERSTEL);
  }

  /** What must be applied again after restore {@code herstelId}, per request (in reference order). */
  public Map<String, List<Uitvoering>> teHerstellen(long herstelId) {
    Herstel h = herstel(herstelId);
    Map<String, List<Uitvoering>> perVerzoek = new LinkedHashMap<>();
    for (Uitvoering u : sinds(h.backupDatum(), h.systemen())) {
      perVerzoek.computeIfAbsent(u.referentie(), r -> new ArrayList<>()).add(u);
    }
    return perVerzoek;
  }

  /**
   * Logs that the executions of {@code referentie} listed for restore {@code herstelId} were applied again (or were
   * not needed): one row per execution, plus a line in the request's register history.
   */
  @Transactional
  public List<Heruitvoering> opnieuwToegepast(long herstelId, String referentie, Hersteluitkomst uitkomst,
      LocalDate op, String gebruiker, String opmerking) {
    Herstel h = herstel(herstelId);
    List<Uitvoering> rijen = teHerstellen(herstelId).getOrDefault(referentie, List.of());
    if (rijen.isEmpty()) {
      throw new OngeldigeInvoerException("Voor " + referentie + " hoeft na dit herstel niets opnieuw te worden "
          + "toegepast.");
    }
    for (Uitvoering u : rijen) {
      jdbc.update("""
          INSERT INTO avg_heruitvoering (herstel_id, uitvoering_id, uitkomst, opnieuw_uitgevoerd_op,
            opnieuw_uitgevoerd_door, opmerking, vastgelegd_op)
          VALUES (:h, :u, :uitkomst, :op, :door, :opmerking, :nu)
          """, new MapSqlParameterSource("h", herstelId).addValue("u", u.id()).addValue("uitkomst", uitkomst.name())
          .addValue("op", op).addValue("door", gebruiker).addValue("opmerking", leegAlsNull(opmerking))
          .addValue("nu", OffsetDateTime.now(clock)));
    }
    String systemen = rijen.stream().map(u -> u.systeem() + " (dossier " + u.dossiernummer() + ", "
        + u.soort().omschrijving() + " op " + NL.format(u.uitgevoerdOp()) + ")").collect(Collectors.joining("; "));
    String tekst = (uitkomst == Hersteluitkomst.OPNIEUW_TOEGEPAST
        ? "opnieuw toegepast na herstel back-up van " + NL.format(h.backupDatum()) + " op " + NL.format(op)
        : "niet opnieuw nodig na herstel back-up van " + NL.format(h.backupDatum()))
        + ": " + systemen + (leeg(opmerking) ? "" : ". Opmerking: " + opmerking.trim());
    verzoeken.historie(referentie, gebruiker, "opnieuwToegepast", null, tekst);
    return heruitvoeringen(referentie).stream().filter(x -> x.herstelId() == herstelId).toList();
  }

  /** Marks restore {@code herstelId} complete, with the number of requests whose executions were redone. */
  @Transactional
  public Herstel herstelAfgerond(long herstelId, int aantalVerzoeken) {
    jdbc.update("UPDATE avg_herstel SET afgerond_op = :nu, aantal_verzoeken = :n WHERE id = :id",
        new MapSqlParameterSource("nu", OffsetDateTime.now(clock)).addValue("n", aantalVerzoeken)
            .addValue("id", herstelId));
    return herstel(herstelId);
  }

  /** Every re-application of the request's executions, oldest first. */
  public List<Heruitvoering> heruitvoeringen(String referentie) {
    return jdbc.query("""
        SELECT h.* FROM avg_heruitvoering h JOIN avg_uitvoering u ON u.id = h.uitvoering_id
        WHERE u.referentie = :r ORDER BY h.id
        """, Map.of("r", referentie), HERUITVOERING);
  }

  static boolean leeg(String s) {
    return s == null || s.isBlank();
  }

  private static String leegAlsNull(String s) {
    return leeg(s) ? null : s.trim();
  }

  private static OffsetDateTime odt(ResultSet rs, String kolom) throws SQLException {
    OffsetDateTime t = rs.getObject(kolom, OffsetDateTime.class);
    return t == null ? null : t.atZoneSameInstant(AMSTERDAM).toOffsetDateTime();
  }

  static final RowMapper<Uitvoering> RIJ = (rs, i) -> new Uitvoering(rs.getLong("id"), rs.getString("referentie"),
      Uitvoeringssoort.valueOf(rs.getString("soort")), rs.getString("systeem"), rs.getString("dossiernummer"),
      rs.getString("omschrijving"), rs.getString("beperking_reden"), rs.getObject("beperkt_tot", LocalDate.class),
      rs.getString("beperking_einde"), rs.getObject("uitgevoerd_op", LocalDate.class),
      rs.getString("uitgevoerd_door"), odt(rs, "vastgelegd_op"), rs.getString("vastgelegd_door"));

  static final RowMapper<Herstel> HERSTEL = (rs, i) -> new Herstel(rs.getLong("id"),
      rs.getObject("backup_datum", LocalDate.class),
      rs.getString("systemen") == null ? List.of() : Arrays.asList(rs.getString("systemen").split(";")),
      rs.getString("toelichting"), odt(rs, "gestart_op"), rs.getString("gestart_door"),
      rs.getString("process_instance_id"), (Integer) rs.getObject("aantal_verzoeken", Integer.class),
      odt(rs, "afgerond_op"));

  static final RowMapper<Heruitvoering> HERUITVOERING = (rs, i) -> new Heruitvoering(rs.getLong("id"),
      rs.getLong("herstel_id"), rs.getLong("uitvoering_id"), Hersteluitkomst.valueOf(rs.getString("uitkomst")),
      rs.getObject("opnieuw_uitgevoerd_op", LocalDate.class), rs.getString("opnieuw_uitgevoerd_door"),
      rs.getString("opmerking"), odt(rs, "vastgelegd_op"));
}
