package nl.deurwaarder.avg.archief;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.deurwaarder.avg.bewaartermijn.PersoonsgegevensOpruimer;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The archive of each request or breach (the handbook's folder [REFERENTIENUMMER-NAAM BETROKKENE]): the original
 * request, ID and authorisation documents, collected and screened data, letters. Kept in the database. Access rules
 * are enforced by the callers (web pages, API); this class does no HTTP.
 */
@Repository
@Order(20)
public class Archief implements PersoonsgegevensOpruimer {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  public Archief(NamedParameterJdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Transactional
  public Archiefstuk bewaar(String referentie, Stuksoort soort, String titel, String bestandsnaam,
      String contentType, byte[] inhoud, String gebruiker) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update("""
        INSERT INTO avg_archiefstuk (referentie, soort, titel, bestandsnaam, content_type, grootte, sha256, inhoud,
          toegevoegd_op, toegevoegd_door)
        VALUES (:r, :soort, :titel, :naam, :type, :grootte, :sha, :inhoud, :op, :door)
        """, new MapSqlParameterSource("r", referentie).addValue("soort", soort.name()).addValue("titel", titel)
        .addValue("naam", bestandsnaam).addValue("type", contentType).addValue("grootte", inhoud.length)
        .addValue("sha", sha256(inhoud)).addValue("inhoud", inhoud).addValue("op", OffsetDateTime.now(clock))
        .addValue("door", gebruiker), key, new String[] {"id"});
    return stuk(key.getKey().longValue()).orElseThrow();
  }

  public List<Archiefstuk> stukken(String referentie) {
    return jdbc.query("SELECT " + KOLOMMEN + " FROM avg_archiefstuk WHERE referentie = :r ORDER BY toegevoegd_op, id",
        Map.of("r", referentie), RIJ);
  }

  public Optional<Archiefstuk> stuk(long id) {
    return jdbc.query("SELECT " + KOLOMMEN + " FROM avg_archiefstuk WHERE id = :id", Map.of("id", id), RIJ)
        .stream().findFirst();
  }

  public byte[] inhoud(long id) {
    return jdbc.queryForObject("SELECT inhoud FROM avg_archiefstuk WHERE id = :id", Map.of("id", id),
        (rs, i) -> rs.getBytes(1));
  }

  /**
   * Removes the whole archive of a reference (retention period ended). Returns the number of documents removed. The
   * archive writes no other capability's table: the letters' own clean-up ({@code brief.BriefBewaartermijn},
   * {@code @Order(10)}, before this one at 20) has already cleared the letters' links to their archived PDFs.
   */
  @Transactional
  public int verwijderAlles(String referentie) {
    return jdbc.update("DELETE FROM avg_archiefstuk WHERE referentie = :r", Map.of("r", referentie));
  }

  /** Retention: the archive of a request or breach goes as a whole (ID copies, letters, collected data). */
  @Override
  public int ruimOp(String referentie) {
    return verwijderAlles(referentie);
  }

  static String sha256(byte[] inhoud) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(inhoud));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final String KOLOMMEN =
      "id, referentie, soort, titel, bestandsnaam, content_type, grootte, sha256, toegevoegd_op, toegevoegd_door";

  private static final RowMapper<Archiefstuk> RIJ = (rs, i) -> {
    OffsetDateTime op = rs.getObject("toegevoegd_op", OffsetDateTime.class);
    return new Archiefstuk(rs.getLong("id"), rs.getString("referentie"), Stuksoort.valueOf(rs.getString("soort")),
        rs.getString("titel"), rs.getString("bestandsnaam"), rs.getString("content_type"), rs.getLong("grootte"),
        rs.getString("sha256"), op == null ? null : op.atZoneSameInstant(AMSTERDAM).toOffsetDateTime(),
        rs.getString("toegevoegd_door"));
  };
}
