package nl.deurwaarder.avg.tweefactor;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The tables of V15_4: one row per account's second factor, its recovery codes, and the log of what happened. */
@Repository
class TweedeFactorOpslag {

  record Rij(String gebruiker, String geheimVersleuteld, boolean bevestigd, OffsetDateTime ingesteldOp,
      Long laatsteStap, int misluktePogingen, OffsetDateTime geblokkeerdTot) {
  }

  record Gebeurtenis(String gebruiker, String gebeurtenis, String door, OffsetDateTime op) {
  }

  private final NamedParameterJdbcTemplate jdbc;

  TweedeFactorOpslag(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Rij> lees(String gebruiker) {
    return jdbc.query("select * from avg_tweede_factor where gebruiker = :g", new MapSqlParameterSource("g", gebruiker),
        (rs, i) -> new Rij(rs.getString("gebruiker"), rs.getString("geheim_versleuteld"), rs.getBoolean("bevestigd"),
            rs.getObject("ingesteld_op", OffsetDateTime.class), (Long) rs.getObject("laatste_stap", Long.class),
            rs.getInt("mislukte_pogingen"), rs.getObject("geblokkeerd_tot", OffsetDateTime.class)))
        .stream().findFirst();
  }

  List<Rij> alle() {
    return jdbc.query("select * from avg_tweede_factor order by gebruiker", (rs, i) -> new Rij(
        rs.getString("gebruiker"), rs.getString("geheim_versleuteld"), rs.getBoolean("bevestigd"),
        rs.getObject("ingesteld_op", OffsetDateTime.class), (Long) rs.getObject("laatste_stap", Long.class),
        rs.getInt("mislukte_pogingen"), rs.getObject("geblokkeerd_tot", OffsetDateTime.class)));
  }

  /** A new, unconfirmed secret (enrolment started); replaces an earlier unconfirmed one. */
  void nieuwGeheim(String gebruiker, String geheimVersleuteld, OffsetDateTime nu) {
    jdbc.update("delete from avg_tweede_factor where gebruiker = :g and bevestigd = false",
        new MapSqlParameterSource("g", gebruiker));
    jdbc.update("insert into avg_tweede_factor (gebruiker, geheim_versleuteld, bevestigd, aangemaakt_op, "
            + "mislukte_pogingen) values (:g, :s, false, :nu, 0)",
        new MapSqlParameterSource("g", gebruiker).addValue("s", geheimVersleuteld).addValue("nu", nu));
  }

  void bevestig(String gebruiker, long stap, OffsetDateTime nu) {
    jdbc.update("update avg_tweede_factor set bevestigd = true, ingesteld_op = :nu, laatste_stap = :stap, "
            + "mislukte_pogingen = 0, geblokkeerd_tot = null where gebruiker = :g",
        new MapSqlParameterSource("g", gebruiker).addValue("nu", nu).addValue("stap", stap));
  }

  /** A correct code: the step is used up, the failures are forgotten. */
  void gelukt(String gebruiker, Long stap) {
    jdbc.update("update avg_tweede_factor set laatste_stap = coalesce(:stap, laatste_stap), mislukte_pogingen = 0 "
        + "where gebruiker = :g", new MapSqlParameterSource("g", gebruiker).addValue("stap", stap));
  }

  /** Counts a failure; answers the new count. */
  int mislukt(String gebruiker) {
    MapSqlParameterSource p = new MapSqlParameterSource("g", gebruiker);
    jdbc.update("update avg_tweede_factor set mislukte_pogingen = mislukte_pogingen + 1 where gebruiker = :g", p);
    return lees(gebruiker).map(Rij::misluktePogingen).orElse(0);
  }

  void blokkeer(String gebruiker, OffsetDateTime tot) {
    jdbc.update("update avg_tweede_factor set geblokkeerd_tot = :tot where gebruiker = :g",
        new MapSqlParameterSource("g", gebruiker).addValue("tot", tot));
  }

  void deblokkeer(String gebruiker) {
    jdbc.update("update avg_tweede_factor set geblokkeerd_tot = null, mislukte_pogingen = 0 where gebruiker = :g",
        new MapSqlParameterSource("g", gebruiker));
  }

  /** Removes the second factor and the recovery codes: the account enrols again at its next login. */
  int verwijder(String gebruiker) {
    MapSqlParameterSource p = new MapSqlParameterSource("g", gebruiker);
    jdbc.update("delete from avg_herstelcode where gebruiker = :g", p);
    return jdbc.update("delete from avg_tweede_factor where gebruiker = :g", p);
  }

  void vervangHerstelcodes(String gebruiker, List<String> hashes) {
    MapSqlParameterSource p = new MapSqlParameterSource("g", gebruiker);
    jdbc.update("delete from avg_herstelcode where gebruiker = :g", p);
    for (String hash : hashes) {
      jdbc.update("insert into avg_herstelcode (gebruiker, code_hash) values (:g, :h)",
          new MapSqlParameterSource("g", gebruiker).addValue("h", hash));
    }
  }

  /** Uses up an unused recovery code with this hash; true when there was one. */
  boolean gebruikHerstelcode(String gebruiker, String hash, OffsetDateTime nu) {
    return jdbc.update("update avg_herstelcode set gebruikt_op = :nu where gebruiker = :g and code_hash = :h "
            + "and gebruikt_op is null",
        new MapSqlParameterSource("g", gebruiker).addValue("h", hash).addValue("nu", nu)) == 1;
  }

  int ongebruikteHerstelcodes(String gebruiker) {
    Integer n = jdbc.queryForObject("select count(*) from avg_herstelcode where gebruiker = :g and gebruikt_op is null",
        new MapSqlParameterSource("g", gebruiker), Integer.class);
    return n == null ? 0 : n;
  }

  void log(String gebruiker, String gebeurtenis, String door, OffsetDateTime op) {
    jdbc.update("insert into avg_tweede_factor_logboek (gebruiker, gebeurtenis, door, op) values (:g, :e, :d, :op)",
        new MapSqlParameterSource("g", gebruiker).addValue("e", gebeurtenis).addValue("d", door).addValue("op", op));
  }

  List<Gebeurtenis> logboek(String gebruiker) {
    return jdbc.query("select * from avg_tweede_factor_logboek where gebruiker = :g order by op desc, id desc",
        new MapSqlParameterSource("g", gebruiker), (rs, i) -> new Gebeurtenis(rs.getString("gebruiker"),
            rs.getString("gebeurtenis"), rs.getString("door"), rs.getObject("op", OffsetDateTime.class)));
  }
}
