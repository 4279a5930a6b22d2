package nl.deurwaarder.avg.uitvoering;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import nl.deurwaarder.avg.verzoek.VerzoekRegister;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Art. 19 AVG: the recipients (third parties) a request's data went to. Each is TE_INFORMEREN until the letter
 * {@code BERICHT_ONTVANGER} to it went out, then GEINFORMEERD with the date; the request is not done while one is left.
 */
@Repository
public class Ontvangers {

  private static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

  private final NamedParameterJdbcTemplate jdbc;
  private final VerzoekRegister verzoeken;
  private final Clock clock;

  public Ontvangers(NamedParameterJdbcTemplate jdbc, VerzoekRegister verzoeken, Clock clock) {
    this.jdbc = jdbc;
    this.verzoeken = verzoeken;
    this.clock = clock;
  }

  /** A recipient to inform; name required, and an e-mail address or a postal address to send the letter to. */
  @Transactional
  public Ontvanger voegToe(String referentie, String naam, String email, String adres, String gebruiker) {
    verzoeken.haal(referentie);
    List<String> fouten = new ArrayList<>();
    controleer(naam, email, adres, "", fouten);
    if (!fouten.isEmpty()) {
      throw new OngeldigeInvoerException(String.join(" ", fouten));
    }
    GeneratedKeyHolder sleutel = new GeneratedKeyHolder();
    jdbc.update("""
        INSERT INTO avg_ontvanger (referentie, naam, email, adres, status, toegevoegd_op, toegevoegd_door)
        VALUES (:r, :naam, :email, :adres, :status, :nu, :door)
        """, new MapSqlParameterSource("r", referentie).addValue("naam", naam.trim())
        .addValue("email", leeg(email) ? null : email.trim()).addValue("adres", leeg(adres) ? null : adres.trim())
        .addValue("status", Ontvangerstatus.TE_INFORMEREN.name()).addValue("nu", OffsetDateTime.now(clock))
        .addValue("door", gebruiker), sleutel, new String[] {"id"});
    Ontvanger o = ontvanger(sleutel.getKey().longValue()).orElseThrow();
    verzoeken.historie(referentie, gebruiker, "ontvanger", null, "ontvanger " + o.id() + " te informeren (art. 19)");
    return o;
  }

  static void controleer(String naam, String email, String adres, String regel, List<String> fouten) {
    if (leeg(naam)) {
      fouten.add(regel + "vul de naam van de ontvanger in.");
    } else if (naam.length() > 200) {
      fouten.add(regel + "de naam van de ontvanger is te lang (hoogstens 200 tekens).");
    }
    if (leeg(email) && leeg(adres)) {
      fouten.add(regel + "vul een e-mailadres of een postadres van de ontvanger in.");
    }
    if (!leeg(email) && (email.trim().length() > 254 || !email.trim().matches(EMAIL))) {
      fouten.add(regel + "'" + email.trim() + "' is geen geldig e-mailadres.");
    }
    if (!leeg(adres) && adres.length() > 500) {
      fouten.add(regel + "het adres van de ontvanger is te lang (hoogstens 500 tekens).");
    }
  }

  public List<Ontvanger> lijst(String referentie) {
    return jdbc.query("SELECT * FROM avg_ontvanger WHERE referentie = :r ORDER BY id", Map.of("r", referentie), RIJ);
  }

  public List<Ontvanger> teInformeren(String referentie) {
    return lijst(referentie).stream().filter(o -> o.status() == Ontvangerstatus.TE_INFORMEREN).toList();
  }

  public Optional<Ontvanger> ontvanger(long id) {
    return jdbc.query("SELECT * FROM avg_ontvanger WHERE id = :id", Map.of("id", id), RIJ).stream().findFirst();
  }

  /**
   * The letter to recipient {@code id} went out on {@code op} (letter key {@code briefSleutel} of avg_brief).
   * Idempotent: a recipient already informed keeps its first date.
   */
  @Transactional
  public Ontvanger geinformeerd(long id, LocalDate op, String briefSleutel, String gebruiker) {
    Ontvanger o = ontvanger(id).orElseThrow(() -> new IllegalArgumentException("Onbekende ontvanger " + id));
    if (o.status() == Ontvangerstatus.GEINFORMEERD) {
      return o;
    }
    jdbc.update("UPDATE avg_ontvanger SET status = :s, geinformeerd_op = :op, brief_sleutel = :b WHERE id = :id"
        + " AND status = :oud", new MapSqlParameterSource("s", Ontvangerstatus.GEINFORMEERD.name())
        .addValue("op", op).addValue("b", briefSleutel).addValue("id", id)
        .addValue("oud", Ontvangerstatus.TE_INFORMEREN.name()));
    verzoeken.historie(o.referentie(), gebruiker, "ontvangerGeinformeerd", null,
        "ontvanger " + id + " geïnformeerd op " + Uitvoeringsregister.NL.format(op) + " (art. 19)");
    return ontvanger(id).orElseThrow();
  }

  public boolean allenGeinformeerd(String referentie) {
    return teInformeren(referentie).isEmpty();
  }

  private static boolean leeg(String s) {
    return s == null || s.isBlank();
  }

  static final RowMapper<Ontvanger> RIJ = (rs, i) -> new Ontvanger(rs.getLong("id"), rs.getString("referentie"),
      rs.getString("naam"), rs.getString("email"), rs.getString("adres"),
      Ontvangerstatus.valueOf(rs.getString("status")), rs.getObject("geinformeerd_op", LocalDate.class),
      rs.getString("brief_sleutel"));
}
