package nl.deurwaarder.avg.brief;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The letters written and sent ({@code avg_brief}), one row per unique key. Every write runs in a transaction of its
 * own (REQUIRES_NEW), committed before the caller continues: the record that a mail went out must survive when the
 * job that sent it fails afterwards and is rolled back.
 */
@Repository
public class Verzendregister {

  /** Who a letter step runs as when no person is signed in (a job): the same name the registers use. */
  public static final String SYSTEEM = "systeem";

  /** A row of {@code avg_brief}. */
  public record Verzending(long id, String referentie, BriefType briefType, String sleutel, String ontvangerNaam,
      String ontvangerEmail, String onderwerp, Verzendstatus status, OffsetDateTime opgesteldOp,
      OffsetDateTime verzondenOp, String messageId, Long archiefstukId, OffsetDateTime verzendingGestartOp,
      Postverzending post) {
  }

  /**
   * A letter sent by post, as the person who posted it confirmed: posting date, way (GEWONE_POST,
   * AANGETEKENDE_POST, BETEKENING_EXPLOOT), barcode or writ number, who and when. {@code verzendwijze} is the way
   * asked for from the moment the letter waits; the other fields are null until the posting is confirmed.
   */
  public record Postverzending(LocalDate gepostOp, String verzendwijze, String kenmerk, String bevestigdDoor,
      OffsetDateTime bevestigdOp) {
  }

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate eigenTransactie;
  private final Clock clock;

  public Verzendregister(NamedParameterJdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.eigenTransactie = new TransactionTemplate(transactionManager);
    this.eigenTransactie.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public Optional<Verzending> vind(String sleutel) {
    return jdbc.query("SELECT * FROM avg_brief WHERE sleutel = :s", Map.of("s", sleutel), RIJ).stream().findFirst();
  }

  public List<Verzending> vanReferentie(String referentie) {
    return jdbc.query("SELECT * FROM avg_brief WHERE referentie = :r ORDER BY opgesteld_op, id",
        Map.of("r", referentie), RIJ);
  }

  /**
   * Records a written letter (status OPGESTELD) and runs {@code inDezelfdeTransactie} first — archiving the PDF — so
   * that letter row and archived PDF are committed together or not at all. When another execution recorded the same
   * key first, that row is returned and nothing of ours is kept.
   */
  public Verzending legVast(String sleutel, String referentie, BriefType type, String ontvangerNaam,
      String ontvangerEmail, String onderwerp, java.util.function.Supplier<Long> archiveer) {
    try {
      return eigenTransactie.execute(s -> {
        Long archiefstukId = archiveer.get();
        jdbc.update("""
            INSERT INTO avg_brief (referentie, brief_type, sleutel, ontvanger_naam, ontvanger_email, onderwerp, status,
              opgesteld_op, archiefstuk_id)
            VALUES (:r, :t, :s, :naam, :email, :onderwerp, :status, :op, :archief)
            """, new MapSqlParameterSource("r", referentie).addValue("t", type.name()).addValue("s", sleutel)
            .addValue("naam", afkappen(ontvangerNaam, 200)).addValue("email", ontvangerEmail)
            .addValue("onderwerp", afkappen(onderwerp, 300)).addValue("status", Verzendstatus.OPGESTELD.name())
            .addValue("op", OffsetDateTime.now(clock)).addValue("archief", archiefstukId));
        return vind(sleutel).orElseThrow();
      });
    } catch (DuplicateKeyException e) {
      return vind(sleutel).orElseThrow();
    }
  }

  /**
   * Records, committed, that the letter is handed to the mail server now (OPGESTELD → VERZENDEN, with its Message-ID
   * and the moment). Returns false when the letter was not OPGESTELD any more (another execution got there first).
   */
  public boolean verzendingGestart(long id, String messageId) {
    return Boolean.TRUE.equals(eigenTransactie.execute(s -> jdbc.update("""
        UPDATE avg_brief SET status = :nieuw, message_id = :mid, verzending_gestart_op = :op
        WHERE id = :id AND status = :oud
        """, new MapSqlParameterSource("nieuw", Verzendstatus.VERZENDEN.name()).addValue("mid", messageId)
        .addValue("op", OffsetDateTime.now(clock)).addValue("id", id)
        .addValue("oud", Verzendstatus.OPGESTELD.name())) == 1));
  }

  /** The mail server refused or was unreachable, so the mail certainly did not go out: VERZENDEN → OPGESTELD. */
  public void verzendingMislukt(long id) {
    eigenTransactie.executeWithoutResult(s -> jdbc.update(
        "UPDATE avg_brief SET status = :nieuw WHERE id = :id AND status = :oud",
        new MapSqlParameterSource("nieuw", Verzendstatus.OPGESTELD.name()).addValue("id", id)
            .addValue("oud", Verzendstatus.VERZENDEN.name())));
  }

  /**
   * An attempt found the letter still VERZENDEN: the attempt before it was interrupted mid-send. VERZENDEN →
   * ONZEKER and {@code ookVastleggen} (the register line), committed. Returns false when the status was no longer
   * VERZENDEN.
   */
  public boolean onzeker(long id, Runnable ookVastleggen) {
    return Boolean.TRUE.equals(eigenTransactie.execute(s -> {
      boolean gewijzigd = jdbc.update("UPDATE avg_brief SET status = :nieuw WHERE id = :id AND status = :oud",
          new MapSqlParameterSource("nieuw", Verzendstatus.ONZEKER.name()).addValue("id", id)
              .addValue("oud", Verzendstatus.VERZENDEN.name())) == 1;
      if (gewijzigd) {
        ookVastleggen.run();
      }
      return gewijzigd;
    }));
  }

  /** Letters whose sending is in doubt, oldest first. */
  public List<Verzending> onzekereVerzendingen() {
    return jdbc.query("SELECT * FROM avg_brief WHERE status = :s ORDER BY verzending_gestart_op, id",
        Map.of("s", Verzendstatus.ONZEKER.name()), RIJ);
  }

  public Optional<Verzending> vind(long id) {
    return jdbc.query("SELECT * FROM avg_brief WHERE id = :id", Map.of("id", id), RIJ).stream().findFirst();
  }

  /**
   * A person's decision on a letter in doubt: {@code verzonden} true → VERZONDEN (the mail server's log shows it was
   * delivered), false → OPGESTELD (it was not; the next attempt mails it). Only from ONZEKER; returns false otherwise.
   */
  public boolean beslis(long id, boolean verzonden, Runnable ookVastleggen) {
    return Boolean.TRUE.equals(eigenTransactie.execute(s -> {
      MapSqlParameterSource p = new MapSqlParameterSource("id", id).addValue("oud", Verzendstatus.ONZEKER.name());
      int n = verzonden
          ? jdbc.update("UPDATE avg_brief SET status = :nieuw, verzonden_op = verzending_gestart_op "
              + "WHERE id = :id AND status = :oud", p.addValue("nieuw", Verzendstatus.VERZONDEN.name()))
          : jdbc.update("UPDATE avg_brief SET status = :nieuw WHERE id = :id AND status = :oud",
              p.addValue("nieuw", Verzendstatus.OPGESTELD.name()));
      if (n == 1) {
        ookVastleggen.run();
      }
      return n == 1;
    }));
  }

  /** Marks the letter sent (with its Message-ID) and runs {@code ookVastleggen} (the register line), committed. */
  public void verzonden(long id, String messageId, Runnable ookVastleggen) {
    eigenTransactie.executeWithoutResult(s -> {
      jdbc.update("UPDATE avg_brief SET status = :status, verzonden_op = :op, message_id = :mid WHERE id = :id",
          new MapSqlParameterSource("status", Verzendstatus.VERZONDEN.name()).addValue("op", OffsetDateTime.now(clock))
              .addValue("mid", messageId).addValue("id", id));
      ookVastleggen.run();
    });
  }

  /**
   * The letter must be posted by a person (way {@code verzendwijze}: GEWONE_POST, AANGETEKENDE_POST or
   * BETEKENING_EXPLOOT): OPGESTELD → WACHT_OP_POST and {@code ookVastleggen} (the register line), committed. Returns
   * false when the letter was not OPGESTELD any more.
   */
  public boolean wachtOpPost(long id, String verzendwijze, Runnable ookVastleggen) {
    return Boolean.TRUE.equals(eigenTransactie.execute(s -> {
      boolean gewijzigd = jdbc.update(
          "UPDATE avg_brief SET status = :nieuw, post_verzendwijze = :wijze WHERE id = :id AND status = :oud",
          new MapSqlParameterSource("nieuw", Verzendstatus.WACHT_OP_POST.name()).addValue("wijze", verzendwijze)
              .addValue("id", id).addValue("oud", Verzendstatus.OPGESTELD.name())) == 1;
      if (gewijzigd) {
        ookVastleggen.run();
      }
      return gewijzigd;
    }));
  }

  /**
   * A person confirmed posting the letter: WACHT_OP_POST → VERZONDEN, {@code verzonden_op} = the posting date (noon,
   * Amsterdam: the day counts, not the hour), way, barcode or writ number, who and when, and {@code ookVastleggen} —
   * in the caller's transaction (the completion of the task), so the task and the record succeed or fail together.
   * Returns false when the letter was not waiting (any more).
   */
  public boolean postVerzonden(long id, LocalDate gepostOp, String verzendwijze, String kenmerk, String door,
      Runnable ookVastleggen) {
    boolean gewijzigd = jdbc.update("UPDATE avg_brief SET status = :nieuw, verzonden_op = :verzonden, "
        + "gepost_op = :gepost, post_verzendwijze = :wijze, post_kenmerk = :kenmerk, post_bevestigd_door = :door, "
        + "post_bevestigd_op = :nu WHERE id = :id AND status = :oud",
        new MapSqlParameterSource("nieuw", Verzendstatus.VERZONDEN.name())
            .addValue("verzonden", gepostOp.atTime(12, 0).atZone(AMSTERDAM).toOffsetDateTime())
            .addValue("gepost", gepostOp).addValue("wijze", verzendwijze).addValue("kenmerk", kenmerk)
            .addValue("door", door).addValue("nu", OffsetDateTime.now(clock)).addValue("id", id)
            .addValue("oud", Verzendstatus.WACHT_OP_POST.name())) == 1;
    if (gewijzigd) {
      ookVastleggen.run();
    }
    return gewijzigd;
  }

  /** Letters waiting for a person to post them, oldest first. */
  public List<Verzending> wachtendOpPost() {
    return jdbc.query("SELECT * FROM avg_brief WHERE status = :s ORDER BY opgesteld_op, id",
        Map.of("s", Verzendstatus.WACHT_OP_POST.name()), RIJ);
  }

  /** Whether a letter of this request or breach still waits for a person to post it. */
  public boolean wachtOpPost(String referentie) {
    Long n = jdbc.queryForObject("SELECT COUNT(*) FROM avg_brief WHERE referentie = :r AND status = :s",
        Map.of("r", referentie, "s", Verzendstatus.WACHT_OP_POST.name()), Long.class);
    return n != null && n > 0;
  }

  private static String afkappen(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static final RowMapper<Verzending> RIJ = (rs, i) -> new Verzending(rs.getLong("id"),
      rs.getString("referentie"), BriefType.valueOf(rs.getString("brief_type")), rs.getString("sleutel"),
      rs.getString("ontvanger_naam"), rs.getString("ontvanger_email"), rs.getString("onderwerp"),
      Verzendstatus.valueOf(rs.getString("status")), rs.getObject("opgesteld_op", OffsetDateTime.class),
      rs.getObject("verzonden_op", OffsetDateTime.class), rs.getString("message_id"),
      (Long) rs.getObject("archiefstuk_id", Long.class),
      rs.getObject("verzending_gestart_op", OffsetDateTime.class),
      new Postverzending(rs.getObject("gepost_op", LocalDate.class), rs.getString("post_verzendwijze"),
          rs.getString("post_kenmerk"), rs.getString("post_bevestigd_door"),
          rs.getObject("post_bevestigd_op", OffsetDateTime.class)));
}
