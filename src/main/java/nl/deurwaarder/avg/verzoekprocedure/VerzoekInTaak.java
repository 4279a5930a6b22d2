package nl.deurwaarder.avg.verzoekprocedure;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nl.deurwaarder.avg.engine.Weergavekopie;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekIntake;
import nl.deurwaarder.avg.verzoek.VerzoekRegister;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The request itself in every task form of a request (issue 13.5): its text and key facts (reference, type, date of
 * receipt and channel, requester role, deadline), so that nobody has to download the request from the archive to read
 * it. When a task of a request ({@code AVG-...} business key, also in the called processes) is created, this puts
 * them as the task-local variable {@value #VARIABELE} (Markdown) on the task, read fresh from the Register
 * AVG-verzoeken (so an extended deadline shows). The forms show it with a text field {@code {{verzoekInTaak}}}.
 *
 * <p>No listener in the diagrams: it listens to the task events the Camunda Spring Boot starter publishes
 * ({@code camunda.bpm.eventing.task}, on by default). Everything the requester typed is escaped, so it shows as text
 * and never as a link or markup.
 *
 * <p>A display copy ({@link Weergavekopie}): not written to Camunda's history, which would otherwise hold the
 * requester's text once more for every task; the register keeps the text and its changes.
 */
@Component
public class VerzoekInTaak implements Weergavekopie {

  public static final String VARIABELE = "verzoekInTaak";
  /**
   * A display copy, written to every task of the request (not to the history): the intake accepts 10 000 characters
   * and escaping lengthens them. A longer text is shortened to what fits an engine text column (4 000; longer strings
   * go to bytes through {@code engine.LangeTekstPlugin}), and the form says where the whole text is.
   */
  static final int MAX_LENGTE = 3900;
  static final String INGEKORT =
      " …\n\n_(ingekort: de volledige tekst staat in het Register AVG-verzoeken en in het archief)_";
  private static final Pattern REFERENTIE = Pattern.compile("AVG-\\d{4}-\\d{4,}");
  private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

  private final VerzoekRegister register;

  public VerzoekInTaak(VerzoekRegister register) {
    this.register = register;
  }

  @Override
  public Set<String> variabelen() {
    return Set.of(VARIABELE);
  }

  @EventListener(condition = "#task.eventName == 'create'")
  public void bijAanmaken(DelegateTask task) {
    if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) || task.getExecution() == null) {
      return;
    }
    String referentie = task.getExecution().getProcessBusinessKey();
    if (referentie == null || !REFERENTIE.matcher(referentie).matches()) {
      return;
    }
    Optional<Verzoek> verzoek = register.vind(referentie);
    verzoek.ifPresent(v -> task.setVariableLocal(VARIABELE, markdown(v)));
  }

  /** The facts and the text, as Markdown; the requester's text escaped. */
  static String markdown(Verzoek v) {
    StringBuilder md = new StringBuilder();
    md.append("**Soort:** ").append(v.verzoekType().naam()).append(" (").append(v.verzoekType().procedure())
        .append(")  \n");
    md.append("**Ontvangen:** ");
    if (v.ontvangenOp() != null) {
      md.append(VerzoekIntake.NEDERLANDSE_DATUM.format(v.ontvangenOp().atZoneSameInstant(ZONE)));
    }
    if (v.kanaal() != null) {
      md.append(" via ").append(v.kanaal().omschrijving());
    }
    md.append("  \n");
    if (v.verzoekerRol() != null) {
      md.append("**Verzoeker:** ").append(v.verzoekerRol().omschrijving());
      if (v.verzoekerRol().isDerde() && v.verzoekerNaam() != null) {
        md.append(" — ").append(escape(v.verzoekerNaam()));
        if (v.verzoekerOrganisatie() != null) {
          md.append(" (").append(escape(v.verzoekerOrganisatie())).append(")");
        }
      }
      md.append("  \n");
    }
    if (v.uitersteReactiedatum() != null) {
      md.append("**Uiterste reactiedatum:** ").append(VerzoekIntake.NEDERLANDSE_DATUM.format(v.uitersteReactiedatum()));
      if (v.verlengd()) {
        md.append(" (verlengd)");
      }
      md.append("  \n");
    }
    md.append("\n**Tekst van het verzoek:**\n\n");
    String tekst = v.omschrijving() == null || v.omschrijving().isBlank() ? null : v.omschrijving().strip();
    if (tekst == null) {
      md.append("_(geen tekst vastgelegd; zie het archief)_");
    } else {
      String volledig = String.join("  \n", tekst.lines().map(VerzoekInTaak::escape).toList());
      int ruimte = MAX_LENGTE - md.length();
      if (volledig.length() <= ruimte) {
        md.append(volledig);
      } else {
        md.append(ingekort(volledig, ruimte - INGEKORT.length())).append(INGEKORT);
      }
    }
    return md.toString();
  }

  /** The first {@code lengte} characters of escaped text, never ending in half an escape or half a line break. */
  static String ingekort(String escaped, int lengte) {
    String deel = escaped.substring(0, Math.max(0, lengte)).stripTrailing();
    int backslashes = 0;
    while (backslashes < deel.length() && deel.charAt(deel.length() - 1 - backslashes) == '\\') {
      backslashes++;
    }
    return backslashes % 2 == 1 ? deel.substring(0, deel.length() - 1) : deel;
  }

  /** Markdown's special characters as literal text (no link, emphasis, heading, list or HTML). */
  static String escape(String tekst) {
    StringBuilder uit = new StringBuilder(tekst.length() + 16);
    for (char c : tekst.toCharArray()) {
      if ("\\`*_{}[]()<>#+-.!|~&\"'=".indexOf(c) >= 0) {
        uit.append('\\');
      }
      uit.append(c);
    }
    return uit.toString();
  }
}
