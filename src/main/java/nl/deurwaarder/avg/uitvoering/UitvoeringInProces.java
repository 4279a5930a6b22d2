package nl.deurwaarder.avg.uitvoering;

import nl.deurwaarder.avg.engine.Procesgegeven;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.deurwaarder.avg.brief.BriefVerzenden;
import nl.deurwaarder.avg.brief.Verzendregister;
import nl.deurwaarder.avg.brief.Verzendstatus;
import nl.deurwaarder.avg.engine.Invoercontrole;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import nl.deurwaarder.avg.termijn.Datuminvoer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The uitvoeringsregister, the art. 19 recipients and the restore after a backup, for the diagrams (bean
 * {@code uitvoering}). The request's reference is the business key (else the variable {@code referentie}).
 *
 * <p>Form rows: Camunda Forms 1.8.7 has no repeating rows, so a task form offers {@value #MAX_RIJEN} fixed rows;
 * empty rows are skipped. Executions: {@code systeemN}, {@code dossiernummerN}, {@code uitgevoerdOpN} (dd-mm-jjjj or
 * ISO), {@code omschrijvingN}, optional {@code soortN} (overrides the default kind), and for a restriction
 * {@code beperkingRedenN} plus {@code beperktTotN} (date) or {@code beperkingEindeN} (the event that ends it).
 * Recipients: {@code ontvangerNNaam}, {@code ontvangerNEmail}, {@code ontvangerNAdres}.
 */
@Component("uitvoering")
public class UitvoeringInProces {

  public static final int MAX_RIJEN = 5;
  public static final String SYSTEEM = "systeem";
  private static final DateTimeFormatter NL = DateTimeFormatter.ofPattern("dd-MM-uuuu");

  private final Uitvoeringsregister register;
  private final Ontvangers ontvangers;
  private final Verzendregister verzendregister;
  private final IdentityService identityService;
  private final Clock clock;

  public UitvoeringInProces(Uitvoeringsregister register, Ontvangers ontvangers, Verzendregister verzendregister,
      IdentityService identityService, Clock clock) {
    this.register = register;
    this.ontvangers = ontvangers;
    this.verzendregister = verzendregister;
    this.identityService = identityService;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- executions

  /**
   * Records the filled rows 1..{@value #MAX_RIJEN} of a task form as executions of kind {@code soort} (WISSEN,
   * ANONIMISEREN, CORRIGEREN, BEPERKEN, BEPERKING_OPGEHEVEN; a row's {@code soortN} overrides it). Use as complete
   * listener: {@code ${uitvoering.vastleggen(task, 'WISSEN')}}. Refuses with one Dutch message naming each row's fault.
   */
  public List<Uitvoering> vastleggen(VariableScope scope, String soort) {
    Uitvoeringssoort standaard = soort(soort, "");
    List<NieuweUitvoering> rijen = new ArrayList<>();
    List<String> regels = new ArrayList<>();
    List<String> fouten = new ArrayList<>();
    for (int n = 1; n <= MAX_RIJEN; n++) {
      String systeem = tekst(scope, "systeem" + n);
      String dossier = tekst(scope, "dossiernummer" + n);
      String omschrijving = tekst(scope, "omschrijving" + n);
      Object datum = scope.getVariable("uitgevoerdOp" + n);
      if (leeg(systeem) && leeg(dossier) && leeg(omschrijving) && leeg(datum)) {
        continue;
      }
      String regel = "Regel " + n + ": ";
      try {
        Uitvoeringssoort s = leeg(tekst(scope, "soort" + n)) ? standaard : soort(tekst(scope, "soort" + n), regel);
        rijen.add(new NieuweUitvoering(s, systeem, dossier, omschrijving, tekst(scope, "beperkingReden" + n),
            datum(scope.getVariable("beperktTot" + n), regel + "'beperkt tot'"),
            tekst(scope, "beperkingEinde" + n), datum(datum, regel + "de datum van uitvoering"), null));
        regels.add(regel);
      } catch (OngeldigeInvoerException e) {
        fouten.add(e.getMessage());
      }
    }
    if (!fouten.isEmpty()) {
      throw new OngeldigeInvoerException(String.join(" ", fouten));
    }
    if (rijen.isEmpty()) {
      throw new OngeldigeInvoerException("Vul ten minste één systeem in waarin de gegevens zijn "
          + standaard.omschrijving() + ".");
    }
    return register.legVast(referentie(scope), rijen, regels, gebruiker(scope));
  }

  /** The request's executions, oldest first (e.g. for a reply letter or a task form). */
  public List<Uitvoering> uitvoeringen(DelegateExecution execution) {
    return register.uitvoeringen(referentie(execution));
  }

  /**
   * The data a reply or recipient letter names ({@code omschrijvingGegevens}): per system the description of the
   * request's executions of the given kinds (comma-separated, e.g. {@code 'WISSEN,ANONIMISEREN'}), oldest first.
   */
  public String omschrijving(DelegateExecution execution, String soorten) {
    List<String> kinds = List.of(soorten.split("\\s*,\\s*"));
    return register.uitvoeringen(referentie(execution)).stream()
        .filter(u -> kinds.contains(u.soort().name()))
        .map(u -> u.systeem() + ": " + u.omschrijving())
        .distinct()
        .collect(Collectors.joining("; "));
  }

  /**
   * The earliest known end date of the request's restrictions (kind BEPERKEN, {@code beperktTot}), end of that day,
   * as due date of the task that lifts them; null when every restriction ends with an event instead of a date.
   */
  public Date beperkingEinde(DelegateExecution execution) {
    return register.uitvoeringen(referentie(execution)).stream()
        .filter(u -> u.soort() == Uitvoeringssoort.BEPERKEN && u.beperktTot() != null)
        .map(Uitvoering::beperktTot)
        .min(LocalDate::compareTo)
        .map(d -> Date.from(d.atTime(23, 59, 59).atZone(Uitvoeringsregister.AMSTERDAM).toInstant()))
        .orElse(null);
  }

  /** Why the request's data are restricted (the reasons of its BEPERKEN rows), for the reply letter. */
  public String beperkingRedenen(DelegateExecution execution) {
    return register.uitvoeringen(referentie(execution)).stream()
        .filter(u -> u.soort() == Uitvoeringssoort.BEPERKEN && u.beperkingReden() != null)
        .map(u -> u.beperkingReden() + (u.beperktTot() != null ? " (tot " + NL.format(u.beperktTot()) + ")"
            : u.beperkingEinde() != null ? " (tot: " + u.beperkingEinde() + ")" : ""))
        .distinct()
        .collect(Collectors.joining("; "));
  }

  // ---------------------------------------------------------------- recipients (art. 19)

  /**
   * Records the filled recipient rows 1..{@value #MAX_RIJEN} of a task form ({@code ontvangerNNaam},
   * {@code ontvangerNEmail}, {@code ontvangerNAdres}); no rows means no recipients. Complete listener:
   * {@code ${uitvoering.ontvangersVastleggen(task)}}.
   */
  public List<Ontvanger> ontvangersVastleggen(VariableScope scope) {
    List<String> fouten = new ArrayList<>();
    List<String[]> rijen = new ArrayList<>();
    for (int n = 1; n <= MAX_RIJEN; n++) {
      String naam = tekst(scope, "ontvanger" + n + "Naam");
      String email = tekst(scope, "ontvanger" + n + "Email");
      String adres = tekst(scope, "ontvanger" + n + "Adres");
      if (leeg(naam) && leeg(email) && leeg(adres)) {
        continue;
      }
      Ontvangers.controleer(naam, email, adres, "Ontvanger " + n + ": ", fouten);
      rijen.add(new String[] {naam, email, adres});
    }
    if (!fouten.isEmpty()) {
      throw new OngeldigeInvoerException(String.join(" ", fouten));
    }
    String referentie = referentie(scope);
    String gebruiker = gebruiker(scope);
    return rijen.stream().map(r -> ontvangers.voegToe(referentie, r[0], r[1], r[2], gebruiker)).toList();
  }

  /**
   * The ids of the recipients still to inform, for a multi-instance letter step:
   * {@code camunda:collection="${uitvoering.ontvangersTeInformeren(execution)}" camunda:elementVariable="briefSleutel"}.
   */
  public List<String> ontvangersTeInformeren(DelegateExecution execution) {
    return ontvangers.teInformeren(referentie(execution)).stream().map(o -> String.valueOf(o.id())).toList();
  }

  /**
   * Start listener of the letter step in the multi-instance over {@link #ontvangersTeInformeren} with element variable
   * {@code briefSleutel} (= the recipient id): sets {@code briefOntvangerNaam}, {@code briefOntvangerEmail} and
   * {@code briefOntvangerAdres} locally, so the letter goes to that recipient (by post when it has no e-mail address).
   * (With asyncBefore per instance, input mappings cannot see the element variable yet; this listener can.)
   */
  public void ontvangerAlsGeadresseerde(DelegateExecution execution) {
    Ontvanger o = ontvanger(execution.getVariable(BriefVerzenden.BRIEF_SLEUTEL));
    execution.setVariableLocal("briefOntvangerNaam", o.naam());
    execution.setVariableLocal("briefOntvangerEmail", o.email());
    execution.setVariableLocal("briefOntvangerAdres", o.adres());
  }

  /** One recipient, e.g. {@code ${uitvoering.ontvanger(ontvangerId).naam()}} as input of the letter step. */
  public Ontvanger ontvanger(Object id) {
    return ontvangers.ontvanger(Long.parseLong(String.valueOf(id).trim()))
        .orElseThrow(() -> new IllegalArgumentException("Onbekende ontvanger " + id));
  }

  /**
   * End listener of the letter step {@code briefVerzenden} with {@code briefSleutel} = the recipient id: when the
   * mail server accepted the letter, the recipient is GEINFORMEERD today. A letter that waits for the post leaves the
   * recipient TE_INFORMEREN until a person confirms posting it ({@link OntvangerPerPostGeinformeerd}). Idempotent
   * (job retries).
   */
  public void ontvangerGeinformeerd(DelegateExecution execution) {
    Object id = execution.getVariable(BriefVerzenden.BRIEF_SLEUTEL);
    if (id == null) {
      throw new IllegalStateException("Stap " + execution.getCurrentActivityId() + " mist briefSleutel (ontvanger)");
    }
    String sleutel = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + id;
    Verzendstatus status = verzendregister.vind(sleutel).map(Verzendregister.Verzending::status).orElse(null);
    if (status == Verzendstatus.WACHT_OP_POST) {
      return;
    }
    if (status != Verzendstatus.VERZONDEN) {
      throw new IllegalStateException("Brief " + sleutel + " is niet verzonden (" + status + ")");
    }
    ontvangers.geinformeerd(Long.parseLong(String.valueOf(id)), vandaag(), sleutel, gebruiker(execution));
  }

  /** The names of the recipients informed so far (art. 19), for the reply to the data subject. */
  public List<String> ontvangerNamen(DelegateExecution execution) {
    return ontvangers.lijst(referentie(execution)).stream()
        .filter(o -> o.status() == Ontvangerstatus.GEINFORMEERD).map(Ontvanger::naam).toList();
  }

  /** For a gateway: every recipient of the request has been informed (also true without recipients). */
  public boolean alleOntvangersGeinformeerd(DelegateExecution execution) {
    return ontvangers.allenGeinformeerd(referentie(execution));
  }

  /** Complete listener that refuses while a recipient has not been informed. */
  public void controleerOntvangersGeinformeerd(VariableScope scope) {
    List<Ontvanger> open = ontvangers.teInformeren(referentie(scope));
    if (!open.isEmpty()) {
      throw new OngeldigeInvoerException(open.size() == 1
          ? "Er is nog 1 ontvanger die niet over de wijziging is geïnformeerd (art. 19 AVG)."
          : "Er zijn nog " + open.size() + " ontvangers die niet over de wijziging zijn geïnformeerd (art. 19 AVG).");
    }
  }

  // ---------------------------------------------------------------- restore after backup

  /**
   * Start listener of "Herstel na back-up": the date of the restored backup ({@code backupDatum}, dd-mm-jjjj or ISO,
   * not in the future), the restored systems ({@code herstelSystemen}, optional, standard names of PH-PRO-02) and an
   * optional {@code herstelToelichting}.
   */
  public void controleerHerstelStart(DelegateExecution execution) {
    LocalDate datum = datum(execution.getVariable("backupDatum"), "de datum van de back-up");
    if (datum == null) {
      throw new OngeldigeInvoerException("Vul de datum van de teruggezette back-up in (dd-mm-jjjj).");
    }
    if (datum.isAfter(vandaag())) {
      throw new OngeldigeInvoerException("De datum van de back-up (" + Uitvoeringsregister.NL.format(datum)
          + ") ligt in de toekomst.");
    }
    List<String> onbekend = systemen(execution).stream().filter(s -> Systemen.standaard(s).isEmpty()).toList();
    if (!onbekend.isEmpty()) {
      throw new OngeldigeInvoerException("Onbekend systeem " + onbekend + "; kies uit " + Systemen.STANDAARD + ".");
    }
    String toelichting = tekst(execution, "herstelToelichting");
    if (toelichting != null && toelichting.length() > 4000) {
      throw new OngeldigeInvoerException("De toelichting is te lang (hoogstens 4000 tekens).");
    }
  }

  /**
   * Records the restore and determines what to redo: sets {@code herstelId}, {@code aantalTeHerstellen} (number of
   * requests), {@code backupDatumTekst} and {@code herstelSystemenTekst}.
   */
  public void herstelBepalen(DelegateExecution execution) {
    LocalDate datum = datum(execution.getVariable("backupDatum"), "de datum van de back-up");
    List<String> systemen = systemen(execution).stream().map(Systemen::normaliseer).toList();
    Object starter = execution.getVariable("herstelGestartDoor");
    Herstel herstel = register.startHerstel(datum, systemen, tekst(execution, "herstelToelichting"),
        starter == null ? gebruiker(execution) : String.valueOf(starter), execution.getProcessInstanceId());
    Map<String, List<Uitvoering>> te = register.teHerstellen(herstel.id());
    execution.setVariable("herstelId", herstel.id());
    execution.setVariable("aantalTeHerstellen", te.size());
    execution.setVariable("backupDatumTekst", Uitvoeringsregister.NL.format(datum));
    execution.setVariable("herstelSystemenTekst", systemen.isEmpty() ? "alle systemen" : String.join(", ", systemen));
  }

  /** The multi-instance collection: the references whose executions must be applied again. */
  public List<String> teHerstellenVerzoeken(DelegateExecution execution) {
    return new ArrayList<>(register.teHerstellen(herstelId(execution)).keySet());
  }

  /**
   * Create listener of "Wissing/correctie opnieuw toepassen": puts the overview of what to redo for this request
   * ({@code herstelOverzicht}, Markdown) on the task's own execution, with empty answers of its own.
   */
  public void herstelTaakVoorbereiden(DelegateTask task) {
    String referentie = String.valueOf(task.getVariable("referentie"));
    List<Uitvoering> rijen = register.teHerstellen(herstelId(task)).getOrDefault(referentie, List.of());
    String overzicht = rijen.stream().map(u -> "- **" + u.systeem() + "** (dossier " + u.dossiernummer() + "): "
        + u.soort().omschrijving() + " op " + Uitvoeringsregister.NL.format(u.uitgevoerdOp()) + " — "
        + u.omschrijving() + beperking(u)).collect(Collectors.joining("\n"));
    task.setName("Wissing/correctie opnieuw toepassen: " + referentie);
    DelegateExecution execution = task.getExecution();
    execution.setVariableLocal("herstelOverzicht", overzicht);
    execution.setVariableLocal("herstelUitkomst", null);
    execution.setVariableLocal("opnieuwToegepastOp", null);
    execution.setVariableLocal("herstelOpmerking", null);
  }

  private static String beperking(Uitvoering u) {
    if (u.soort() != Uitvoeringssoort.BEPERKEN) {
      return "";
    }
    return " (reden: " + u.beperkingReden() + "; tot "
        + (u.beperktTot() != null ? Uitvoeringsregister.NL.format(u.beperktTot()) : u.beperkingEinde()) + ")";
  }

  /**
   * Complete listener: logs the re-application ({@code herstelUitkomst} OPNIEUW_TOEGEPAST or NIET_NODIG, the date
   * {@code opnieuwToegepastOp}, default today, and {@code herstelOpmerking}) per execution and in the register history.
   */
  public void opnieuwToegepast(DelegateTask task) {
    long herstelId = herstelId(task);
    Herstel herstel = register.herstel(herstelId);
    Hersteluitkomst uitkomst = Hersteluitkomst.valueOf(String.valueOf(task.getVariable("herstelUitkomst")));
    LocalDate op = datum(task.getVariable("opnieuwToegepastOp"), "de datum van opnieuw toepassen");
    if (op == null) {
      op = vandaag();
    }
    if (op.isAfter(vandaag())) {
      throw new OngeldigeInvoerException("De datum van opnieuw toepassen (" + Uitvoeringsregister.NL.format(op)
          + ") ligt in de toekomst.");
    }
    if (op.isBefore(herstel.backupDatum())) {
      throw new OngeldigeInvoerException("De datum van opnieuw toepassen (" + Uitvoeringsregister.NL.format(op)
          + ") ligt vóór de datum van de back-up (" + Uitvoeringsregister.NL.format(herstel.backupDatum()) + ").");
    }
    String opmerking = tekst(task, "herstelOpmerking");
    if (opmerking != null && opmerking.length() > 4000) {
      throw new OngeldigeInvoerException("De opmerking is te lang (hoogstens 4000 tekens).");
    }
    register.opnieuwToegepast(herstelId, String.valueOf(task.getVariable("referentie")), uitkomst, op,
        gebruiker(task), opmerking);
  }

  /** Final step: the restore is complete. */
  public void herstelAfronden(DelegateExecution execution) {
    Object aantal = execution.getVariable("aantalTeHerstellen");
    register.herstelAfgerond(herstelId(execution), aantal == null ? 0 : ((Number) aantal).intValue());
  }

  // ---------------------------------------------------------------- helpers

  /** dd-mm-jjjj (also d-m-jjjj) as Dutch staff type it, ISO yyyy-mm-dd (also with a time), or a Date. */
  static LocalDate datum(Object waarde, String wat) {
    try {
      return Datuminvoer.leesFormulierwaarde(waarde);
    } catch (Datuminvoer.OngeldigeDatumException e) {
      throw new OngeldigeInvoerException(hoofdletter(wat) + ": '" + String.valueOf(waarde).trim()
          + "' is geen datum (dd-mm-jjjj).");
    }
  }

  private static String hoofdletter(String s) {
    return s.startsWith("Regel") ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static Uitvoeringssoort soort(String waarde, String regel) {
    try {
      return Uitvoeringssoort.valueOf(waarde.trim());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new OngeldigeInvoerException(regel + "onbekende soort uitvoering '" + waarde + "'; kies uit "
          + java.util.Arrays.toString(Uitvoeringssoort.values()) + ".");
    }
  }

  private static List<String> systemen(VariableScope scope) {
    return Invoercontrole.alsLijst(scope.getVariable("herstelSystemen"));
  }

  private static long herstelId(VariableScope scope) {
    Object id = Procesgegeven.verplicht(scope, "herstelId", "het herstel na de back-up (de stap 'Te herstellen "
        + "verzoeken bepalen' is niet gedaan)");
    return ((Number) id).longValue();
  }

  private LocalDate vandaag() {
    return LocalDate.now(clock.withZone(Uitvoeringsregister.AMSTERDAM));
  }

  private static String tekst(VariableScope scope, String naam) {
    Object w = scope.getVariable(naam);
    return w == null ? null : String.valueOf(w);
  }

  private static boolean leeg(Object w) {
    return w == null || String.valueOf(w).isBlank();
  }

  static String referentie(VariableScope scope) {
    DelegateExecution execution = scope instanceof DelegateTask t ? t.getExecution() : (DelegateExecution) scope;
    String key = execution.getProcessBusinessKey();
    if (key == null || key.isBlank()) {
      Object ref = execution.getVariable("referentie");
      key = ref == null ? null : String.valueOf(ref);
    }
    if (key == null || key.isBlank()) {
      throw new IllegalStateException("Geen referentienummer (business key of variabele referentie)");
    }
    return key;
  }

  /** Who acts: the logged-in user (Tasklist, REST), else the task's assignee, else the engine itself. */
  private String gebruiker(VariableScope scope) {
    Authentication auth = identityService.getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      return auth.getUserId();
    }
    if (scope instanceof DelegateTask t && t.getAssignee() != null) {
      return t.getAssignee();
    }
    return SYSTEEM;
  }
}
