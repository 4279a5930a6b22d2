package nl.deurwaarder.avg.levering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import nl.deurwaarder.avg.levering.Levering.Codekanaal;
import nl.deurwaarder.avg.levering.Levering.Status;
import nl.deurwaarder.avg.levering.Levering.Verzendwijze;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deliveries ({@code avg_levering}) and the portal's access log ({@code avg_levering_toegang}). Writes that
 * precede a side effect outside the database (an SMS, a mail) run in a transaction of their own and are committed
 * before it: a code or token that went out is always known here.
 */
@Repository
public class Leveringen {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  /** One line of the access log. */
  public record Toegang(long id, Long leveringId, OffsetDateTime moment, String ipAdres, String handeling,
      String resultaat) {
  }

  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate eigenTransactie;
  private final Clock clock;

  public Leveringen(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.eigenTransactie = new TransactionTemplate(transactionManager);
    this.eigenTransactie.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public Optional<Levering> vind(String sleutel) {
    return jdbc.query("SELECT " + KOLOMMEN + " FROM avg_levering WHERE sleutel = :s", Map.of("s", sleutel), RIJ)
        .stream().findFirst();
  }

  public Optional<Levering> vind(long id) {
    return jdbc.query("SELECT " + KOLOMMEN + " FROM avg_levering WHERE id = :id", Map.of("id", id), RIJ)
        .stream().findFirst();
  }

  public Optional<Levering> vindOpToken(String tokenHash) {
    return jdbc.query("SELECT " + KOLOMMEN + " FROM avg_levering WHERE token_hash = :t", Map.of("t", tokenHash), RIJ)
        .stream().findFirst();
  }

  public List<Levering> vanReferentie(String referentie) {
    return jdbc.query("SELECT " + KOLOMMEN + " FROM avg_levering WHERE referentie = :r ORDER BY id",
        Map.of("r", referentie), RIJ);
  }

  /** The package as it is delivered (plain for the portal, encrypted for e-mail); empty once removed. */
  public Optional<byte[]> pakket(long id) {
    return jdbc.query("SELECT pakket FROM avg_levering WHERE id = :id", Map.of("id", id), (rs, i) -> rs.getBytes(1))
        .stream().filter(b -> b != null).findFirst();
  }

  /**
   * Records a delivery (VOORBEREID) once per key, committed; {@code archiveer} (archiving the package) runs in the
   * same transaction and returns the archive entry's id. A second call with the same key returns the first row.
   */
  public Levering maak(String referentie, String sleutel, Verzendwijze wijze, String bestandsnaam,
      String contentType, byte[] pakket, Supplier<Long> archiveer) {
    try {
      return eigenTransactie.execute(s -> {
        Long archiefstukId = archiveer.get();
        jdbc.update("""
            INSERT INTO avg_levering (referentie, sleutel, verzendwijze, status, pakket, bestandsnaam, content_type,
              archiefstuk_id, mislukte_pogingen, aangemaakt_op)
            VALUES (:r, :s, :w, :status, :pakket, :naam, :type, :archief, 0, :op)
            """, new MapSqlParameterSource("r", referentie).addValue("s", sleutel).addValue("w", wijze.name())
            .addValue("status", Status.VOORBEREID.name()).addValue("pakket", pakket).addValue("naam", bestandsnaam)
            .addValue("type", contentType).addValue("archief", archiefstukId).addValue("op", nu()));
        return vind(sleutel).orElseThrow();
      });
    } catch (DuplicateKeyException e) {
      return vind(sleutel).orElseThrow();
    }
  }

  /** A new code or password (its hash) and, for e-mail, the package encrypted with it; committed. */
  public void zetCode(long id, String codeHash, Codekanaal kanaal, byte[] nieuwPakket) {
    eigenTransactie.executeWithoutResult(s -> jdbc.update("UPDATE avg_levering SET code_hash = :h, code_kanaal = :k,"
        + " pakket = COALESCE(:pakket, pakket) WHERE id = :id AND status = :voorbereid",
        new MapSqlParameterSource("h", codeHash).addValue("k", kanaal.name()).addValue("pakket", nieuwPakket)
            .addValue("id", id).addValue("voorbereid", Status.VOORBEREID.name())));
  }

  public void codeVerzonden(long id) {
    zetStatus(id, Status.VOORBEREID, Status.CODE_VERZONDEN);
  }

  /** A new link token (its hash) and the end of the fetch period, committed before the mail with the link goes. */
  public void zetToken(long id, String tokenHash, OffsetDateTime verlooptOp) {
    eigenTransactie.executeWithoutResult(s -> jdbc.update(
        "UPDATE avg_levering SET token_hash = :t, verloopt_op = :v WHERE id = :id",
        new MapSqlParameterSource("t", tokenHash).addValue("v", verlooptOp).addValue("id", id)));
  }

  public void verzonden(long id) {
    eigenTransactie.executeWithoutResult(s -> jdbc.update(
        "UPDATE avg_levering SET status = :nieuw, verzonden_op = COALESCE(verzonden_op, :op) WHERE id = :id"
            + " AND status = :oud", new MapSqlParameterSource("nieuw", Status.VERZONDEN.name()).addValue("op", nu())
            .addValue("id", id).addValue("oud", Status.CODE_VERZONDEN.name())));
  }

  /** Counts a wrong code; returns the number of wrong codes so far. */
  public int misluktePoging(long id) {
    jdbc.update("UPDATE avg_levering SET mislukte_pogingen = mislukte_pogingen + 1 WHERE id = :id", Map.of("id", id));
    return jdbc.queryForObject("SELECT mislukte_pogingen FROM avg_levering WHERE id = :id", Map.of("id", id),
        Integer.class);
  }

  /** Locks the delivery and removes its package from the portal; true when this call locked it. */
  public boolean blokkeer(long id) {
    return jdbc.update("UPDATE avg_levering SET status = :g, pakket = NULL, verwijderd_op = :op WHERE id = :id"
        + " AND status = :v", new MapSqlParameterSource("g", Status.GEBLOKKEERD.name()).addValue("op", nu())
        .addValue("id", id).addValue("v", Status.VERZONDEN.name())) == 1;
  }

  /** Ends the fetch period: the package leaves the portal store (the archive keeps its copy). */
  public void verloop(long id) {
    jdbc.update("UPDATE avg_levering SET status = CASE WHEN status = :v THEN :verlopen ELSE status END,"
        + " pakket = NULL, verwijderd_op = COALESCE(verwijderd_op, :op) WHERE id = :id",
        new MapSqlParameterSource("v", Status.VERZONDEN.name()).addValue("verlopen", Status.VERLOPEN.name())
            .addValue("op", nu()).addValue("id", id));
  }

  /** Records the download; true for the first one. */
  public boolean opgehaald(long id, OffsetDateTime moment) {
    return jdbc.update("UPDATE avg_levering SET opgehaald_op = :op WHERE id = :id AND opgehaald_op IS NULL",
        new MapSqlParameterSource("op", moment).addValue("id", id)) == 1;
  }

  /** One line in the access log (in its own transaction: a refused attempt is logged too). */
  public void log(Long leveringId, String ipAdres, String handeling, String resultaat) {
    eigenTransactie.executeWithoutResult(s -> jdbc.update("""
        INSERT INTO avg_levering_toegang (levering_id, moment, ip_adres, handeling, resultaat)
        VALUES (:l, :m, :ip, :h, :r)
        """, new MapSqlParameterSource("l", leveringId).addValue("m", nu()).addValue("ip", ipAdres)
        .addValue("h", handeling).addValue("r", resultaat)));
  }

  public List<Toegang> toegang(long leveringId) {
    return jdbc.query("SELECT * FROM avg_levering_toegang WHERE levering_id = :l ORDER BY id",
        Map.of("l", leveringId), (rs, i) -> new Toegang(rs.getLong("id"), rs.getLong("levering_id"),
            odt(rs, "moment"), rs.getString("ip_adres"), rs.getString("handeling"), rs.getString("resultaat")));
  }

  private void zetStatus(long id, Status oud, Status nieuw) {
    eigenTransactie.executeWithoutResult(s -> jdbc.update(
        "UPDATE avg_levering SET status = :n WHERE id = :id AND status = :o",
        new MapSqlParameterSource("n", nieuw.name()).addValue("id", id).addValue("o", oud.name())));
  }

  private OffsetDateTime nu() {
    return OffsetDateTime.now(clock);
  }

  private static OffsetDateTime odt(ResultSet rs, String kolom) throws SQLException {
    OffsetDateTime t = rs.getObject(kolom, OffsetDateTime.class);
    return t == null ? null : t.atZoneSameInstant(AMSTERDAM).toOffsetDateTime();
  }

  private static final String KOLOMMEN = "id, referentie, sleutel, verzendwijze, status, token_hash, code_hash,"
      + " code_kanaal, bestandsnaam, content_type, archiefstuk_id, mislukte_pogingen, aangemaakt_op, verzonden_op,"
      + " verloopt_op, opgehaald_op, verwijderd_op";

  private static final RowMapper<Levering> RIJ = (rs, i) -> new Levering(rs.getLong("id"),
      rs.getString("referentie"), rs.getString("sleutel"), Verzendwijze.valueOf(rs.getString("verzendwijze")),
      Status.valueOf(rs.getString("status")), rs.getString("token_hash"), rs.getString("code_hash"),
      rs.getString("code_kanaal") == null ? null : Codekanaal.valueOf(rs.getString("code_kanaal")),
      rs.getString("bestandsnaam"), rs.getString("content_type"),
      rs.getObject("archiefstuk_id") == null ? null : rs.getLong("archiefstuk_id"), rs.getInt("mislukte_pogingen"),
      odt(rs, "aangemaakt_op"), odt(rs, "verzonden_op"), odt(rs, "verloopt_op"), odt(rs, "opgehaald_op"),
      odt(rs, "verwijderd_op"));
}
