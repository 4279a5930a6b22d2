package nl.deurwaarder.avg.privacyrapportage;

import nl.deurwaarder.avg.kantoor.VerwerkersCijfers;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import nl.deurwaarder.avg.archief.Archief;
import nl.deurwaarder.avg.archief.Stuksoort;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import nl.deurwaarder.avg.overzicht.Privacycijfers;
import nl.deurwaarder.avg.overzicht.Privacycijfers.Periodecijfers;
import nl.deurwaarder.avg.overzicht.Weergave;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The half-yearly privacy report of the FG to the directie (PH-ORG-01 §7.3), bean {@code privacyrapportage} of
 * {@code bpmn/avg-privacyrapportage.bpmn}:
 * <ol>
 *   <li>{@link #execute} (service task "Concept opstellen"): the figures of the previous half-year (or of the
 *       half-year chosen on the start form) from {@link Privacycijfers}, a row in {@code avg_privacyrapportage}, the
 *       concept PDF in the archive under {@code RAP-<jaar>-H<1|2>} (the process's business key);</li>
 *   <li>{@link #conclusiesVastleggen} (complete listener of the FG's task): conclusions and recommendations, kept in
 *       the row and in a second PDF for the directie;</li>
 *   <li>{@link #besluitVastleggen} (complete listener of the directie's task): the decision;</li>
 *   <li>{@link #vaststellen} (service task "Rapportage vaststellen en archiveren"): the final PDF with conclusions and
 *       decision in the archive, status VASTGESTELD; listed on the overview page.</li>
 * </ol>
 * The forms declare their constraints (required, maxLength); the engine-wide form validator checks them on the server,
 * and {@link RapporttekstControle} refuses what would make the archived report wrong (an empty or too long text)
 * before these listeners record anything.
 */
@Component("privacyrapportage")
public class Privacyrapportage implements JavaDelegate {

  static final int MAX_TEKST = 10000;

  private final Privacycijfers cijfers;
  private final RapportPdf rapportPdf;
  private final Archief archief;
  private final NamedParameterJdbcTemplate jdbc;
  private final IdentityService identityService;
  private final ObjectProvider<VerwerkersCijfers> verwerkers;
  private final Clock clock;

  public Privacyrapportage(Privacycijfers cijfers, RapportPdf rapportPdf, Archief archief,
      NamedParameterJdbcTemplate jdbc, IdentityService identityService, ObjectProvider<VerwerkersCijfers> verwerkers,
      Clock clock) {
    this.cijfers = cijfers;
    this.rapportPdf = rapportPdf;
    this.archief = archief;
    this.jdbc = jdbc;
    this.identityService = identityService;
    this.verwerkers = verwerkers;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Halfjaar h = halfjaar(execution.getVariable("rapportJaar"), execution.getVariable("rapportHalfjaar"));
    String ref = h.referentie();
    Integer bestaand = jdbc.queryForObject("SELECT COUNT(*) FROM avg_privacyrapportage WHERE referentie = :r",
        new MapSqlParameterSource("r", ref), Integer.class);
    if (bestaand != null && bestaand > 0) {
      throw new OngeldigeInvoerException("Er is al een privacyrapportage over het " + h.omschrijving() + " ("
          + ref + "); zie het privacyoverzicht.");
    }
    Periodecijfers c = cijfers.periode(h.van(), h.tot());
    jdbc.update("""
        INSERT INTO avg_privacyrapportage (referentie, van, tot, periode, status, opgesteld_op, process_instance_id)
        VALUES (:r, :van, :tot, :periode, 'CONCEPT', :op, :pi)
        """, new MapSqlParameterSource("r", ref).addValue("van", h.van()).addValue("tot", h.tot())
        .addValue("periode", h.omschrijving()).addValue("op", nu())
        .addValue("pi", execution.getProcessInstanceId()));
    archiveer(ref, "Privacyrapportage " + h.omschrijving() + " (concept)", "privacyrapportage-" + ref + "-concept.pdf",
        rapportPdf.maak(ref, h.omschrijving(), c, verwerkersTekst(h), RapportPdf.Teksten.GEEN));
    execution.setProcessBusinessKey(ref);
    execution.setVariable("referentie", ref);
    execution.setVariable("rapportJaar", h.jaar());
    execution.setVariable("rapportHalfjaar", h.helft());
    execution.setVariable("rapportPeriode", h.omschrijving());
    execution.setVariable("rapportSamenvatting", samenvatting(c));
  }

  /** Complete listener of "Conclusies en aanbevelingen opstellen" (fg). */
  public void conclusiesVastleggen(DelegateTask task) {
    String conclusies = tekst(task, "rapportConclusies");
    String aanbevelingen = tekst(task, "rapportAanbevelingen");
    String ref = (String) task.getVariable("referentie");
    String door = gebruiker(task.getAssignee());
    jdbc.update("""
        UPDATE avg_privacyrapportage SET conclusies = :c, aanbevelingen = :a, fg_door = :door, fg_op = :op,
          status = 'BIJ_DIRECTIE' WHERE referentie = :r
        """, new MapSqlParameterSource("c", conclusies).addValue("a", aanbevelingen).addValue("door", door)
        .addValue("op", nu()).addValue("r", ref));
    Rij r = rij(ref);
    archiveer(ref, "Privacyrapportage " + r.periode() + " met conclusies en aanbevelingen FG",
        "privacyrapportage-" + ref + "-fg.pdf", pdf(r));
  }

  /** Complete listener of "Besluit over de privacyrapportage vastleggen" (directie). */
  public void besluitVastleggen(DelegateTask task) {
    String besluit = tekst(task, "rapportBesluit");
    jdbc.update("""
        UPDATE avg_privacyrapportage SET besluit_directie = :b, directie_door = :door, directie_op = :op
        WHERE referentie = :r
        """, new MapSqlParameterSource("b", besluit).addValue("door", gebruiker(task.getAssignee()))
        .addValue("op", nu()).addValue("r", task.getVariable("referentie")));
  }

  /** Service task "Rapportage vaststellen en archiveren": the final PDF, status VASTGESTELD. */
  public void vaststellen(DelegateExecution execution) {
    String ref = (String) execution.getVariable("referentie");
    Rij r = rij(ref);
    archiveer(ref, "Privacyrapportage " + r.periode() + " (vastgesteld)", "privacyrapportage-" + ref + ".pdf", pdf(r));
    jdbc.update("UPDATE avg_privacyrapportage SET status = 'VASTGESTELD' WHERE referentie = :r",
        new MapSqlParameterSource("r", ref));
  }

  // ------------------------------------------------------------------ the half-year

  /** A half-year: H1 = January–June, H2 = July–December. */
  public record Halfjaar(int jaar, String helft) {

    public LocalDate van() {
      return LocalDate.of(jaar, "H1".equals(helft) ? 1 : 7, 1);
    }

    /** The first day after the half-year. */
    public LocalDate tot() {
      return van().plusMonths(6);
    }

    public String referentie() {
      return "RAP-" + jaar + "-" + helft;
    }

    public String omschrijving() {
      return ("H1".equals(helft) ? "1e" : "2e") + " halfjaar " + jaar;
    }
  }

  /** The half-year of the start form, or (timer) the one before today. */
  Halfjaar halfjaar(Object jaar, Object helft) {
    LocalDate vandaag = LocalDate.now(clock.withZone(Privacycijfers.AMSTERDAM));
    if (jaar == null && helft == null) {
      return vandaag.getMonthValue() <= 6 ? new Halfjaar(vandaag.getYear() - 1, "H2")
          : new Halfjaar(vandaag.getYear(), "H1");
    }
    int j;
    try {
      j = jaar instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(jaar).strip());
    } catch (NumberFormatException e) {
      throw new OngeldigeInvoerException("Vul het jaar van de rapportage in als getal, bijvoorbeeld "
          + (vandaag.getYear() - 1) + ".");
    }
    if (!"H1".equals(helft) && !"H2".equals(helft)) {
      throw new OngeldigeInvoerException("Kies het eerste (H1) of het tweede halfjaar (H2).");
    }
    if (j < 2018) {
      throw new OngeldigeInvoerException("De AVG geldt vanaf 25 mei 2018: kies 2018 of later.");
    }
    Halfjaar h = new Halfjaar(j, (String) helft);
    if (h.tot().isAfter(vandaag)) {
      throw new OngeldigeInvoerException("Het " + h.omschrijving() + " is nog niet voorbij: een rapportage gaat over"
          + " een afgelopen halfjaar.");
    }
    return h;
  }

  // ------------------------------------------------------------------ helpers

  private record Rij(String referentie, LocalDate van, LocalDate tot, String periode, String conclusies,
      String aanbevelingen, String fgDoor, OffsetDateTime fgOp, String besluit, String directieDoor,
      OffsetDateTime directieOp) {
  }

  private Rij rij(String ref) {
    return jdbc.queryForObject("SELECT * FROM avg_privacyrapportage WHERE referentie = :r",
        new MapSqlParameterSource("r", ref), (rs, i) -> new Rij(rs.getString("referentie"),
            rs.getObject("van", LocalDate.class), rs.getObject("tot", LocalDate.class), rs.getString("periode"),
            rs.getString("conclusies"), rs.getString("aanbevelingen"), rs.getString("fg_door"),
            rs.getObject("fg_op", OffsetDateTime.class), rs.getString("besluit_directie"),
            rs.getString("directie_door"), rs.getObject("directie_op", OffsetDateTime.class)));
  }

  /** The PDF with the figures recomputed for the same period and the texts so far. */
  private byte[] pdf(Rij r) {
    Periodecijfers c = cijfers.periode(r.van(), r.tot());
    Halfjaar h = new Halfjaar(r.van().getYear(), r.van().getMonthValue() == 1 ? "H1" : "H2");
    return rapportPdf.maak(r.referentie(), r.periode(), c, verwerkersTekst(h),
        new RapportPdf.Teksten(r.conclusies(), r.aanbevelingen(), r.fgDoor(), Weergave.moment(r.fgOp()),
            r.besluit(), r.directieDoor(), r.directieOp() == null ? null : Weergave.moment(r.directieOp())));
  }

  private String verwerkersTekst(Halfjaar h) {
    return Optional.ofNullable(verwerkers.getIfAvailable()).map(v -> v.samenvatting(h.van(), h.tot()))
        .orElse(VerwerkersCijfers.GEEN_REGISTER);
  }

  private void archiveer(String ref, String titel, String bestand, byte[] pdf) {
    archief.bewaar(ref, Stuksoort.PRIVACYRAPPORTAGE, titel, bestand, "application/pdf", pdf, "systeem");
  }

  /** A short Markdown summary for the task forms (form-js renders it). */
  static String samenvatting(Periodecijfers c) {
    return "| | |\n| --- | --- |\n"
        + "| Verzoeken ontvangen | " + c.ontvangen() + " |\n"
        + "| Afgehandeld / op tijd | " + c.afgehandeld() + " / " + c.opTijd() + " ("
        + Weergave.procent(c.aandeelOpTijd()) + ") |\n"
        + "| Mediaan doorlooptijd | " + (c.mediaanDagen() == null ? "n.v.t."
            : String.format(Weergave.NL, "%.1f dagen", c.mediaanDagen())) + " |\n"
        + "| Verlengd / afgewezen | " + c.verlengd() + " / " + c.afgewezen() + " |\n"
        + "| Datalekken (signalen) | " + c.datalekken() + " (" + c.datalekSignalen() + ") |\n"
        + "| Gemeld bij AP / binnen 72 uur | " + c.apGemeld() + " / " + c.apOpTijd() + " |\n"
        + "| Afwijkingen van FG-advies | " + c.afwijkingenFgAdvies() + " |\n"
        + "| Versies verwerkingsregister | " + c.registerVersies() + " |\n";
  }

  /** A text the task's guard ({@link RapporttekstControle}) has checked. */
  private static String tekst(DelegateTask task, String naam) {
    return task.getVariable(naam).toString();
  }

  private String gebruiker(String assignee) {
    Authentication auth = identityService.getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      return auth.getUserId();
    }
    return assignee != null ? assignee : "systeem";
  }

  private OffsetDateTime nu() {
    return OffsetDateTime.now(clock).atZoneSameInstant(Privacycijfers.AMSTERDAM).toOffsetDateTime();
  }
}
