package nl.deurwaarder.avg.engine;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Server-side checks of what a task form submits, used as complete-listener expressions in the diagrams, e.g.
 * {@code ${invoer.keuze(task, 'uitkomst', 'AFGEHANDELD,AFGEWEZEN')}}. Tasklist's forms validate only in the browser;
 * a task completed over the REST API must meet the same rules. A broken rule refuses the completion with a Dutch
 * message (HTTP 400 over REST, a notification in Tasklist) and changes nothing.
 */
@Component("invoer")
public class Invoercontrole {

  /** The variable must be one of the allowed values (comma-separated). */
  public void keuze(VariableScope scope, String naam, String toegestaan) {
    Object waarde = scope.getVariable(naam);
    Set<String> opties = opties(toegestaan);
    if (waarde == null || waarde.toString().isBlank()) {
      throw new BadUserRequestException("Kies een waarde voor '" + naam + "' (" + String.join(", ", opties) + ").");
    }
    if (!opties.contains(waarde.toString())) {
      throw new BadUserRequestException("Ongeldige waarde '" + waarde + "' voor '" + naam + "'; kies uit "
          + String.join(", ", opties) + ".");
    }
  }

  /** The variable must be filled in (text not blank, at most {@code max} characters). */
  public void tekst(VariableScope scope, String naam, int max) {
    Object waarde = scope.getVariable(naam);
    if (waarde == null || waarde.toString().isBlank()) {
      throw new BadUserRequestException("Vul '" + naam + "' in.");
    }
    if (waarde.toString().length() > max) {
      throw new BadUserRequestException("'" + naam + "' is te lang (hoogstens " + max + " tekens).");
    }
  }

  /** When {@code voorwaarde} holds, the text variable is required. */
  public void tekstAls(VariableScope scope, boolean voorwaarde, String naam, int max) {
    if (voorwaarde) {
      tekst(scope, naam, max);
    }
  }

  /** The variable must be a yes/no answer (a checkbox: true or false). */
  public void jaNee(VariableScope scope, String naam) {
    Object waarde = scope.getVariable(naam);
    if (!(waarde instanceof Boolean)) {
      throw new BadUserRequestException("Beantwoord '" + naam + "' met ja of nee.");
    }
  }

  /** A list variable (JSON array or Java collection) whose every element is one of the allowed values. */
  public void lijst(VariableScope scope, String naam, String toegestaan) {
    Set<String> opties = opties(toegestaan);
    List<String> waarden = alsLijst(scope.getVariable(naam));
    List<String> fout = waarden.stream().filter(w -> !opties.contains(w)).toList();
    if (!fout.isEmpty()) {
      throw new BadUserRequestException("Ongeldige waarde(n) " + fout + " voor '" + naam + "'; kies uit "
          + String.join(", ", opties) + ".");
    }
  }

  public static List<String> alsLijst(Object waarde) {
    if (waarde == null) {
      return List.of();
    }
    if (waarde instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).toList();
    }
    String s = waarde.toString().trim();
    if (s.isEmpty() || s.equals("[]")) {
      return List.of();
    }
    // a JSON array as Camunda Forms submit it: ["A","B"]
    return Arrays.stream(s.replaceAll("[\\[\\]\"]", "").split(","))
        .map(String::trim).filter(x -> !x.isEmpty()).toList();
  }

  private static Set<String> opties(String toegestaan) {
    return Arrays.stream(toegestaan.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }
}
