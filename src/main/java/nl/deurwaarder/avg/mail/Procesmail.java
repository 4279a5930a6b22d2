package nl.deurwaarder.avg.mail;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Internal mails of the procedures (requests, breaches), with absolute links only ({@link Webadressen}), each sent
 * once: the key is recorded in {@code avg_procesmail} in its own
 * transaction right after sending, so a retried job (or a rolled-back step after it) does not mail again.
 */
@Component
public class Procesmail {

  private final JavaMailSender mailSender;
  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate eigenTransactie;
  private final IdentityService identityService;
  private final Clock clock;
  private final String afzender;

  public Procesmail(JavaMailSender mailSender, NamedParameterJdbcTemplate jdbc, PlatformTransactionManager tm,
      IdentityService identityService, Clock clock, @Value("${avg.mail.afzender}") String afzender) {
    this.mailSender = mailSender;
    this.jdbc = jdbc;
    this.eigenTransactie = new TransactionTemplate(tm);
    this.eigenTransactie.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.identityService = identityService;
    this.clock = clock;
    this.afzender = afzender;
  }

  /** Sends the mail unless a mail with this key was sent before. Returns whether it was sent now. */
  public boolean verstuur(String sleutel, String referentie, String soort, Collection<String> aan, String onderwerp,
      String tekst) {
    if (isVerzonden(sleutel)) {
      return false;
    }
    if (aan.isEmpty()) {
      throw new IllegalStateException("Geen ontvanger met een e-mailadres voor " + soort + " (" + referentie + ")");
    }
    SimpleMailMessage mail = new SimpleMailMessage();
    mail.setFrom(afzender);
    mail.setTo(aan.toArray(String[]::new));
    mail.setSubject(onderwerp);
    mail.setText(tekst);
    mailSender.send(mail);
    eigenTransactie.executeWithoutResult(s -> jdbc.update("""
        INSERT INTO avg_procesmail (sleutel, referentie, soort, ontvangers, onderwerp, verzonden_op)
        VALUES (:sleutel, :r, :soort, :aan, :onderwerp, :op)
        """, new MapSqlParameterSource("sleutel", sleutel).addValue("r", referentie).addValue("soort", soort)
        .addValue("aan", String.join(",", aan)).addValue("onderwerp", onderwerp)
        .addValue("op", OffsetDateTime.now(clock))));
    return true;
  }

  public boolean isVerzonden(String sleutel) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM avg_procesmail WHERE sleutel = :s", Map.of("s", sleutel),
        Integer.class) > 0;
  }

  /** Soorten of the mails sent for a request, in order. */
  public List<String> soorten(String referentie) {
    return jdbc.queryForList("SELECT soort FROM avg_procesmail WHERE referentie = :r ORDER BY id",
        Map.of("r", referentie), String.class);
  }

  /** E-mail addresses of the members of a Camunda group that have one. */
  public Set<String> adressenVanGroep(String groep) {
    Set<String> adressen = new LinkedHashSet<>();
    for (User u : identityService.createUserQuery().memberOfGroup(groep).orderByUserId().asc().list()) {
      if (u.getEmail() != null && !u.getEmail().isBlank()) {
        adressen.add(u.getEmail().trim());
      }
    }
    return adressen;
  }
}
