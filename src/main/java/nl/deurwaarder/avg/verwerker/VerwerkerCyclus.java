package nl.deurwaarder.avg.verwerker;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import nl.deurwaarder.avg.termijn.Termijnberekening;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The bean behind {@code avg-verwerker-jaarcyclus} ({@code ${verwerkerCyclus...}}): every moment of the cycle comes
 * from here and the deadline component, and every step writes the register of processors.
 *
 * <ul>
 *   <li>Yearly review: one year after the last review was completed, or else after the agreement was signed, or else
 *       after the processor entered the register; on a working day at 09:00 (Europe/Amsterdam).</li>
 *   <li>End of the agreement: the day after {@code overeenkomstEindigtOp}, 09:00 (first working day). Without an end
 *       date the timer waits until 31-12-9999; a changed end date re-plans it (message
 *       {@code VerwerkerOvereenkomstGewijzigd}).</li>
 *   <li>The deletion/return statement (PH-ORG-05 §10) is due one month after the end (office norm; the handbook names
 *       no period).</li>
 * </ul>
 */
@Component("verwerkerCyclus")
public class VerwerkerCyclus {

  public static final String PROCES = "avg-verwerker-jaarcyclus";
  static final String BERICHT_GEWIJZIGD = "VerwerkerOvereenkomstGewijzigd";
  static final String BERICHT_SUBVERWERKER = "SubverwerkerAangekondigd";
  static final String BERICHT_TE_LAAT = "VerwerkerTeLaatGemeld";
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));
  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy 'om' HH:mm",
      Locale.forLanguageTag("nl"));
  static final String AANKONDIGING = "aankondiging";
  private static final LocalDate GEEN_EINDE = LocalDate.of(9999, 12, 31);

  private final Verwerkersregister register;
  private final Termijnberekening termijn;
  private final NamedParameterJdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final Clock clock;

  public VerwerkerCyclus(Verwerkersregister register, Termijnberekening termijn, NamedParameterJdbcTemplate jdbc,
      RuntimeService runtime, Clock clock) {
    this.register = register;
    this.termijn = termijn;
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.clock = clock;
  }

  // ---- timers and due dates ----

  public Date volgendeReview(Object verwerkerId) {
    long id = id(verwerkerId);
    Verwerker v = register.haal(id);
    LocalDate basis = jdbc.queryForList("SELECT afgerond_op FROM avg_verwerker_review WHERE verwerker_id = :v AND"
        + " afgerond_op IS NOT NULL ORDER BY afgerond_op DESC", Map.of("v", id), OffsetDateTime.class).stream()
        .findFirst().map(t -> t.atZoneSameInstant(AMSTERDAM).toLocalDate()).orElse(null);
    if (basis == null) {
      basis = v.overeenkomstGetekendOp() != null ? v.overeenkomstGetekendOp() : ingeschrevenOp(id);
    }
    return Date.from(termijn.beginVanWerkdag(termijn.eersteWerkdagVanaf(basis.plusYears(1))).toInstant());
  }

  public Date eindeOvereenkomst(Object verwerkerId) {
    Verwerker v = register.haal(id(verwerkerId));
    LocalDate einde = v.overeenkomstEindigtOp() == null ? GEEN_EINDE : v.overeenkomstEindigtOp();
    if (einde.equals(GEEN_EINDE)) {
      return Date.from(einde.atStartOfDay(AMSTERDAM).toInstant());
    }
    return Date.from(termijn.beginVanWerkdag(termijn.eersteWerkdagVanaf(einde.plusDays(1))).toInstant());
  }

  public Date verklaringUiterlijk(Object verwerkerId) {
    Verwerker v = register.haal(id(verwerkerId));
    LocalDate einde = v.overeenkomstEindigtOp() == null ? LocalDate.now(clock.withZone(AMSTERDAM))
        : v.overeenkomstEindigtOp();
    return termijn.maandenNaOntvangst(einde, 1);
  }

  /** The FG advises two working days before the objection deadline (or at once when that is sooner). */
  public Date fgAdviesUiterlijk(Object bezwaarUiterlijk) {
    LocalDate uiterlijk = termijn.alsDatum(bezwaarUiterlijk, "bezwaarUiterlijk");
    LocalDate advies = termijn.werkdagenVoor(uiterlijk, 2);
    LocalDate vandaag = LocalDate.now(clock.withZone(AMSTERDAM));
    return Date.from(termijn.eindeVanDag(advies.isBefore(vandaag) ? vandaag : advies).toInstant());
  }

  public Date bezwaarUiterlijkMoment(Object bezwaarUiterlijk) {
    return Date.from(termijn.eindeVanDag(termijn.alsDatum(bezwaarUiterlijk, "bezwaarUiterlijk")).toInstant());
  }

  // ---- starting and signalling ----

  /** Makes sure a processor that is not finished has its running cycle (idempotent); true when it started one. */
  public boolean zorgVoorCyclus(long id) {
    String key = Verwerkersregister.referentie(id);
    boolean loopt = runtime.createProcessInstanceQuery().processDefinitionKey(PROCES).processInstanceBusinessKey(key)
        .count() > 0;
    if (!loopt && register.haal(id).status() != VerwerkerStatus.AFGEROND) {
      runtime.createProcessInstanceByKey(PROCES).businessKey(key).setVariable("verwerkerId", id).execute();
      return true;
    }
    return false;
  }

  /** After a change of the agreement's dates: the cycle re-plans its timers (when it is waiting). */
  public void overeenkomstGewijzigd(long id) {
    zorgVoorCyclus(id);
    runtime.createMessageCorrelation(BERICHT_GEWIJZIGD)
        .processInstanceBusinessKey(Verwerkersregister.referentie(id)).correlateAllWithResult();
  }

  /** A sub-processor was announced: the FG advises and the coordinator decides within the objection period. */
  public void subverwerkerAangekondigd(long id, Subverwerker s) {
    zorgVoorCyclus(id);
    Map<String, Object> vars = new HashMap<>();
    Verwerker v = register.haal(id);
    vars.put("verwerkerNaam", v.naam());
    vars.put("verwerkerDienst", v.dienst());
    vars.put("subverwerkerId", s.id());
    vars.put("subverwerkerNaam", s.naam());
    vars.put("subverwerkerDienst", s.dienst());
    vars.put("subverwerkerLand", s.land() == null ? "niet vermeld" : s.land());
    vars.put("subverwerkerGemeldOpTekst", DATUM.format(s.gemeldOp()));
    vars.put("bezwaarUiterlijk", s.bezwaarUiterlijk().toString());
    vars.put("bezwaarUiterlijkTekst", DATUM.format(s.bezwaarUiterlijk()));
    String pi = runtime.createMessageCorrelation(BERICHT_SUBVERWERKER)
        .processInstanceBusinessKey(Verwerkersregister.referentie(id)).setVariables(aankondiging(vars))
        .correlateWithResult().getExecution().getProcessInstanceId();
    register.koppelSubverwerkerProces(s.id(), pi);
  }

  /** A breach reported more than 24 hours after the processor discovered it: a task for the FG. */
  public void teLaatGemeld(long id, String referentie, OffsetDateTime verwerkerMoment, OffsetDateTime kantoorMoment) {
    zorgVoorCyclus(id);
    Map<String, Object> vars = new HashMap<>();
    vars.put("verwerkerNaam", register.haal(id).naam());
    vars.put("teLaatReferentie", referentie);
    vars.put("teLaatVerwerkerMomentTekst", MOMENT.format(verwerkerMoment.atZoneSameInstant(AMSTERDAM)));
    vars.put("teLaatKantoorMomentTekst", MOMENT.format(kantoorMoment.atZoneSameInstant(AMSTERDAM)));
    vars.put("teLaatKantoorMoment", Date.from(kantoorMoment.toInstant()));
    boolean taak = !runtime.createMessageCorrelation(BERICHT_TE_LAAT)
        .processInstanceBusinessKey(Verwerkersregister.referentie(id)).setVariables(aankondiging(vars))
        .correlateAllWithResult().isEmpty();
    // a processor whose agreement is completely finished has no running cycle: the late report is on its record only
    register.notitie(id, "systeem", "termijnoverschrijding", referentie + ": datalek later dan 24 uur na ontdekking"
        + " gemeld" + (taak ? "; taak voor de FG aangemaakt" : "; geen lopende cyclus (verwerker afgerond)"));
  }

  /**
   * Start of an event subprocess (sub-processor announced, late breach): the message's data become variables of that
   * subprocess only, so that two announcements handled at the same time keep their own data. (A message carries its
   * data as process variables plus their names in {@code aankondiging}; they are moved into the subprocess in the
   * same transaction.)
   */
  public void aankondigingOvernemen(DelegateExecution execution) {
    Object velden = execution.getVariable(AANKONDIGING);
    if (velden != null) {
      for (String naam : velden.toString().split(",")) {
        Object waarde = execution.getVariable(naam);
        execution.removeVariable(naam);
        execution.setVariableLocal(naam, waarde);
      }
    }
    execution.removeVariable(AANKONDIGING);
  }

  /** The message's data plus the list of their names (see {@link #aankondigingOvernemen}). */
  private static Map<String, Object> aankondiging(Map<String, Object> vars) {
    Map<String, Object> m = new HashMap<>(vars);
    m.put(AANKONDIGING, String.join(",", vars.keySet()));
    return m;
  }

  // ---- steps of the review ----

  public void reviewStarten(DelegateExecution execution) {
    long id = id(execution.getVariable("verwerkerId"));
    Verwerker v = register.haal(id);
    int jaar = LocalDate.now(clock.withZone(AMSTERDAM)).getYear();
    jdbc.update("DELETE FROM avg_verwerker_review WHERE verwerker_id = :v AND jaar = :j AND afgerond_op IS NULL",
        Map.of("v", id, "j", jaar));
    jdbc.update("""
        INSERT INTO avg_verwerker_review (verwerker_id, jaar, gestart_op, process_instance_id)
        VALUES (:v, :j, :op, :pi)
        """, new MapSqlParameterSource("v", id).addValue("j", jaar).addValue("op", OffsetDateTime.now(clock))
        .addValue("pi", execution.getProcessInstanceId()));
    execution.setVariable("reviewJaar", jaar);
    execution.setVariable("reviewGestartOp", Date.from(clock.instant()));
    toonVerwerker(execution, v);
  }

  /** Display variables of the forms (name, service, last report/audit, sub-processors, late reports). */
  void toonVerwerker(DelegateExecution execution, Verwerker v) {
    execution.setVariable("verwerkerNaam", v.naam());
    execution.setVariable("verwerkerDienst", v.dienst());
    execution.setVariable("laatsteBeveiligingsrapportTekst", datum(v.laatsteBeveiligingsrapportOp()));
    execution.setVariable("laatsteAuditTekst", datum(v.laatsteAuditOp()));
    execution.setVariable("overeenkomstEindigtOpTekst", datum(v.overeenkomstEindigtOp()));
    execution.setVariable("subverwerkersTekst", v.subverwerkers().isEmpty() ? "geen" : v.subverwerkers().stream()
        .map(s -> s.naam() + " (" + s.dienst() + ")").collect(Collectors.joining("; ")));
    execution.setVariable("termijnoverschrijdingenTekst", v.termijnoverschrijdingen().isEmpty() ? "geen"
        : v.termijnoverschrijdingen().stream().map(Termijnoverschrijding::referentie)
            .collect(Collectors.joining(", ")));
  }

  public void reviewVastleggen(DelegateExecution execution) {
    long id = id(execution.getVariable("verwerkerId"));
    int jaar = ((Number) execution.getVariable("reviewJaar")).intValue();
    LocalDate rapport = Formulierdatum.lees(execution.getVariable("rapportOntvangenOp"), "Datum van het rapport");
    LocalDate audit = Formulierdatum.lees(execution.getVariable("auditUitgevoerdOp"), "Datum van de audit");
    String gebruiker = gebruiker(execution);
    jdbc.update("""
        UPDATE avg_verwerker_review SET rapport_ontvangen_op = :rapport, audit_besluit = :audit,
          audit_toelichting = :auditT, subverwerkers_oordeel = :sub, uitkomst = :uitkomst,
          uitkomst_toelichting = :uitkomstT, afgerond_op = :op, afgerond_door = :door
        WHERE verwerker_id = :v AND jaar = :j AND afgerond_op IS NULL
        """, new MapSqlParameterSource("rapport", rapport).addValue("audit", execution.getVariable("auditBesluit"))
        .addValue("auditT", execution.getVariable("auditToelichting"))
        .addValue("sub", execution.getVariable("subverwerkersOordeel"))
        .addValue("uitkomst", execution.getVariable("reviewUitkomst"))
        .addValue("uitkomstT", execution.getVariable("reviewToelichting"))
        .addValue("op", OffsetDateTime.now(clock)).addValue("door", gebruiker).addValue("v", id).addValue("j", jaar));
    Map<String, Object> velden = new HashMap<>();
    if (rapport != null) {
      velden.put("laatsteBeveiligingsrapportOp", rapport);
    }
    if (audit != null) {
      velden.put("laatsteAuditOp", audit);
    }
    if (!velden.isEmpty()) {
      register.wijzigVelden(id, velden, gebruiker);
    }
    register.notitie(id, gebruiker, "review", "Jaarlijkse review " + jaar + ": " + execution.getVariable(
        "reviewUitkomst") + ", audit " + execution.getVariable("auditBesluit") + ", subverwerkers "
        + execution.getVariable("subverwerkersOordeel"));
  }

  public void verklaringVastleggen(DelegateExecution execution) {
    long id = id(execution.getVariable("verwerkerId"));
    LocalDate op = Formulierdatum.lees(execution.getVariable("verklaringOntvangenOp"), "Datum van de verklaring");
    String gebruiker = gebruiker(execution);
    register.wijzigVelden(id, Map.of("verwijderverklaringOp", op), gebruiker);
    register.notitie(id, gebruiker, "verklaring", "Verklaring " + execution.getVariable("verklaringSoort") + " van "
        + op);
  }

  public void subverwerkerBesluitVastleggen(DelegateExecution execution) {
    long subId = id(execution.getVariable("subverwerkerId"));
    String fg = execution.getVariable("fgAdviesSubverwerker") + ": "
        + execution.getVariable("fgToelichtingSubverwerker");
    register.besluitSubverwerker(subId, (String) execution.getVariable("subverwerkerBesluit"), fg,
        (String) execution.getVariable("subverwerkerToelichting"), gebruiker(execution));
  }

  public void teLaatVastleggen(DelegateExecution execution) {
    long id = id(execution.getVariable("verwerkerId"));
    register.notitie(id, gebruiker(execution), "fgReactieTeLaat", execution.getVariable("teLaatReferentie") + ": "
        + execution.getVariable("fgReactieTeLaat") + " — " + execution.getVariable("fgToelichtingTeLaat"));
  }

  /** The FG's advice in words on the coordinator's decision form. */
  public void adviesTonen(org.camunda.bpm.engine.delegate.DelegateTask task) {
    Object advies = task.getVariable("fgAdviesSubverwerker");
    task.setVariable("fgAdviesSubverwerkerTekst", "BEZWAAR_MAKEN".equals(advies) ? "bezwaar maken"
        : "GEEN_BEZWAAR".equals(advies) ? "geen bezwaar" : "nog niet gegeven");
  }

  // ---- helpers ----

  private LocalDate ingeschrevenOp(long id) {
    List<OffsetDateTime> t = jdbc.queryForList("SELECT MIN(tijdstip) FROM avg_verwerker_historie WHERE referentie"
        + " = :r", Map.of("r", Verwerkersregister.referentie(id)), OffsetDateTime.class);
    return t.isEmpty() || t.get(0) == null ? LocalDate.now(clock.withZone(AMSTERDAM))
        : t.get(0).atZoneSameInstant(AMSTERDAM).toLocalDate();
  }

  private static String gebruiker(DelegateExecution execution) {
    String g = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication() == null ? null
        : execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId();
    return g == null ? "systeem" : g;
  }

  private static String datum(LocalDate d) {
    return d == null ? "niet bekend" : DATUM.format(d);
  }

  static long id(Object waarde) {
    if (waarde instanceof Number n) {
      return n.longValue();
    }
    return Long.parseLong(String.valueOf(waarde));
  }
}
