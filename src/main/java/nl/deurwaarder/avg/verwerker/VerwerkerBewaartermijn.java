package nl.deurwaarder.avg.verwerker;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.archief.Archief;
import nl.deurwaarder.avg.bewaartermijn.Bewaartermijn;
import nl.deurwaarder.avg.bewaartermijn.PersoonsgegevensOpruimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Retention of the register of processors. PH-ALG-05 names no period for it; the office applies the audit period the
 * handbook uses for its other registers (PH-ALG-05 §6.2, §6.3: 3 years, KBvG Normen voor Kwaliteit), counted from the
 * end of the year in which the agreement ended (docs/verwerkers.md). Then the personal data go: the contact person
 * (name, e-mail, telephone, also in the history) and the archived agreement documents (they carry the signatories'
 * names). The processor itself (a company), its dates, sub-processors and late reports stay, anonymous, as the
 * record of what the office did. The nightly job passes the same limit as for requests and breaches: 1 January of
 * (this year − 3).
 */
@Component
public class VerwerkerBewaartermijn implements PersoonsgegevensOpruimer {

  private static final Logger LOG = LoggerFactory.getLogger(VerwerkerBewaartermijn.class);
  static final List<String> CONTACTVELDEN = List.of("contactNaam", "contactEmail", "contactTelefoon");

  private final NamedParameterJdbcTemplate jdbc;
  private final Archief archief;
  private final Clock clock;

  public VerwerkerBewaartermijn(NamedParameterJdbcTemplate jdbc, Archief archief, Clock clock) {
    this.jdbc = jdbc;
    this.archief = archief;
    this.clock = clock;
  }

  /** Requests and breaches: this register holds nothing of theirs beyond their reference. */
  @Override
  public int ruimOp(String referentie) {
    return 0;
  }

  @Override
  public int ruimOpVoor(OffsetDateTime grens) {
    List<Map<String, Object>> verlopen = jdbc.queryForList("""
        SELECT id, referentie FROM avg_verwerker WHERE overeenkomst_eindigt_op < :grens
          AND (contact_verwijderd_op IS NULL OR contact_naam IS NOT NULL OR contact_email IS NOT NULL
            OR contact_telefoon IS NOT NULL
            OR EXISTS (SELECT 1 FROM avg_archiefstuk a WHERE a.referentie = avg_verwerker.referentie))
        """, Map.of("grens", grens.toLocalDate()));
    int n = 0;
    for (Map<String, Object> v : verlopen) {
      String referentie = (String) v.get("referentie");
      n += jdbc.update("""
          UPDATE avg_verwerker SET contact_naam = NULL, contact_email = NULL, contact_telefoon = NULL,
            contact_verwijderd_op = :nu, versie = versie + 1 WHERE referentie = :r
          """, new MapSqlParameterSource("nu", OffsetDateTime.now(clock)).addValue("r", referentie));
      n += jdbc.update("""
          UPDATE avg_verwerker_historie SET oude_waarde = CASE WHEN oude_waarde IS NULL THEN NULL ELSE :weg END,
            nieuwe_waarde = CASE WHEN nieuwe_waarde IS NULL THEN NULL ELSE :weg END
          WHERE referentie = :r AND veld IN (:velden)
          """, new MapSqlParameterSource("weg", Bewaartermijn.VERWIJDERD).addValue("r", referentie)
          .addValue("velden", CONTACTVELDEN));
      n += archief.verwijderAlles(referentie);
      LOG.info("Bewaartermijn {}: contactpersoon en overeenkomstdocumenten verwijderd", referentie);
    }
    return n;
  }
}
