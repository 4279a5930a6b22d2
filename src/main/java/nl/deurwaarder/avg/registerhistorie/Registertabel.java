package nl.deurwaarder.avg.registerhistorie;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A register table whose every change is kept with who, when and what (old and new value) in its history table: the
 * proof of the handling the office shows the AP or an auditor. Shared by the Register AVG-verzoeken and the Register
 * datalekken. Rows carry a {@code versie} column: two changes at the same moment never overwrite each other silently.
 */
public final class Registertabel {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  /** One line of a register entry's history. */
  public record Historieregel(OffsetDateTime tijdstip, String gebruiker, String veld, String oudeWaarde,
      String nieuweWaarde) {
  }

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;
  private final String tabel;
  private final String historieTabel;
  private final Function<String, String> kolomVoorVeld;

  /**
   * @param kolomVoorVeld the column of a changeable field (API name), or null when the field may not be changed
   */
  public Registertabel(NamedParameterJdbcTemplate jdbc, Clock clock, String tabel, String historieTabel,
      Function<String, String> kolomVoorVeld) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.tabel = tabel;
    this.historieTabel = historieTabel;
    this.kolomVoorVeld = kolomVoorVeld;
  }

  /**
   * Changes fields (API names) of one entry and writes one history line per field that really changed. Must run in
   * the caller's transaction.
   */
  public void wijzig(String referentie, Map<String, ?> velden, String gebruiker,
      Supplier<? extends RuntimeException> onbekend) {
    List<Map<String, Object>> rijen = jdbc.queryForList("SELECT * FROM " + tabel + " WHERE referentie = :r",
        Map.of("r", referentie));
    if (rijen.isEmpty()) {
      throw onbekend.get();
    }
    Map<String, Object> huidig = new LinkedHashMap<>();
    rijen.get(0).forEach((k, v) -> huidig.put(k.toLowerCase(), v));
    MapSqlParameterSource p = new MapSqlParameterSource("r", referentie).addValue("versie", huidig.get("versie"));
    List<String> sets = new ArrayList<>();
    Map<String, String[]> wijzigingen = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : velden.entrySet()) {
      String kolom = kolomVoorVeld.apply(e.getKey());
      if (kolom == null) {
        throw new IllegalArgumentException("Onbekend registerveld: " + e.getKey());
      }
      Object nieuw = dbWaarde(e.getValue());
      String oudTekst = tekst(huidig.get(kolom));
      String nieuwTekst = tekst(nieuw);
      if (!Objects.equals(oudTekst, nieuwTekst)) {
        sets.add(kolom + " = :" + e.getKey());
        p.addValue(e.getKey(), nieuw);
        wijzigingen.put(e.getKey(), new String[] {oudTekst, nieuwTekst});
      }
    }
    if (!sets.isEmpty()) {
      int n = jdbc.update("UPDATE " + tabel + " SET " + String.join(", ", sets)
          + ", versie = versie + 1 WHERE referentie = :r AND versie = :versie", p);
      if (n != 1) {
        throw new OptimisticLockingFailureException("Register " + referentie + " is tegelijk gewijzigd");
      }
      wijzigingen.forEach((veld, w) -> historie(referentie, gebruiker, veld, w[0], w[1]));
    }
  }

  public void historie(String referentie, String gebruiker, String veld, String oud, String nieuw) {
    jdbc.update("INSERT INTO " + historieTabel
        + " (referentie, tijdstip, gebruiker, veld, oude_waarde, nieuwe_waarde) VALUES (:r, :t, :g, :v, :o, :n)",
        new MapSqlParameterSource("r", referentie).addValue("t", OffsetDateTime.now(clock))
            .addValue("g", gebruiker).addValue("v", veld).addValue("o", afkappen(oud))
            .addValue("n", afkappen(nieuw)));
  }

  public List<Historieregel> historie(String referentie) {
    return jdbc.query("SELECT tijdstip, gebruiker, veld, oude_waarde, nieuwe_waarde FROM " + historieTabel
        + " WHERE referentie = :r ORDER BY tijdstip, id", Map.of("r", referentie), (rs, i) -> {
          OffsetDateTime t = rs.getObject("tijdstip", OffsetDateTime.class);
          return new Historieregel(t == null ? null : t.atZoneSameInstant(AMSTERDAM).toOffsetDateTime(),
              rs.getString("gebruiker"), rs.getString("veld"), rs.getString("oude_waarde"),
              rs.getString("nieuwe_waarde"));
        });
  }

  static String afkappen(String s) {
    return s == null || s.length() <= 4000 ? s : s.substring(0, 3997) + "...";
  }

  /** How a Java value is stored: lists comma-separated, enums by name, dates in Amsterdam time, blank as null. */
  public static Object dbWaarde(Object waarde) {
    if (waarde instanceof Collection<?> c) {
      return c.isEmpty() ? null : c.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    if (waarde instanceof Enum<?> e) {
      return e.name();
    }
    if (waarde instanceof java.util.Date d && !(waarde instanceof java.sql.Date)) {
      return OffsetDateTime.ofInstant(d.toInstant(), AMSTERDAM);
    }
    if (waarde instanceof String s && s.isBlank()) {
      return null;
    }
    return waarde;
  }

  /** A value as the history shows it: instants in ISO UTC, dates as yyyy-MM-dd. */
  static String tekst(Object waarde) {
    if (waarde == null) {
      return null;
    }
    if (waarde instanceof Timestamp ts) {
      return ts.toInstant().toString();
    }
    if (waarde instanceof java.sql.Date d) {
      return d.toLocalDate().toString();
    }
    if (waarde instanceof TemporalAccessor t && t.isSupported(ChronoField.INSTANT_SECONDS)) {
      return Instant.from(t).toString();
    }
    return String.valueOf(waarde);
  }
}
