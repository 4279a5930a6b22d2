package nl.deurwaarder.avg.overzicht;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.deurwaarder.avg.security.Functiescheiding;
import nl.deurwaarder.avg.termijn.Termijnberekening;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /overzicht}: the Dutch overview for the FG, the directie and the privacy coordinator (issue 17.1) — requests
 * by status and type and their deadlines, open breaches with the hours left to the AP deadline, letters waiting for
 * posting or in doubt, incidents, open deviations from FG advice, the half-yearly reports, and two charts. Every
 * figure comes from one aggregate query of {@link Privacycijfers}; the incidents from one query of the engine. Which
 * parts a viewer sees depends on the role ({@link Onderdeel}); the path is guarded in
 * {@code security.BeveiligingsConfiguratie} (Tasklist login or HTTP Basic; the same three roles).
 */
@Controller
public class OverzichtPagina {

  /** At most this many lines per list; the count above the list tells how many there are. */
  static final int MAX_REGELS = 50;
  /** "At risk": the deadline falls within this many working days from today (PH-PRO-01 §2.3 planning). */
  static final int RISICO_WERKDAGEN = 3;

  private final Privacycijfers cijfers;
  private final Termijnberekening termijnen;
  private final RuntimeService runtimeService;
  private final Clock clock;
  private final Functiescheiding functiescheiding;

  public OverzichtPagina(Privacycijfers cijfers, Termijnberekening termijnen,
      RuntimeService runtimeService, Clock clock, Functiescheiding functiescheiding) {
    this.functiescheiding = functiescheiding;
    this.cijfers = cijfers;
    this.termijnen = termijnen;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  /** An incident line: no exception message (it may quote a mail address), only where and since when. */
  public record IncidentRegel(String referentie, String processInstanceId, String activiteit, String soort,
      String sinds) {
  }

  @GetMapping("/overzicht")
  public String overzicht(Authentication gebruiker, Model model) {
    Set<String> groepen = gebruiker == null ? Set.of() : gebruiker.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    EnumSet<Onderdeel> zichtbaar = Onderdeel.zichtbaarVoor(groepen, functiescheiding);
    if (zichtbaar.isEmpty()) {
      throw new AccessDeniedException("Geen toegang tot het privacyoverzicht");
    }
    Instant nu = clock.instant();
    LocalDate vandaag = LocalDate.now(clock.withZone(Privacycijfers.AMSTERDAM));
    LocalDate risicoGrens = termijnen.werkdagenNa(vandaag, RISICO_WERKDAGEN);
    model.addAttribute("gebruiker", gebruiker.getName());
    model.addAttribute("rollen", Onderdeel.rolnamen(groepen));
    model.addAttribute("zie", zichtbaar.stream().map(Enum::name).collect(Collectors.toSet()));
    model.addAttribute("vandaag", Weergave.DATUM.format(vandaag));
    model.addAttribute("risicoGrens", Weergave.datum(risicoGrens));
    model.addAttribute("nu", nu);
    model.addAttribute("w", new WeergaveHulp());
    model.addAttribute("cockpit", groepen.contains("fg") || groepen.contains("directie"));

    if (zichtbaar.contains(Onderdeel.VERZOEKEN)) {
      Map<String, Map<String, Integer>> perStatus = cijfers.verzoekenPerStatusEnType();
      model.addAttribute("types", Privacycijfers.VERZOEKTYPES);
      model.addAttribute("perStatus", geordend(perStatus));
      model.addAttribute("stand", cijfers.termijnstand(vandaag, risicoGrens));
      List<Privacycijfers.AandachtVerzoek> aandacht = cijfers.aandachtVerzoeken(vandaag, risicoGrens, MAX_REGELS);
      model.addAttribute("aandacht", aandacht);
      model.addAttribute("vandaagDatum", vandaag);
      model.addAttribute("risicoDatum", risicoGrens);
      YearMonth deze = YearMonth.from(vandaag);
      model.addAttribute("grafiekVerzoeken", Grafieken.verzoekenPerMaand(
          cijfers.perMaand(deze.minusMonths(11), deze)).svg());
    }
    if (zichtbaar.contains(Onderdeel.DATALEKKEN)) {
      model.addAttribute("datalekken", cijfers.openDatalekken(MAX_REGELS));
      model.addAttribute("aantalDatalekken", cijfers.aantalOpenDatalekken());
      LocalDate jaarGeleden = vandaag.minusMonths(12).withDayOfMonth(1);
      model.addAttribute("grafiekDatalekken", Grafieken.datalekkenPerCategorieEnErnst(
          cijfers.datalekkenPerCategorieEnErnst(jaarGeleden, vandaag.plusDays(1))).svg());
      model.addAttribute("grafiekDatalekkenVanaf", Weergave.DATUM.format(jaarGeleden));
    }
    if (zichtbaar.contains(Onderdeel.VERWERKERS)) {
      model.addAttribute("teLaatVerwerkers", cijfers.teLaatVanVerwerkers(
          nu.atZone(Privacycijfers.AMSTERDAM).minusMonths(12).toOffsetDateTime(), MAX_REGELS));
    }
    if (zichtbaar.contains(Onderdeel.BRIEVEN)) {
      model.addAttribute("brieven", cijfers.openBrieven(MAX_REGELS));
    }
    if (zichtbaar.contains(Onderdeel.INCIDENTEN)) {
      long aantal = runtimeService.createIncidentQuery().count();
      model.addAttribute("aantalIncidenten", aantal);
      model.addAttribute("incidenten", incidenten());
    }
    if (zichtbaar.contains(Onderdeel.AFWIJKINGEN)) {
      model.addAttribute("afwijkingen", cijfers.openAfwijkingen(clock.instant(), MAX_REGELS));
    }
    if (zichtbaar.contains(Onderdeel.RAPPORTAGES)) {
      model.addAttribute("rapportages", cijfers.rapportages(MAX_REGELS));
    }
    return "overzicht/overzicht";
  }

  /** Incidents, oldest first, with the reference of their process instance: two engine queries, not one per line. */
  private List<IncidentRegel> incidenten() {
    List<Incident> lijst = runtimeService.createIncidentQuery().orderByIncidentTimestamp().asc()
        .listPage(0, MAX_REGELS);
    Set<String> ids = lijst.stream().map(Incident::getProcessInstanceId).filter(java.util.Objects::nonNull)
        .collect(Collectors.toSet());
    Map<String, String> referenties = new LinkedHashMap<>();
    if (!ids.isEmpty()) {
      for (ProcessInstance pi : runtimeService.createProcessInstanceQuery().processInstanceIds(ids).list()) {
        referenties.put(pi.getId(), pi.getBusinessKey());
      }
    }
    List<IncidentRegel> uit = new ArrayList<>();
    for (Incident i : lijst) {
      uit.add(new IncidentRegel(referenties.get(i.getProcessInstanceId()), i.getProcessInstanceId(),
          i.getActivityId(), "failedJob".equals(i.getIncidentType()) ? "Taak mislukt (herhaalpogingen op)"
              : i.getIncidentType(),
          Weergave.moment(i.getIncidentTimestamp().toInstant().atZone(Privacycijfers.AMSTERDAM).toOffsetDateTime())));
    }
    return uit;
  }

  /** Statuses in the order of the procedure. */
  private static Map<String, Map<String, Integer>> geordend(Map<String, Map<String, Integer>> perStatus) {
    Map<String, Map<String, Integer>> uit = new LinkedHashMap<>();
    for (String s : List.of("ONTVANGEN", "VERIFICATIE", "BEOORDELING", "FG_ADVIES", "IN_BEHANDELING", "VERLENGD",
        "AFGEWEZEN", "AFGEHANDELD", "INGETROKKEN")) {
      if (perStatus.containsKey(s)) {
        uit.put(s, perStatus.get(s));
      }
    }
    perStatus.forEach(uit::putIfAbsent);
    return uit;
  }

  /** Helpers for the template (Thymeleaf calls them by name). */
  public static final class WeergaveHulp {
    public String woord(String w) {
      return Weergave.woord(w);
    }

    public String lijst(String w) {
      return Weergave.lijst(w);
    }

    public String datum(LocalDate d) {
      return Weergave.datum(d);
    }

    public String moment(java.time.OffsetDateTime t) {
      return Weergave.moment(t);
    }

    public String procent(Double p) {
      return Weergave.procent(p);
    }

    public int som(Map<String, Integer> m) {
      return m.values().stream().mapToInt(Integer::intValue).sum();
    }
  }
}
