package nl.deurwaarder.avg.datalek;

import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import nl.deurwaarder.avg.archief.Archief;
import nl.deurwaarder.avg.archief.Stuksoort;
import nl.deurwaarder.avg.engine.Invoercontrole;
import nl.deurwaarder.avg.engine.Registerbijhouding;
import nl.deurwaarder.avg.engine.Taakbijhouding;
import nl.deurwaarder.avg.termijn.Termijnberekening;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps the Register datalekken and the 72-hour figures current from {@code bpmn/avg-datalek.bpmn}: the hours left on
 * every user task (as {@link Taakbijhouding}), what the forms and decision tables fill in (as
 * {@link Registerbijhouding}: {@link #REGISTERVELDEN}), and listener expressions a process owner can read for the
 * steps that do more than copy: {@code ${datalekProces.status(execution, 'MELDING_AP')}},
 * {@code ${datalekProces.apGemeld(task)}}. The reference is the business key.
 */
@Component("datalekProces")
public class DatalekInProces implements Taakbijhouding, Registerbijhouding {

  public static final String SYSTEEM = "systeem";
  static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy 'om' HH:mm",
      Locale.forLanguageTag("nl-NL"));
  /** Register fields that are yes/no; forms submit JA/NEE. */
  private static final Set<String> JA_NEE = Set.of("isDatalek", "betrokkenenGeinformeerd", "derdenGeinformeerd",
      "apGemeld");
  /** Register fields that are moments; forms submit ISO text. */
  private static final Set<String> MOMENTEN = Set.of("apMeldingOp", "apMeldingAangevuldOp",
      "betrokkenenGeinformeerdOp", "afgeslotenOp", "geevalueerdOp");

  /**
   * The register fields the staff fill in on the breach's forms (and the two decision tables' results
   * {@code criteriaUitkomst}, {@code ernst}), copied as they are on completion of the task whose form has them. The
   * coordinator's proposal {@code apVoorstel} is the register's {@code apBesluit} until the directie decides. Not
   * here, because a step of their own checks and records them: the filing with the AP ({@link #apGemeld},
   * {@link #apAangevuld}), informing the data subjects ({@link #betrokkenenGeinformeerd}), the evaluation
   * ({@link #evaluatie}), status and closing.
   */
  static final Map<String, String> REGISTERVELDEN = registervelden("getroffenSystemen", "getroffenGegevens",
      "geschatAantalBetrokkenen", "critPersoonsgegevens", "critMisbruik", "critBeveiliging", "criteriaUitkomst",
      "fgAdviesBeoordeling", "isDatalek", "beoordelingToelichting", "inbreukCategorieen", "ernst",
      "afhandelingScenario", "apVoorstel=apBesluit", "apBesluit", "apBesluitToelichting", "fgAdviesAp",
      "datalekteam", "schadebeperkendeMaatregelen", "bewijsmateriaal", "onderzoekAardOmvang", "impactanalyse",
      "corrigerendeMaatregelen", "betrokkenenAdviesFg", "derdenGeinformeerd", "derdenToelichting");

  private final DatalekRegister register;
  private final ApMeldingtekst apMeldingtekst;
  private final Termijnberekening termijn;
  private final IdentityService identityService;
  private final Clock clock;
  private final Archief archief;
  private final boolean beperktViaDirectie;

  public DatalekInProces(DatalekRegister register, ApMeldingtekst apMeldingtekst, Termijnberekening termijn,
      IdentityService identityService, Clock clock, Archief archief,
      @Value("${avg.datalek.beperkt-melding-via-directie:false}") boolean beperktViaDirectie) {
    this.register = register;
    this.apMeldingtekst = apMeldingtekst;
    this.termijn = termijn;
    this.identityService = identityService;
    this.clock = clock;
    this.archief = archief;
    this.beperktViaDirectie = beperktViaDirectie;
  }

  /**
   * Office setting (PH-PRO-04 §4.1 "[OPTIONEEL]"): also a coordinator's proposal to notify a BEPERKT breach goes to
   * directie for approval before the coordinator files it. Default: the coordinator notifies.
   */
  public boolean beperktViaDirectie() {
    return beperktViaDirectie;
  }

  /**
   * Bookkeeping of every user task of avg-datalek (a {@link Taakbijhouding}, run by the engine on each task's
   * creation): what the form shows about the 72-hour deadline — {@code urenResterend}
   * (whole hours until ontdektOp + 72 h, negative when passed), {@code urenResterendTekst},
   * {@code apMeldingUiterlijkTekst}, {@code ontdektOpTekst}.
   */
  @Override
  public String proces() {
    return "avg-datalek";
  }

  @Override
  public void taakAangemaakt(DelegateTask task) {
    Datalek d = register.haal(referentie(task.getExecution()));
    OffsetDateTime nu = DatalekRegister.nu(clock);
    long minuten = Duration.between(nu, d.apMeldingUiterlijk()).toMinutes();
    long uren = Math.floorDiv(minuten, 60);
    task.setVariable("urenResterend", uren);
    task.setVariable("apMeldingUiterlijkTekst", MOMENT.format(d.apMeldingUiterlijk()));
    task.setVariable("ontdektOpTekst", MOMENT.format(d.ontdektOp()));
    task.setVariable("urenResterendTekst", urenTekst(d, uren));
    Object concept = task.getVariable("apMeldingConcept");
    task.setVariable("apMeldingTekst", concept != null && !concept.toString().isBlank() ? concept.toString()
        : apMeldingtekst.opstellen(d));
  }

  /** Create listener of the draft task: the draft starts as the prepared text, so it can be edited. */
  public void conceptKlaarzetten(DelegateTask task) {
    if (task.getVariable("apMeldingConcept") == null) {
      task.setVariable("apMeldingConcept", task.getVariable("apMeldingTekst"));
    }
  }

  /** Complete listener: at least one category of §1.2 (BESCHIKBAARHEID, VERTROUWELIJKHEID, INTEGRITEIT). */
  public void categorieen(DelegateTask task) {
    List<String> c = Invoercontrole.alsLijst(task.getVariable("inbreukCategorieen"));
    if (c.isEmpty() || !Set.of("BESCHIKBAARHEID", "VERTROUWELIJKHEID", "INTEGRITEIT").containsAll(c)) {
      throw new OngeldigeInvoerException("Kies een of meer categorieën: BESCHIKBAARHEID, VERTROUWELIJKHEID, "
          + "INTEGRITEIT.");
    }
  }

  /**
   * Stores what a step produced (a text variable) as a document in the breach file (the archive under the
   * reference), so the breach team's work is documented in the datalekdossier (PH-PRO-04 §3.3).
   */
  public void inDossier(DelegateTask task, String veld, String titel) {
    Object w = task.getVariable(veld);
    if (w == null) {
      return;
    }
    String ref = referentie(task.getExecution());
    String tekst = titel + "\n" + ref + " — " + MOMENT.format(DatalekRegister.nu(clock)) + " — "
        + gebruiker(task.getAssignee()) + "\n\n" + w;
    archief.bewaar(ref, Stuksoort.DATALEKDOSSIER, titel, veld + ".txt", "text/plain",
        tekst.getBytes(java.nio.charset.StandardCharsets.UTF_8), gebruiker(task.getAssignee()));
  }

  /** A free note in the register history (e.g. what directie did when the 72 hours passed). */
  public void notitie(DelegateTask task, String veld) {
    Object w = task.getVariable(veld);
    register.historie(referentie(task.getExecution()), gebruiker(task.getAssignee()), veld, null,
        w == null ? null : w.toString());
  }

  /** What the reporter is told when the file closes (letter DATALEK_BERICHT_MELDER, "bevinding"). */
  public String bevinding(DelegateExecution execution) {
    Object eigen = execution.getVariable("berichtAanMelder");
    if (eigen != null && !eigen.toString().isBlank()) {
      return eigen.toString().strip();
    }
    if ("JA".equals(String.valueOf(execution.getVariable("isDatalek")))) {
      return "Uw melding is beoordeeld als een datalek. Wij hebben de nodige maatregelen genomen en de melding "
          + "afgehandeld volgens onze procedure datalekken. De registratie is afgesloten.";
    }
    return "Na beoordeling is vastgesteld dat er geen sprake is van een datalek in de zin van de AVG. De "
        + "registratie is met deze bevinding afgesloten. Dank voor uw oplettendheid.";
  }

  static String urenTekst(Datalek d, long uren) {
    if (Boolean.TRUE.equals(d.ja("apGemeld"))) {
      return "Gemeld bij de AP op " + MOMENT.format(d.moment("apMeldingOp")) + " (kenmerk " + d.tekst("apKenmerk")
          + ").";
    }
    if ("NIET_MELDEN".equals(d.tekst("apBesluit"))) {
      return "De directie heeft besloten dit datalek niet bij de AP te melden.";
    }
    if (uren >= 0) {
      return "Nog " + uren + " uur tot de uiterste meldtermijn bij de AP (" + MOMENT.format(d.apMeldingUiterlijk())
          + ").";
    }
    return "LET OP: de meldtermijn van 72 uur is " + (-uren) + " uur geleden verstreken ("
        + MOMENT.format(d.apMeldingUiterlijk()) + "). Meld zo snel mogelijk en leg de reden van de vertraging vast.";
  }

  public void status(DelegateExecution execution, String status) {
    register.wijzig(referentie(execution), Map.of("status", DatalekStatus.valueOf(status)), gebruiker(null));
  }

  @Override
  public Map<String, String> registervelden() {
    return REGISTERVELDEN;
  }

  /**
   * What a step filled in (register field → value) into the register, converted per field ({@link #registerwaarde}),
   * by the user completing the task (the engine itself at the end of a decision table).
   */
  @Override
  public void overnemen(VariableScope stap, Map<String, Object> velden) {
    Map<String, Object> waarden = new LinkedHashMap<>();
    velden.forEach((veld, waarde) -> waarden.put(veld, registerwaarde(veld, waarde)));
    DelegateExecution execution = stap instanceof DelegateTask t ? t.getExecution() : (DelegateExecution) stap;
    register.wijzig(referentie(execution), waarden, gebruiker(stap instanceof DelegateTask t ? t.getAssignee() : null));
  }

  /** "veld" or "variabele=veld", in this order. */
  private static Map<String, String> registervelden(String... namen) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String n : namen) {
      String[] delen = n.split("=");
      m.put(delen[0], delen.length > 1 ? delen[1] : delen[0]);
      if (!DatalekRegister.WIJZIGBARE_VELDEN.contains(m.get(delen[0]))) {
        throw new IllegalStateException("Geen registerveld: " + m.get(delen[0]));
      }
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  private Object registerwaarde(String veld, Object waarde) {
    if (waarde == null) {
      return null;
    }
    if (JA_NEE.contains(veld) && !(waarde instanceof Boolean)) {
      return "JA".equals(waarde.toString()) || "true".equals(waarde.toString());
    }
    if (MOMENTEN.contains(veld)) {
      return OffsetDateTime.ofInstant(termijn.alsMoment(waarde, veld), DatalekRegister.AMSTERDAM);
    }
    if (veld.equals("inbreukCategorieen")) {
      return Invoercontrole.alsLijst(waarde);
    }
    if (waarde instanceof Number n) {
      return n.intValue();
    }
    return waarde;
  }

  /**
   * Complete listener of "Melding indienen bij de AP": the filing time (not in the future, not before discovery),
   * the AP's reference, preliminary or final, and — when filed after the 72 hours — the reasons (EDPB 9/2022).
   * Sets {@code apGemeld = true}; the subprocess then ends and its 72-hour timers with it.
   */
  public void apGemeld(DelegateTask task) {
    Datalek d = register.haal(referentie(task.getExecution()));
    Instant op = moment(task, "apMeldingOp");
    if (op.isAfter(Instant.now(clock).plusSeconds(60))) {
      throw new OngeldigeInvoerException("Het tijdstip van de melding bij de AP mag niet in de toekomst liggen.");
    }
    if (op.isBefore(d.ontdektOp().toInstant())) {
      throw new OngeldigeInvoerException("Het tijdstip van de melding ligt vóór de ontdekking van het datalek.");
    }
    boolean teLaat = op.isAfter(d.apMeldingUiterlijk().toInstant());
    Object reden = task.getVariable("apTeLaatReden");
    if (teLaat && (reden == null || reden.toString().isBlank())) {
      throw new OngeldigeInvoerException("De melding is later dan 72 uur na ontdekking gedaan ("
          + MOMENT.format(d.apMeldingUiterlijk()) + "): vul de reden van de vertraging in.");
    }
    task.setVariable("apGemeld", true);
    task.setVariable("apMeldingTeLaat", teLaat);
    Map<String, Object> velden = new LinkedHashMap<>();
    velden.put("apGemeld", true);
    velden.put("apMeldingOp", OffsetDateTime.ofInstant(op, DatalekRegister.AMSTERDAM));
    velden.put("apKenmerk", task.getVariable("apKenmerk"));
    velden.put("apMeldingSoort", task.getVariable("apMeldingSoort"));
    velden.put("apTeLaatReden", teLaat ? reden : null);
    register.wijzig(d.referentie(), velden, gebruiker(task.getAssignee()));
  }

  /** Complete listener of "Melding AP aanvullen": the final notification was filed (not before the preliminary). */
  public void apAangevuld(DelegateTask task) {
    Datalek d = register.haal(referentie(task.getExecution()));
    Instant op = moment(task, "apMeldingAangevuldOp");
    OffsetDateTime voorlopig = d.moment("apMeldingOp");
    if (op.isAfter(Instant.now(clock).plusSeconds(60)) || (voorlopig != null && op.isBefore(voorlopig.toInstant()))) {
      throw new OngeldigeInvoerException("Het tijdstip van de aanvulling moet tussen de voorlopige melding en nu "
          + "liggen.");
    }
    register.wijzig(d.referentie(), Map.of("apMeldingAangevuldOp", OffsetDateTime.ofInstant(op,
        DatalekRegister.AMSTERDAM), "apMeldingSoort", "DEFINITIEF"), gebruiker(task.getAssignee()));
  }

  private Instant moment(DelegateTask task, String naam) {
    Object w = task.getVariable(naam);
    if (w == null || w.toString().isBlank()) {
      throw new OngeldigeInvoerException("Vul '" + naam + "' in (datum en tijd).");
    }
    try {
      return termijn.alsMoment(w, naam);
    } catch (IllegalArgumentException e) {
      throw new OngeldigeInvoerException("'" + naam + "' is geen geldige datum en tijd.");
    }
  }

  /** Closes the entry: status AFGESLOTEN, the moment, and for a signal that is no breach ernst GEEN_DATALEK. */
  public void afsluiten(DelegateExecution execution) {
    Map<String, Object> velden = new LinkedHashMap<>();
    velden.put("status", DatalekStatus.AFGESLOTEN);
    velden.put("afgeslotenOp", DatalekRegister.nu(clock));
    if (!"JA".equals(String.valueOf(execution.getVariable("isDatalek")))) {
      velden.put("ernst", Ernst.GEEN_DATALEK);
    } else {
      Datalek d = register.haal(referentie(execution));
      if (d.ja("betrokkenenGeinformeerd") == null) {
        velden.put("betrokkenenGeinformeerd", false);
      }
    }
    register.wijzig(referentie(execution), velden, gebruiker(null));
  }

  /** Complete listener of the evaluation (§6.1): the answers to the six questions, as one text in the register. */
  public void evaluatie(DelegateTask task) {
    String[][] vragen = {
        {"evalApTijdig", "Is de melding aan de AP tijdig gedaan?"},
        {"evalTeam", "Was de samenstelling van en de samenwerking in het datalekteam adequaat?"},
        {"evalBetrokkenen", "Is de melding aan betrokkenen tijdig gedaan en was deze afdoende?"},
        {"evalSchadebeperking", "Zijn de schadebeperkende maatregelen snel genoeg genomen en waren ze afdoende?"},
        {"evalPreventie", "Zijn aanvullende preventieve maatregelen geformuleerd en geïmplementeerd?"},
        {"evalEerderSignaleren", "Was het mogelijk geweest het datalek eerder te signaleren?"},
        {"evalConclusie", "Conclusie en voorgestelde aanvullende maatregelen"}};
    StringBuilder s = new StringBuilder();
    for (String[] v : vragen) {
      Object a = task.getVariable(v[0]);
      if (a == null || a.toString().isBlank()) {
        throw new OngeldigeInvoerException("Beantwoord de vraag: " + v[1]);
      }
      s.append(v[1]).append("\n").append(a.toString().strip()).append("\n\n");
    }
    register.wijzig(referentie(task.getExecution()), Map.of("evaluatie", s.toString().strip(), "geevalueerdOp",
        DatalekRegister.nu(clock), "status", DatalekStatus.GEEVALUEERD), gebruiker(task.getAssignee()));
  }

  /**
   * The data subjects to write to, one per line of {@code betrokkenenOntvangers}: "naam; e-mailadres" or
   * "naam; postadres" (address lines separated by " / "). Used as the multi-instance collection of the letter step.
   */
  public List<String> ontvangers(VariableScope scope) {
    Object w = scope.getVariable("betrokkenenOntvangers");
    List<String> regels = new ArrayList<>();
    if (w != null) {
      for (String r : w.toString().split("\\R")) {
        if (!r.isBlank()) {
          regels.add(r.strip());
        }
      }
    }
    return regels;
  }

  /** Complete-listener check of the recipient list: at least one line, each "naam; adres". */
  public void controleerOntvangers(DelegateTask task) {
    List<String> regels = ontvangers(task);
    if (regels.isEmpty()) {
      throw new OngeldigeInvoerException("Vul per betrokkene een regel in: naam; e-mailadres of postadres.");
    }
    for (String r : regels) {
      if (!r.contains(";") || naam(r).isBlank() || r.substring(r.indexOf(';') + 1).isBlank()) {
        throw new OngeldigeInvoerException("Regel '" + r + "': gebruik naam; e-mailadres of postadres.");
      }
    }
  }

  /** Letter key per recipient line (no personal data in the key): the first 16 hex digits of its SHA-256. */
  public String sleutel(String regel) {
    try {
      byte[] h = java.security.MessageDigest.getInstance("SHA-256")
          .digest(regel.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(h).substring(0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String naam(String regel) {
    return regel.substring(0, Math.max(0, regel.indexOf(';'))).strip();
  }

  public String email(String regel) {
    String rest = regel.substring(regel.indexOf(';') + 1).strip();
    return rest.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? rest : null;
  }

  public String adres(String regel) {
    String rest = regel.substring(regel.indexOf(';') + 1).strip();
    return email(regel) == null ? rest.replace(" / ", "\n") : null;
  }

  /** The data subjects were informed: moment and how (register, §4.2). */
  public void betrokkenenGeinformeerd(DelegateExecution execution) {
    Map<String, Object> velden = new LinkedHashMap<>();
    velden.put("betrokkenenGeinformeerd", true);
    velden.put("betrokkenenGeinformeerdOp", DatalekRegister.nu(clock));
    velden.put("betrokkenenWijze", "Brief (PH-PRO-04 §4.2) aan " + ontvangers(execution).size()
        + " betrokkene(n)");
    register.wijzig(referentie(execution), velden, gebruiker(null));
  }

  /** The AP deadline as a timer date: ontdektOp + 72 h, and the warning 24 hours before it. */
  public Date uiterlijk(DelegateExecution execution) {
    return Date.from(register.haal(referentie(execution)).apMeldingUiterlijk().toInstant());
  }

  public Date waarschuwing(DelegateExecution execution) {
    return Date.from(register.haal(referentie(execution)).apMeldingUiterlijk().minusHours(24).toInstant());
  }

  static String referentie(DelegateExecution execution) {
    Object r = execution.getVariable("referentie");
    return r != null ? r.toString() : execution.getProcessBusinessKey();
  }

  String gebruiker(String assignee) {
    Authentication auth = identityService.getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      return auth.getUserId();
    }
    return assignee != null ? assignee : SYSTEEM;
  }
}
