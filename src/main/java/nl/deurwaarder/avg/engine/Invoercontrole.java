package nl.deurwaarder.avg.engine;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
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

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private final IdentityService identityService;
  private final Clock clock;

  public Invoercontrole(IdentityService identityService, Clock clock) {
    this.identityService = identityService;
    this.clock = clock;
  }

  /** The variable must be one of the allowed values (comma-separated). */
  public void keuze(VariableScope scope, String naam, String toegestaan) {
    Object waarde = scope.getVariable(naam);
    Set<String> opties = opties(toegestaan);
    if (waarde == null || waarde.toString().isBlank()) {
      throw new OngeldigeInvoerException("Kies een waarde voor '" + naam + "' (" + String.join(", ", opties) + ").");
    }
    if (!opties.contains(waarde.toString())) {
      throw new OngeldigeInvoerException("Ongeldige waarde '" + waarde + "' voor '" + naam + "'; kies uit "
          + String.join(", ", opties) + ".");
    }
  }

  /** The variable must be filled in (text not blank, at most {@code max} characters). */
  public void tekst(VariableScope scope, String naam, int max) {
    Object waarde = scope.getVariable(naam);
    if (waarde == null || waarde.toString().isBlank()) {
      throw new OngeldigeInvoerException("Vul '" + naam + "' in.");
    }
    if (waarde.toString().length() > max) {
      throw new OngeldigeInvoerException("'" + naam + "' is te lang (hoogstens " + max + " tekens).");
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
      throw new OngeldigeInvoerException("Beantwoord '" + naam + "' met ja of nee.");
    }
  }

  /** A list variable (JSON array or Java collection) whose every element is one of the allowed values. */
  public void lijst(VariableScope scope, String naam, String toegestaan) {
    Set<String> opties = opties(toegestaan);
    List<String> waarden = alsLijst(scope.getVariable(naam));
    List<String> fout = waarden.stream().filter(w -> !opties.contains(w)).toList();
    if (!fout.isEmpty()) {
      throw new OngeldigeInvoerException("Ongeldige waarde(n) " + fout + " voor '" + naam + "'; kies uit "
          + String.join(", ", opties) + ".");
    }
  }

  /** When variable {@code alsNaam} has one of the values {@code alsWaarden}, {@code naam} must be an allowed value. */
  public void keuzeAls(VariableScope scope, String alsNaam, String alsWaarden, String naam, String toegestaan) {
    if (heeftWaarde(scope, alsNaam, alsWaarden)) {
      keuze(scope, naam, toegestaan);
    }
  }

  /** When variable {@code alsNaam} has one of the values {@code alsWaarden}, the text {@code naam} is required. */
  public void tekstAlsWaarde(VariableScope scope, String alsNaam, String alsWaarden, String naam, int max) {
    if (heeftWaarde(scope, alsNaam, alsWaarden)) {
      tekst(scope, naam, max);
    }
  }

  /** Several required texts at once (comma-separated names). */
  public void teksten(VariableScope scope, String namen, int max) {
    for (String naam : opties(namen)) {
      tekst(scope, naam, max);
    }
  }

  /**
   * The list {@code naam} holds only allowed values; when {@code alsNaam} has one of {@code alsWaarden} it must also
   * hold at least one.
   */
  public void lijstVerplichtAls(VariableScope scope, String alsNaam, String alsWaarden, String naam, String toegestaan) {
    lijst(scope, naam, toegestaan);
    if (heeftWaarde(scope, alsNaam, alsWaarden) && alsLijst(scope.getVariable(naam)).isEmpty()) {
      throw new OngeldigeInvoerException("Kies ten minste één waarde voor '" + naam + "' ("
          + String.join(", ", opties(toegestaan)) + ").");
    }
  }

  /** A checkbox that must be ticked. */
  public void aangevinkt(VariableScope scope, String naam) {
    if (!Boolean.TRUE.equals(alsBoolean(scope.getVariable(naam)))) {
      throw new OngeldigeInvoerException("Vink '" + naam + "' aan om verder te gaan.");
    }
  }

  /** When {@code alsNaam} has one of {@code alsWaarden}, every named checkbox must be ticked. */
  public void aangevinktAls(VariableScope scope, String alsNaam, String alsWaarden, String namen) {
    if (!heeftWaarde(scope, alsNaam, alsWaarden)) {
      return;
    }
    List<String> open = opties(namen).stream()
        .filter(n -> !Boolean.TRUE.equals(alsBoolean(scope.getVariable(n)))).toList();
    if (!open.isEmpty()) {
      throw new OngeldigeInvoerException("Nog niet afgevinkt: " + String.join(", ", open)
          + ". Rond eerst alle stappen af.");
    }
  }

  /** A date (ISO text as Tasklist submits it, or a Date) that is not in the future. */
  public void datumNietInToekomst(VariableScope scope, String naam) {
    Object waarde = scope.getVariable(naam);
    LocalDate datum = alsDatum(waarde);
    if (datum == null) {
      throw new OngeldigeInvoerException("Vul voor '" + naam + "' een datum in (jjjj-mm-dd).");
    }
    if (datum.isAfter(LocalDate.now(clock.withZone(AMSTERDAM)))) {
      throw new OngeldigeInvoerException("De datum voor '" + naam + "' ligt in de toekomst.");
    }
  }

  /** The variable names an existing user who is a member of {@code groep}. */
  public void groepslid(VariableScope scope, String naam, String groep) {
    Object waarde = scope.getVariable(naam);
    if (waarde == null || waarde.toString().isBlank()) {
      throw new OngeldigeInvoerException("Kies een medewerker voor '" + naam + "'.");
    }
    long n = identityService.createUserQuery().userId(waarde.toString()).memberOfGroup(groep).count();
    if (n != 1) {
      throw new OngeldigeInvoerException("'" + waarde + "' is geen bestaande gebruiker in de groep '" + groep + "'.");
    }
  }

  /** A date from a form: Date, or text starting with yyyy-MM-dd. Null when absent or unreadable. */
  public static LocalDate alsDatum(Object waarde) {
    if (waarde instanceof Date d) {
      return d.toInstant().atZone(AMSTERDAM).toLocalDate();
    }
    if (waarde == null || waarde.toString().length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(waarde.toString().substring(0, 10));
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  public static Boolean alsBoolean(Object waarde) {
    if (waarde instanceof Boolean b) {
      return b;
    }
    return waarde == null ? null : Boolean.valueOf(waarde.toString().trim());
  }

  private static boolean heeftWaarde(VariableScope scope, String naam, String waarden) {
    Object waarde = scope.getVariable(naam);
    return waarde != null && opties(waarden).contains(waarde.toString());
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
