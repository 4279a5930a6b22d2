package nl.deurwaarder.avg.verwerker;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import nl.deurwaarder.avg.kantoor.VerwerkersCijfers;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The section "Verwerkers" of the half-yearly privacy report (PH-ORG-01 §7.3), counted from the register of processors
 * and the registers it marks: requests a processor forwarded after more than 3 working days (PH-ORG-05 §8, counted
 * by the day the office received them), breaches a processor reported more than 24 hours after its discovery
 * (PH-ORG-05 §7, counted by the day of discovery), sub-processor changes announced and the office's objections
 * (PH-ORG-05 §4), audits held and yearly reviews completed (§5, §6), and agreements that ended (with or without the
 * deletion/return statement). Processor names are company names, no personal data.
 */
@Component
public class Verwerkersrapportage implements VerwerkersCijfers {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  /** The figures over the days [van, tot); {@code teLaatPerVerwerker}: processor name → late reports, alphabetical. */
  public record Cijfers(int verzoekenViaVerwerker, int verzoekenTeLaat, int datalekkenViaVerwerker,
      int datalekkenTeLaat, Map<String, Integer> teLaatPerVerwerker, int subverwerkersGemeld, int bezwaren,
      int geenBezwaar, int auditsUitgevoerd, int reviewsAfgerond, int overeenkomstenBeeindigd,
      int verklaringenOntbreken) {
  }

  private final NamedParameterJdbcTemplate jdbc;

  public Verwerkersrapportage(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Cijfers cijfers(LocalDate van, LocalDate tot) {
    if (van == null || tot == null || !van.isBefore(tot)) {
      throw new IllegalArgumentException("De periode moet een begin vóór het einde hebben");
    }
    MapSqlParameterSource p = new MapSqlParameterSource("van", begin(van)).addValue("tot", begin(tot))
        .addValue("vanDag", van).addValue("totDag", tot);
    String verzoeken = " FROM avg_verzoek WHERE verwerker IS NOT NULL AND ontvangen_op >= :van AND ontvangen_op < :tot";
    String datalekken = " FROM avg_datalek WHERE verwerker IS NOT NULL AND ontdekt_op >= :van AND ontdekt_op < :tot";
    Map<String, Integer> perVerwerker = new TreeMap<>();
    for (String sql : new String[] {
        "SELECT verwerker, COUNT(*) AS n" + verzoeken + " AND verwerker_tijdig = FALSE GROUP BY verwerker",
        "SELECT verwerker, COUNT(*) AS n" + datalekken + " AND verwerker_tijdig = FALSE GROUP BY verwerker"}) {
      jdbc.query(sql, p, rs -> {
        perVerwerker.merge(rs.getString("verwerker"), rs.getInt("n"), Integer::sum);
      });
    }
    String subs = " FROM avg_subverwerker WHERE besluit_op >= :vanDag AND besluit_op < :totDag AND besluit = ";
    String einde = " FROM avg_verwerker WHERE overeenkomst_eindigt_op >= :vanDag AND overeenkomst_eindigt_op < :totDag";
    return new Cijfers(
        telling("SELECT COUNT(*)" + verzoeken, p),
        telling("SELECT COUNT(*)" + verzoeken + " AND verwerker_tijdig = FALSE", p),
        telling("SELECT COUNT(*)" + datalekken, p),
        telling("SELECT COUNT(*)" + datalekken + " AND verwerker_tijdig = FALSE", p),
        perVerwerker,
        telling("SELECT COUNT(*) FROM avg_subverwerker WHERE gemeld_op >= :vanDag AND gemeld_op < :totDag", p),
        telling("SELECT COUNT(*)" + subs + "'BEZWAAR'", p),
        telling("SELECT COUNT(*)" + subs + "'GEEN_BEZWAAR'", p),
        telling("SELECT COUNT(*) FROM avg_verwerker WHERE laatste_audit_op >= :vanDag AND laatste_audit_op < :totDag",
            p),
        telling("SELECT COUNT(*) FROM avg_verwerker_review WHERE afgerond_op >= :van AND afgerond_op < :tot", p),
        telling("SELECT COUNT(*)" + einde, p),
        telling("SELECT COUNT(*)" + einde + " AND verwijderverklaring_op IS NULL", p));
  }

  @Override
  public String samenvatting(LocalDate van, LocalDate tot) {
    Cijfers c = cijfers(van, tot);
    StringBuilder s = new StringBuilder()
        .append("Verzoeken doorgestuurd door een verwerker: ").append(c.verzoekenViaVerwerker())
        .append(", waarvan later dan 3 werkdagen na ontvangst door de verwerker: ").append(c.verzoekenTeLaat())
        .append(". Datalekken gemeld door een verwerker: ").append(c.datalekkenViaVerwerker())
        .append(", waarvan later dan 24 uur na ontdekking: ").append(c.datalekkenTeLaat()).append('.');
    if (!c.teLaatPerVerwerker().isEmpty()) {
      s.append(" Te late meldingen per verwerker: ");
      StringBuilder lijst = new StringBuilder();
      c.teLaatPerVerwerker().forEach((naam, n) -> lijst.append(lijst.length() == 0 ? "" : "; ").append(naam)
          .append(" (").append(n).append(')'));
      s.append(lijst).append('.');
    }
    return s.append(" Wijzigingen van subverwerkers gemeld: ").append(c.subverwerkersGemeld())
        .append("; besloten bezwaar te maken: ").append(c.bezwaren()).append(", geen bezwaar: ")
        .append(c.geenBezwaar()).append(". Audits uitgevoerd: ").append(c.auditsUitgevoerd())
        .append("; jaarlijkse beoordelingen afgerond: ").append(c.reviewsAfgerond())
        .append(". Verwerkersovereenkomsten beëindigd: ").append(c.overeenkomstenBeeindigd())
        .append(", waarvan nog zonder verklaring van verwijdering of teruggave: ").append(c.verklaringenOntbreken())
        .append('.').toString();
  }

  private int telling(String sql, MapSqlParameterSource p) {
    Integer n = jdbc.queryForObject(sql, p, Integer.class);
    return n == null ? 0 : n;
  }

  private static OffsetDateTime begin(LocalDate dag) {
    return dag.atStartOfDay(AMSTERDAM).toOffsetDateTime();
  }
}
