package nl.deurwaarder.avg.verzoekprocedure;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import nl.deurwaarder.avg.archief.Archief;
import nl.deurwaarder.avg.archief.Archiefstuk;
import nl.deurwaarder.avg.archief.Stuksoort;
import nl.deurwaarder.avg.brief.PdfOpmaak;
import nl.deurwaarder.avg.engine.Invoercontrole;
import nl.deurwaarder.avg.verzoek.VerzoekregisterInProces;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Checklist PH-PRO-02 (the form {@code gegevens-verzamelen}): the 11 sources of the handbook plus back-ups and two free
 * rows, each with "gegevens aanwezig" and "afgerond". Checks on completion that every row is done, and stores the
 * ticked checklist as a PDF in the request's archive, typeset like the letters ({@link PdfOpmaak}: the embedded
 * Liberation Sans), so names such as "Łukasz Wiśniewski" in the archived evidence print as typed (the PDF's built-in
 * Helvetica knew only Western European letters and printed '#' for the rest).
 */
@Component("gegevenschecklist")
public class GegevensChecklist {

  /** Rows 1–12; the form's keys are {@code bronNNAanwezig} and {@code bronNNAfgerond}. */
  public static final List<String> BRONNEN = List.of("Dossierapplicatie (overzicht)", "Fysieke dossiers",
      "Digitale archiefdossiers", "Fysieke archiefdossiers", "E-mail", "Managementinformatie voor opdrachtgevers",
      "Webportaal voor betrokkenen", "Webportaal voor opdrachtgevers", "Klachtenregister",
      "Register agressie-incidenten", "Register AVG-verzoeken", "Back-ups");
  /** Free rows 13 and 14: {@code bronNNNaam}. */
  public static final int[] VRIJE_RIJEN = {13, 14};

  private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm")
      .withZone(ZoneId.of("Europe/Amsterdam"));

  private final Archief archief;
  private final VerzoekregisterInProces inProces;
  private final Clock clock;
  private final PdfOpmaak pdfOpmaak;

  public GegevensChecklist(Archief archief, VerzoekregisterInProces inProces, Clock clock, PdfOpmaak pdfOpmaak) {
    this.archief = archief;
    this.inProces = inProces;
    this.clock = clock;
    this.pdfOpmaak = pdfOpmaak;
  }

  record Rij(int nummer, String bron, boolean aanwezig, boolean afgerond) {
  }

  List<Rij> rijen(VariableScope scope) {
    List<Rij> rijen = new ArrayList<>();
    for (int i = 1; i <= BRONNEN.size(); i++) {
      rijen.add(new Rij(i, BRONNEN.get(i - 1), vink(scope, i, "Aanwezig"), vink(scope, i, "Afgerond")));
    }
    for (int i : VRIJE_RIJEN) {
      Object naam = scope.getVariable(String.format("bron%02dNaam", i));
      if (naam != null && !naam.toString().isBlank()) {
        rijen.add(new Rij(i, naam.toString().trim(), vink(scope, i, "Aanwezig"), vink(scope, i, "Afgerond")));
      }
    }
    return rijen;
  }

  private static boolean vink(VariableScope scope, int i, String soort) {
    return Boolean.TRUE.equals(Invoercontrole.alsBoolean(scope.getVariable(String.format("bron%02d%s", i, soort))));
  }

  /** Complete listener: every row (and every named free row) must be "afgerond". */
  public void controleren(DelegateTask task) {
    List<String> open = rijen(task).stream().filter(r -> !r.afgerond()).map(r -> r.nummer() + ". " + r.bron())
        .toList();
    if (!open.isEmpty()) {
      throw new OngeldigeInvoerException("De checklist is nog niet af. Vink 'afgerond' aan bij: "
          + String.join(", ", open) + ".");
    }
  }

  /** Stores the checklist as a PDF in the archive (CHECKLIST) and remembers its id. */
  public void archiveren(DelegateExecution execution) {
    String ref = VerzoekregisterInProces.referentie(execution);
    Object wie = execution.getVariable("verantwoordelijke");
    byte[] pdf = pdf(ref, wie == null ? "-" : wie.toString(), rijen(execution),
        (String) execution.getVariable("checklistOpmerkingen"));
    Archiefstuk stuk = archief.bewaar(ref, Stuksoort.CHECKLIST, "Checklist gegevensverzameling (PH-PRO-02)",
        "checklist-gegevensverzameling-" + ref + ".pdf", "application/pdf", pdf, inProces.gebruiker(null));
    execution.setVariable("checklistArchiefstukId", stuk.id());
  }

  byte[] pdf(String ref, String verantwoordelijke, List<Rij> rijen, String opmerkingen) {
    StringBuilder html = new StringBuilder("""
        <html><head><meta charset="UTF-8"/><style>
        body { font-family: 'Liberation Sans'; font-size: 10pt; } table { border-collapse: collapse; width: 100%; }
        td, th { border: 1px solid #444; padding: 4px; text-align: left; } th { background: #eee; }
        </style></head><body>""");
    html.append("<h2>Checklist gegevensverzameling (PH-PRO-02)</h2>")
        .append("<p>Verzoek: ").append(e(ref)).append("<br/>Verantwoordelijke: ").append(e(verantwoordelijke))
        .append("<br/>Afgerond op: ").append(MOMENT.format(clock.instant())).append("</p>")
        .append("<table><tr><th>#</th><th>Bron</th><th>Gegevens aanwezig</th><th>Afgerond</th></tr>");
    for (Rij r : rijen) {
      html.append("<tr><td>").append(r.nummer()).append("</td><td>").append(e(r.bron())).append("</td><td>")
          .append(r.aanwezig() ? "ja" : "nee").append("</td><td>").append(r.afgerond() ? "ja" : "nee")
          .append("</td></tr>");
    }
    html.append("</table><p>Opmerkingen: ").append(opmerkingen == null || opmerkingen.isBlank() ? "geen"
        : e(opmerkingen).replace("\n", "<br/>")).append("</p></body></html>");
    return pdfOpmaak.pdf(html.toString());
  }

  private static String e(String s) {
    return HtmlUtils.htmlEscape(s, "UTF-8");
  }
}
