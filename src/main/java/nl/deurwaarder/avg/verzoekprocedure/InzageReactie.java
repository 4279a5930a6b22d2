package nl.deurwaarder.avg.verzoekprocedure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.deurwaarder.avg.engine.Invoercontrole;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import nl.deurwaarder.avg.kantoor.KantoorProfiel;
import nl.deurwaarder.avg.verwerkingsregister.Artikel15Informatie;
import nl.deurwaarder.avg.verwerkingsregister.Artikel15Informatie.Overzicht;
import nl.deurwaarder.avg.verwerkingsregister.Verwerking;
import nl.deurwaarder.avg.verzoek.VerzoekRegister;
import nl.deurwaarder.avg.verzoek.VerzoekregisterInProces;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The content of the access reply (PH-PRO-01 §5.5) for THIS data subject.
 *
 * <ol>
 *   <li>"Gegevens screenen": the coordinator names the capacities in which the data subject appears in the collected
 *       data ({@code hoedanigheden}, a {@link Hoedanigheid} list; default "Debiteur").</li>
 *   <li>"Reactie samenstellen": the processings of the PUBLISHED verwerkingsregister are offered as a checklist
 *       ({@code art15VerwerkingKeuzes}); those holding data of the chosen capacities are pre-selected
 *       ({@code art15Verwerkingen}). On completion the choice is checked (at least one, every code in the published
 *       register) and the letter's purposes, categories, recipients, retention periods and sources are taken from
 *       exactly those processings, de-duplicated ({@link Artikel15Informatie#voorVerwerkingen}); the register entry
 *       records the capacities, the codes and the register version.</li>
 * </ol>
 */
@Component("inzagereactie")
public class InzageReactie {

  static final String HOEDANIGHEDEN = "hoedanigheden";
  static final String VERWERKINGEN = "art15Verwerkingen";
  static final String VERWERKING_KEUZES = "art15VerwerkingKeuzes";
  /** Form variable of "Reactie samenstellen": the data subject has no e-mail address. */
  static final String ZONDER_EMAILADRES = "zonderEmailadres";

  private final Artikel15Informatie verwerkingsregister;
  private final KantoorProfiel kantoor;
  private final VerzoekRegister register;
  private final VerzoekregisterInProces inProces;
  private final ObjectMapper json = new ObjectMapper();

  public InzageReactie(Artikel15Informatie verwerkingsregister, KantoorProfiel kantoor, VerzoekRegister register,
      VerzoekregisterInProces inProces) {
    this.verwerkingsregister = verwerkingsregister;
    this.kantoor = kantoor;
    this.register = register;
    this.inProces = inProces;
  }

  /** Create listener of "Gegevens screenen": the capacities default to "Debiteur" until the coordinator chose. */
  public void hoedanighedenVoorbereiden(DelegateTask task) {
    if (task.getVariable(HOEDANIGHEDEN) == null) {
      task.getExecution().setVariable(HOEDANIGHEDEN, jsonLijst(List.of(Hoedanigheid.STANDAARD.name())));
    }
  }

  /** Complete listener of "Gegevens screenen": screened data need at least one known capacity. */
  public void hoedanighedenControleren(DelegateTask task) {
    List<String> gekozen = Invoercontrole.alsLijst(task.getVariable(HOEDANIGHEDEN));
    List<String> onbekend = gekozen.stream().filter(h -> !bekend(h)).toList();
    if (!onbekend.isEmpty()) {
      throw new OngeldigeInvoerException("Onbekende hoedanigheid " + onbekend + " voor 'hoedanigheden'; kies uit "
          + String.join(", ", List.of(Hoedanigheid.values()).stream().map(Enum::name).toList()) + ".");
    }
    if (gekozen.isEmpty() && "GESCREEND".equals(String.valueOf(task.getVariable("screeningUitkomst")))) {
      throw new OngeldigeInvoerException("Kies ten minste één hoedanigheid waarin de betrokkene in de gegevens"
          + " voorkomt ('hoedanigheden'), bijvoorbeeld Debiteur.");
    }
  }

  /**
   * Create listener of "Reactie samenstellen": standard enclosure and legend texts (values already in the process are
   * kept), the processings to choose from, the default choice for the data subject's capacities, the art. 15
   * texts of that default, and whether the data subject has no e-mail address ({@code zonderEmailadres}).
   */
  public void voorbereiden(DelegateExecution execution) {
    standaard().forEach((k, v) -> {
      if (execution.getVariable(k) == null) {
        execution.setVariable(k, v);
      }
    });
    List<Hoedanigheid> hoedanigheden = hoedanigheden(execution);
    execution.setVariable("hoedanighedenTekst", hoedanigheden.stream().map(Hoedanigheid::omschrijving)
        .collect(Collectors.joining("; ")));
    execution.setVariable(VERWERKING_KEUZES, jsonKeuzes(verwerkingsregister.verwerkingen()));
    // the form tells the coordinator beforehand that a secure e-mail or link then goes by registered post
    execution.setVariable(ZONDER_EMAILADRES, register.vind(execution.getProcessBusinessKey())
        .map(v -> v.briefadresEmail() == null || v.briefadresEmail().isBlank()).orElse(false));
    if (execution.getVariable(VERWERKINGEN) == null) {
      List<String> standaard = verwerkingsregister.verwerkingenVoor(Hoedanigheid.registerbetrokkenen(hoedanigheden));
      execution.setVariable(VERWERKINGEN, jsonLijst(standaard));
    }
    List<String> gekozen = bestaande(Invoercontrole.alsLijst(execution.getVariable(VERWERKINGEN)));
    if (!gekozen.isEmpty()) {
      teksten(verwerkingsregister.voorVerwerkingen(gekozen, Hoedanigheid.registerbetrokkenen(hoedanigheden)))
          .forEach(execution::setVariable);
    }
  }

  /**
   * Complete listener of "Reactie samenstellen": checks the chosen processings, puts their art. 15(1) information in
   * the letter's variables and records the choice in the register entry.
   */
  public void inhoudVastleggen(DelegateTask task) {
    List<String> gekozen = new ArrayList<>(new LinkedHashSet<>(Invoercontrole.alsLijst(task.getVariable(VERWERKINGEN))));
    if (gekozen.isEmpty()) {
      throw new OngeldigeInvoerException("Kies ten minste één verwerking uit het verwerkingsregister die op de"
          + " betrokkene van toepassing is ('" + VERWERKINGEN + "').");
    }
    Set<String> bestaand = verwerkingsregister.verwerkingen().stream().map(Verwerking::code)
        .collect(Collectors.toSet());
    List<String> onbekend = gekozen.stream().filter(c -> !bestaand.contains(c)).toList();
    if (!onbekend.isEmpty()) {
      throw new OngeldigeInvoerException("Verwerking(en) " + String.join(", ", onbekend) + " staan niet in het"
          + " gepubliceerde verwerkingsregister ('" + VERWERKINGEN + "'). Kies uit de lijst.");
    }
    gekozen = verwerkingsregister.verwerkingen().stream().map(Verwerking::code).filter(gekozen::contains).toList();
    List<Hoedanigheid> hoedanigheden = hoedanigheden(task);
    Overzicht o = verwerkingsregister.voorVerwerkingen(gekozen, Hoedanigheid.registerbetrokkenen(hoedanigheden));
    DelegateExecution execution = task.getExecution();
    teksten(o).forEach(execution::setVariable);
    execution.setVariable(VERWERKINGEN, jsonLijst(gekozen));
    Map<String, Object> velden = new LinkedHashMap<>();
    velden.put(HOEDANIGHEDEN, hoedanigheden.stream().map(Enum::name).toList());
    velden.put("art15Verwerkingen", gekozen);
    velden.put("art15Registerversie", o.registerversie());
    register.wijzig(VerzoekregisterInProces.referentie(execution), velden, inProces.gebruiker(task.getAssignee()));
  }

  /** The art. 15(1) texts of the processings that apply to data subjects of the given register categories. */
  Map<String, String> uitRegister(List<String> registerbetrokkenen) {
    List<String> codes = verwerkingsregister.verwerkingenVoor(registerbetrokkenen);
    return codes.isEmpty() ? Map.of() : teksten(verwerkingsregister.voorVerwerkingen(codes, registerbetrokkenen));
  }

  /** The letter's art. 15(1) texts, one item per line (the letter prints them as a list). */
  static Map<String, String> teksten(Overzicht o) {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("informatieDoeleinden", o.doelen().stream()
        .map(d -> d.verwerking() + ": " + d.doeleind() + " (grondslag: " + d.grondslag() + ")")
        .distinct().collect(Collectors.joining("\n")));
    t.put("informatieCategorieen", o.categorieenPersoonsgegevens().stream()
        .map(c -> c.naam() + (c.bijzonder() && c.bijzondereCategorie() != null
            ? " (bijzonder persoonsgegeven: " + c.bijzondereCategorie() + ")" : ""))
        .collect(Collectors.joining("\n")));
    t.put("informatieOntvangers", String.join("\n", o.ontvangers()));
    // one line per distinct period, naming the processings it applies to
    Map<String, List<String>> perTermijn = new LinkedHashMap<>();
    o.bewaartermijnen().forEach(b -> {
      List<String> namen = perTermijn.computeIfAbsent(b.bewaartermijn(), k -> new ArrayList<>());
      if (!namen.contains(b.verwerking())) {
        namen.add(b.verwerking());
      }
    });
    t.put("informatieBewaartermijn", perTermijn.entrySet().stream()
        .map(e -> e.getKey() + " (" + String.join("; ", e.getValue()) + ")").collect(Collectors.joining("\n")));
    t.put("informatieBron", String.join("\n", o.bronnen()));
    return t;
  }

  Map<String, String> standaard() {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("bijlagen", "Overzicht van uw persoonsgegevens bij " + kantoor.naam() + " (gescreende gegevens)");
    // "naam" and the black bar are fixed rows of the letter's legend; the coordinator adds what these data need
    t.put("legenda", "bron: het systeem of archief waaruit het stuk komt");
    return t;
  }

  private List<String> bestaande(List<String> codes) {
    Set<String> bestaand = verwerkingsregister.verwerkingen().stream().map(Verwerking::code)
        .collect(Collectors.toSet());
    return codes.stream().filter(bestaand::contains).toList();
  }

  private static List<Hoedanigheid> hoedanigheden(VariableScope scope) {
    List<Hoedanigheid> h = Invoercontrole.alsLijst(scope.getVariable(HOEDANIGHEDEN)).stream()
        .filter(InzageReactie::bekend).map(Hoedanigheid::valueOf).distinct().toList();
    return h.isEmpty() ? List.of(Hoedanigheid.STANDAARD) : h;
  }

  private static boolean bekend(String naam) {
    try {
      Hoedanigheid.valueOf(naam);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private Object jsonLijst(List<String> waarden) {
    return json(waarden);
  }

  /** "20.1.1 Inboeken incasso-opdracht en aanmaken dossier": short enough for one line in Tasklist. */
  private Object jsonKeuzes(List<Verwerking> verwerkingen) {
    return json(verwerkingen.stream().map(v -> Map.of("value", v.code(), "label", v.code() + " " + v.naam()))
        .toList());
  }

  private Object json(Object waarde) {
    try {
      return SpinValues.jsonValue(json.writeValueAsString(waarde)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
