package nl.deurwaarder.avg.afwijking;

import static nl.deurwaarder.avg.api.Csv.veld;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import nl.deurwaarder.avg.security.Rol;
import nl.deurwaarder.avg.termijn.Datuminvoer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The register of deviations from the FG's advice for the FG and the directie (PH-ORG-02 §3.1): a Dutch page per
 * period ({@code /afwijkingen?van=01-01-2026&tot=30-06-2026}, dd-mm-jjjj or ISO, both days included; default the last
 * twelve months) and the same rows as CSV ({@code /afwijkingen/export.csv}). The path falls under the catch-all chain
 * (Tasklist session or HTTP Basic); the role check is here.
 */
@Controller
public class AfwijkingenPagina {

  static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final Set<String> LEZERS = Set.of(Rol.FG.groepId(), Rol.DIRECTIE.groepId());
  static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));
  static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d-M-yyyy HH:mm", Locale.forLanguageTag("nl"));

  /** A row of the page: the deviation with its times in Dutch and a link to its request or breach, if any. */
  public record Regel(Afwijking a, String soort, String beslotenOp, String fgBerichtOp, String link) {
  }

  private record Periode(LocalDate van, LocalDate tot) {
    java.time.Instant begin() {
      return van.atStartOfDay(AMSTERDAM).toInstant();
    }

    java.time.Instant einde() {
      return tot.plusDays(1).atStartOfDay(AMSTERDAM).toInstant();
    }
  }

  private record Kolom(String naam, Function<Afwijking, Object> waarde) {
  }

  private static final List<Kolom> KOLOMMEN = List.of(
      new Kolom("soort", Afwijking::soort),
      new Kolom("referentie", Afwijking::referentie),
      new Kolom("onderwerp", Afwijking::onderwerp),
      new Kolom("fgAdvies", Afwijking::fgAdvies),
      new Kolom("fgToelichting", Afwijking::fgToelichting),
      new Kolom("besluit", Afwijking::besluit),
      new Kolom("motivering", Afwijking::motivering),
      new Kolom("beslotenDoor", Afwijking::beslotenDoor),
      new Kolom("beslotenOp", Afwijking::beslotenOp),
      new Kolom("fgBerichtOp", Afwijking::fgBerichtOp));

  private final Afwijkingenregister register;
  private final Clock clock;

  public AfwijkingenPagina(Afwijkingenregister register, Clock clock) {
    this.register = register;
    this.clock = clock;
  }

  @GetMapping("/afwijkingen")
  public Object pagina(@RequestParam(required = false) String van, @RequestParam(required = false) String tot,
      Authentication gebruiker, Model model) {
    controleerLezer(gebruiker);
    model.addAttribute("gebruiker", gebruiker.getName());
    Periode p;
    try {
      p = periode(van, tot);
    } catch (OngeldigePeriodeException e) {
      model.addAttribute("fout", e.getMessage());
      model.addAttribute("van", van);
      model.addAttribute("tot", tot);
      model.addAttribute("regels", List.of());
      model.addAttribute("aantallen", Map.of());
      return new org.springframework.web.servlet.ModelAndView("afwijkingen/afwijkingen", model.asMap(),
          HttpStatus.BAD_REQUEST);
    }
    List<Regel> regels = register.tussen(p.begin(), p.einde()).stream().map(a -> new Regel(a,
        a.soort().omschrijving(), MOMENT.format(a.beslotenOp().atZoneSameInstant(AMSTERDAM)),
        a.fgBerichtOp() == null ? null : MOMENT.format(a.fgBerichtOp().atZoneSameInstant(AMSTERDAM)),
        link(a.referentie()))).toList();
    Map<String, Long> aantallen = new java.util.LinkedHashMap<>();
    register.aantallenPerSoort(p.begin(), p.einde()).forEach((s, n) -> aantallen.put(s.omschrijving(), n));
    model.addAttribute("van", Datuminvoer.schrijf(p.van()));
    model.addAttribute("tot", Datuminvoer.schrijf(p.tot()));
    model.addAttribute("periode", DATUM.format(p.van()) + " tot en met " + DATUM.format(p.tot()));
    model.addAttribute("regels", regels);
    model.addAttribute("aantallen", aantallen);
    return "afwijkingen/afwijkingen";
  }

  @GetMapping(value = "/afwijkingen/export.csv")
  @ResponseBody
  public ResponseEntity<?> csv(@RequestParam(required = false) String van, @RequestParam(required = false) String tot,
      Authentication gebruiker) {
    controleerLezer(gebruiker);
    Periode p;
    try {
      p = periode(van, tot);
    } catch (OngeldigePeriodeException e) {
      ProblemDetail probleem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
      probleem.setTitle("Ongeldige periode");
      return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(probleem);
    }
    StringBuilder csv = new StringBuilder();
    csv.append(String.join(",", KOLOMMEN.stream().map(Kolom::naam).toList())).append("\r\n");
    for (Afwijking a : register.tussen(p.begin(), p.einde())) {
      csv.append(String.join(",", KOLOMMEN.stream().map(k -> veld(k.waarde().apply(a))).toList())).append("\r\n");
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header("Content-Disposition", "attachment; filename=\"afwijkingen-fg-advies-" + p.van() + "-" + p.tot()
            + ".csv\"")
        .body(csv.toString());
  }

  private static void controleerLezer(Authentication gebruiker) {
    boolean lezer = gebruiker != null && gebruiker.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(LEZERS::contains);
    if (!lezer) {
      throw new AccessDeniedException("Alleen de FG en de directie zien het register afwijkingen FG-advies");
    }
  }

  private Periode periode(String van, String tot) {
    LocalDate vandaag = LocalDate.now(clock.withZone(AMSTERDAM));
    LocalDate eind = datum(tot, "tot", vandaag);
    LocalDate begin = datum(van, "van", eind.minusYears(1).plusDays(1));
    if (begin.isAfter(eind)) {
      throw new OngeldigePeriodeException("De begindatum (" + Datuminvoer.schrijf(begin) + ") ligt na de einddatum ("
          + Datuminvoer.schrijf(eind) + ").");
    }
    return new Periode(begin, eind);
  }

  private static LocalDate datum(String waarde, String naam, LocalDate standaard) {
    try {
      LocalDate datum = Datuminvoer.lees(waarde);
      return datum == null ? standaard : datum;
    } catch (Datuminvoer.OngeldigeDatumException e) {
      throw new OngeldigePeriodeException("'" + naam + "' is geen datum: " + e.getMessage() + ".");
    }
  }

  /** The archive of a request or breach; a PIA deviation names a processing and has no archive. */
  static String link(String referentie) {
    return referentie != null && referentie.matches("(AVG|DL)-\\d{4}-\\d{4,}") ? "/archief/" + referentie : null;
  }

  static class OngeldigePeriodeException extends RuntimeException {
    OngeldigePeriodeException(String melding) {
      super(melding);
    }
  }
}
