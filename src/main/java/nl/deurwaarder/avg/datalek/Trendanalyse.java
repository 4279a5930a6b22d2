package nl.deurwaarder.avg.datalek;

import nl.deurwaarder.avg.engine.Procesgegeven;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.deurwaarder.avg.archief.Archief;
import nl.deurwaarder.avg.archief.Stuksoort;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The yearly trend analysis of breaches (PH-PRO-04 §6.2), bean {@code datalekTrend}: as a JavaDelegate it computes
 * the figures of the past calendar year from the Register datalekken (by moment of discovery), stores the report in
 * {@code avg_datalek_trendanalyse} and as an HTML document in the archive under {@code DL-TREND-<jaar>}, and puts the
 * Markdown text in {@code trendrapport} for the FG's form. The FG's trends and recommendations and directie's
 * decision are added by the complete listeners {@link #aanbevelingen} and {@link #besluit}.
 */
@Component("datalekTrend")
public class Trendanalyse implements JavaDelegate {

  private static final Locale NL = Locale.forLanguageTag("nl-NL");

  /** The figures of one year. */
  public record Cijfers(int jaar, int meldingen, int datalekken, Map<String, Integer> perCategorie,
      Map<String, Integer> perErnst, Map<Month, Integer> perMaand, Map<Bron, Integer> perBron, int apGemeld,
      int apBinnen72Uur, Double aandeelBinnen72Uur, Double mediaanUrenTotMelding, int verwerkerMeldingen,
      int verwerkerTijdig) {
  }

  private final DatalekRegister register;
  private final NamedParameterJdbcTemplate jdbc;
  private final Archief archief;
  private final Clock clock;

  public Trendanalyse(DatalekRegister register, NamedParameterJdbcTemplate jdbc, Archief archief, Clock clock) {
    this.register = register;
    this.jdbc = jdbc;
    this.archief = archief;
    this.clock = clock;
  }

  public static String referentie(int jaar) {
    return "DL-TREND-" + jaar;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object gegeven = execution.getVariable("trendJaar");
    int jaar = gegeven != null ? Integer.parseInt(gegeven.toString())
        : LocalDate.now(clock.withZone(DatalekRegister.AMSTERDAM)).getYear() - 1;
    Cijfers c = cijfers(jaar);
    String md = markdown(c);
    String ref = referentie(jaar);
    MapSqlParameterSource p = new MapSqlParameterSource("jaar", jaar).addValue("ref", ref)
        .addValue("op", DatalekRegister.nu(clock)).addValue("rapport", md);
    jdbc.update("DELETE FROM avg_datalek_trendanalyse WHERE jaar = :jaar", p);
    jdbc.update("INSERT INTO avg_datalek_trendanalyse (jaar, referentie, opgesteld_op, rapport) "
        + "VALUES (:jaar, :ref, :op, :rapport)", p);
    archiveer(ref, "Trendrapport datalekken " + jaar + " (gegenereerd)", "trendrapport-" + jaar + ".html", md);
    execution.setProcessBusinessKey(ref);
    execution.setVariable("trendJaar", jaar);
    execution.setVariable("referentie", ref);
    execution.setVariable("trendrapport", md);
  }

  /** Complete listener of the FG's task: trends and recommendations, stored with the report. */
  public void aanbevelingen(DelegateTask task) {
    Object a = task.getVariable("trendAanbevelingen");
    if (a == null || a.toString().isBlank()) {
      throw new OngeldigeInvoerException("Vul de trends en aanbevelingen voor de directie in.");
    }
    if (a.toString().length() > 10000) {
      throw new OngeldigeInvoerException("De trends en aanbevelingen zijn te lang (hoogstens 10000 tekens).");
    }
    int jaar = (int) Procesgegeven.getal(task, "trendJaar", "het jaar van de trendanalyse");
    jdbc.update("UPDATE avg_datalek_trendanalyse SET aanbevelingen = :a WHERE jaar = :j",
        new MapSqlParameterSource("a", a.toString()).addValue("j", jaar));
    String md = task.getVariable("trendrapport") + "\n\n## Trends en aanbevelingen van de FG\n\n" + a;
    archiveer(referentie(jaar), "Trendanalyse datalekken " + jaar + " met aanbevelingen FG",
        "trendanalyse-" + jaar + ".html", md);
  }

  /** Complete listener of directie's task: the decision on extra measures. */
  public void besluit(DelegateTask task) {
    Object b = task.getVariable("trendBesluit");
    if (b == null || b.toString().isBlank()) {
      throw new OngeldigeInvoerException("Leg het besluit van de directie vast.");
    }
    jdbc.update("UPDATE avg_datalek_trendanalyse SET besluit_directie = :b WHERE jaar = :j",
        new MapSqlParameterSource("b", b.toString()).addValue("j",
            (int) Procesgegeven.getal(task, "trendJaar", "het jaar van de trendanalyse")));
  }

  private void archiveer(String ref, String titel, String bestand, String markdown) {
    String html = "<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"UTF-8\"><title>" + HtmlUtils.htmlEscape(titel)
        + "</title></head><body><pre style=\"font-family:sans-serif;white-space:pre-wrap\">"
        + HtmlUtils.htmlEscape(markdown) + "</pre></body></html>";
    archief.bewaar(ref, Stuksoort.DATALEKDOSSIER, titel, bestand, "text/html",
        html.getBytes(StandardCharsets.UTF_8), DatalekInProces.SYSTEEM);
  }

  /** The figures of a calendar year (Europe/Amsterdam, by moment of discovery). */
  public Cijfers cijfers(int jaar) {
    OffsetDateTime vanaf = LocalDate.of(jaar, 1, 1).atStartOfDay(DatalekRegister.AMSTERDAM).toOffsetDateTime();
    OffsetDateTime tot = LocalDate.of(jaar + 1, 1, 1).atStartOfDay(DatalekRegister.AMSTERDAM).toOffsetDateTime();
    List<Datalek> lijst = register.ontdektTussen(vanaf, tot);
    Map<String, Integer> perCategorie = new LinkedHashMap<>();
    for (String c : List.of("BESCHIKBAARHEID", "VERTROUWELIJKHEID", "INTEGRITEIT")) {
      perCategorie.put(c, 0);
    }
    Map<String, Integer> perErnst = new LinkedHashMap<>();
    for (Ernst e : Ernst.values()) {
      perErnst.put(e.name(), 0);
    }
    perErnst.put("NOG_NIET_BEOORDEELD", 0);
    Map<Month, Integer> perMaand = new EnumMap<>(Month.class);
    for (Month m : Month.values()) {
      perMaand.put(m, 0);
    }
    Map<Bron, Integer> perBron = new EnumMap<>(Bron.class);
    for (Bron b : Bron.values()) {
      perBron.put(b, 0);
    }
    int datalekken = 0;
    int gemeld = 0;
    int binnen = 0;
    int verwerker = 0;
    int verwerkerTijdig = 0;
    List<Double> uren = new ArrayList<>();
    for (Datalek d : lijst) {
      if (Boolean.TRUE.equals(d.ja("isDatalek"))) {
        datalekken++;
      }
      d.inbreukCategorieen().forEach(c -> perCategorie.merge(c, 1, Integer::sum));
      perErnst.merge(d.ernst() == null ? "NOG_NIET_BEOORDEELD" : d.ernst().name(), 1, Integer::sum);
      perMaand.merge(d.ontdektOp().getMonth(), 1, Integer::sum);
      perBron.merge(d.bron(), 1, Integer::sum);
      if (Boolean.TRUE.equals(d.ja("apGemeld")) && d.moment("apMeldingOp") != null) {
        gemeld++;
        if (!d.moment("apMeldingOp").isAfter(d.apMeldingUiterlijk())) {
          binnen++;
        }
        uren.add(Duration.between(d.ontdektOp(), d.moment("apMeldingOp")).toMinutes() / 60.0);
      }
      if (d.bron() == Bron.VERWERKER) {
        verwerker++;
        if (Boolean.TRUE.equals(d.ja("verwerkerTijdig"))) {
          verwerkerTijdig++;
        }
      }
    }
    Double aandeel = gemeld == 0 ? null : 100.0 * binnen / gemeld;
    return new Cijfers(jaar, lijst.size(), datalekken, perCategorie, perErnst, perMaand, perBron, gemeld, binnen,
        aandeel, mediaan(uren), verwerker, verwerkerTijdig);
  }

  static Double mediaan(List<Double> waarden) {
    if (waarden.isEmpty()) {
      return null;
    }
    List<Double> s = new ArrayList<>(waarden);
    s.sort(Double::compare);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2.0;
  }

  /** The report as Markdown (form-js renders it; the archive keeps it as HTML). */
  public String markdown(Cijfers c) {
    StringBuilder s = new StringBuilder();
    s.append("# Trendrapport datalekken ").append(c.jaar()).append("\n\n");
    s.append("Periode: 1 januari ").append(c.jaar()).append(" t/m 31 december ").append(c.jaar())
        .append(" (op moment van ontdekking). Bron: register datalekken.\n\n");
    s.append("- Meldingen (signalen): **").append(c.meldingen()).append("**\n");
    s.append("- Waarvan datalek in de zin van de AVG: **").append(c.datalekken()).append("**\n\n");
    s.append("## Per categorie\n\n| categorie | aantal |\n| --- | --- |\n");
    c.perCategorie().forEach((k, v) -> s.append("| ").append(k.toLowerCase(NL)).append(" | ").append(v)
        .append(" |\n"));
    s.append("\n## Per omvang\n\n| omvang | aantal |\n| --- | --- |\n");
    c.perErnst().forEach((k, v) -> s.append("| ").append(k.toLowerCase(NL).replace('_', ' ')).append(" | ")
        .append(v).append(" |\n"));
    s.append("\n## Per maand\n\n| maand | aantal |\n| --- | --- |\n");
    c.perMaand().forEach((k, v) -> s.append("| ").append(k.getDisplayName(TextStyle.FULL, NL)).append(" | ")
        .append(v).append(" |\n"));
    s.append("\n## Per bron\n\n| bron | aantal |\n| --- | --- |\n");
    c.perBron().forEach((k, v) -> s.append("| ").append(k.name().toLowerCase(NL)).append(" | ").append(v)
        .append(" |\n"));
    s.append("\n## Melding aan de Autoriteit Persoonsgegevens\n\n");
    s.append("- Gemeld: ").append(c.apGemeld()).append(", waarvan binnen 72 uur na ontdekking: ")
        .append(c.apBinnen72Uur()).append(" (")
        .append(c.aandeelBinnen72Uur() == null ? "n.v.t." : String.format(NL, "%.1f%%", c.aandeelBinnen72Uur()))
        .append(")\n");
    s.append("- Mediaan van ontdekking tot melding: ").append(c.mediaanUrenTotMelding() == null ? "n.v.t."
        : String.format(NL, "%.1f uur", c.mediaanUrenTotMelding())).append("\n\n");
    s.append("## Meldingen door verwerkers\n\n- Meldingen: ").append(c.verwerkerMeldingen())
        .append(", waarvan binnen 24 uur na hun ontdekking: ").append(c.verwerkerTijdig()).append("\n");
    return s.toString();
  }
}
