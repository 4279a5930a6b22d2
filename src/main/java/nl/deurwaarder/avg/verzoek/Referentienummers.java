package nl.deurwaarder.avg.verzoek;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gap-free reference numbers per kind and year: {@code AVG-2026-0001}, {@code DL-2026-0001}. The next number is taken
 * by an UPDATE of the year's counter row inside the caller's transaction: the row lock serialises concurrent
 * registrations (also from two app nodes on one database), and a registration that rolls back gives its number back.
 */
@Component
public class Referentienummers {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate nieuweTransactie;

  public Referentienummers(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.nieuweTransactie = new TransactionTemplate(transactionManager);
    this.nieuweTransactie.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Takes the next number; must run inside the transaction that stores what the number is for. */
  @Transactional(propagation = Propagation.MANDATORY)
  public int volgende(String soort, int jaar) {
    zorgVoorTeller(soort, jaar);
    jdbc.update("UPDATE avg_referentieteller SET laatste = laatste + 1 WHERE soort = ? AND jaar = ?", soort, jaar);
    Integer nummer = jdbc.queryForObject(
        "SELECT laatste FROM avg_referentieteller WHERE soort = ? AND jaar = ?", Integer.class, soort, jaar);
    return nummer;
  }

  public static String formatteer(String soort, int jaar, int nummer) {
    return String.format("%s-%d-%04d", soort, jaar, nummer);
  }

  /** The year's counter row, created once in its own transaction; a concurrent creation by another node is fine. */
  private void zorgVoorTeller(String soort, int jaar) {
    Integer bestaat = jdbc.queryForObject(
        "SELECT COUNT(*) FROM avg_referentieteller WHERE soort = ? AND jaar = ?", Integer.class, soort, jaar);
    if (bestaat != null && bestaat > 0) {
      return;
    }
    try {
      nieuweTransactie.executeWithoutResult(s ->
          jdbc.update("INSERT INTO avg_referentieteller (soort, jaar, laatste) VALUES (?, ?, 0)", soort, jaar));
    } catch (DuplicateKeyException e) {
      // created by another registration at the same moment
    }
  }
}
