package nl.deurwaarder.avg.verwerker;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.deurwaarder.avg.archief.Archiefstuk;
import nl.deurwaarder.avg.archief.Bestandscontrole;
import nl.deurwaarder.avg.security.BeveiligingsConfiguratie;
import nl.deurwaarder.avg.security.Rol;
import nl.deurwaarder.avg.termijn.Datuminvoer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /beheer/verwerkers}: the register of processors in Dutch, for the privacy coordinator and the FG to keep
 * (list, detail with history, change, announce a sub-processor, add the signed agreement) and for directie to read.
 * Same login as Tasklist (webapp session), CSRF-protected forms. Bad input shows the Dutch messages next to the form
 * and changes nothing.
 */
@Controller
public class VerwerkerPagina {

  static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("d MMMM yyyy",
      java.util.Locale.forLanguageTag("nl"));
  static final DateTimeFormatter TIJD = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")
      .withZone(ZoneId.of("Europe/Amsterdam"));

  private final Verwerkersregister register;
  private final VerwerkerCyclus cyclus;

  public VerwerkerPagina(Verwerkersregister register, VerwerkerCyclus cyclus) {
    this.register = register;
    this.cyclus = cyclus;
  }

  @GetMapping("/beheer/verwerkers")
  public String lijst(Authentication gebruiker, CsrfToken csrf, Model model) {
    lezer(gebruiker);
    sessieMetToken(csrf);
    model.addAttribute("verwerkers", register.lijst());
    model.addAttribute("gebruiker", gebruiker.getName());
    model.addAttribute("magWijzigen", magWijzigen(gebruiker));
    model.addAttribute("datum", DATUM);
    if (!model.containsAttribute("invoer")) {
      model.addAttribute("invoer", Map.of());
    }
    return "verwerkers/lijst";
  }

  @GetMapping("/beheer/verwerkers/{id:\\d+}")
  public String detail(@PathVariable long id, Authentication gebruiker, CsrfToken csrf, Model model) {
    lezer(gebruiker);
    sessieMetToken(csrf);
    Verwerker v = register.haal(id);
    model.addAttribute("v", v);
    model.addAttribute("historie", register.historie(id));
    model.addAttribute("documenten", register.documenten(id));
    model.addAttribute("gebruiker", gebruiker.getName());
    model.addAttribute("magWijzigen", magWijzigen(gebruiker));
    model.addAttribute("datum", DATUM);
    model.addAttribute("tijd", TIJD);
    if (!model.containsAttribute("invoer")) {
      model.addAttribute("invoer", invoerVan(v));
    }
    return "verwerkers/detail";
  }

  @PostMapping("/beheer/verwerkers")
  public String nieuw(@RequestParam MultiValueMap<String, String> formulier, Authentication gebruiker,
      RedirectAttributes doorgeven) {
    wijziger(gebruiker);
    Map<String, String> fouten = new LinkedHashMap<>();
    VerwerkerGegevens g = lees(formulier, fouten);
    if (fouten.isEmpty()) {
      try {
        Verwerker v = register.voegToe(g, gebruiker.getName());
        cyclus.overeenkomstGewijzigd(v.id());
        doorgeven.addFlashAttribute("melding", "Verwerker " + v.naam() + " is toegevoegd aan het register.");
        return "redirect:/beheer/verwerkers/" + v.id();
      } catch (OngeldigeVerwerkerException e) {
        fouten.putAll(e.fouten());
      }
    }
    doorgeven.addFlashAttribute("fouten", fouten);
    doorgeven.addFlashAttribute("invoer", formulier.toSingleValueMap());
    return "redirect:/beheer/verwerkers#nieuw";
  }

  @PostMapping("/beheer/verwerkers/{id:\\d+}")
  public String wijzig(@PathVariable long id, @RequestParam MultiValueMap<String, String> formulier,
      Authentication gebruiker, RedirectAttributes doorgeven) {
    wijziger(gebruiker);
    Verwerker oud = register.haal(id);
    Map<String, String> fouten = new LinkedHashMap<>();
    VerwerkerGegevens g = lees(formulier, fouten);
    if (fouten.isEmpty()) {
      try {
        Verwerker nieuw = register.wijzig(id, g, gebruiker.getName());
        if (!java.util.Objects.equals(oud.overeenkomstEindigtOp(), nieuw.overeenkomstEindigtOp())
            || !java.util.Objects.equals(oud.overeenkomstGetekendOp(), nieuw.overeenkomstGetekendOp())
            || oud.verwijderverklaringOp() == null) {
          cyclus.overeenkomstGewijzigd(id);
        }
        doorgeven.addFlashAttribute("melding", "De wijziging is vastgelegd.");
        return "redirect:/beheer/verwerkers/" + id;
      } catch (OngeldigeVerwerkerException e) {
        fouten.putAll(e.fouten());
      }
    }
    doorgeven.addFlashAttribute("fouten", fouten);
    doorgeven.addFlashAttribute("invoer", formulier.toSingleValueMap());
    return "redirect:/beheer/verwerkers/" + id + "#wijzigen";
  }

  @PostMapping("/beheer/verwerkers/{id:\\d+}/subverwerkers")
  public String subverwerker(@PathVariable long id, @RequestParam MultiValueMap<String, String> formulier,
      Authentication gebruiker, RedirectAttributes doorgeven) {
    wijziger(gebruiker);
    register.haal(id);
    Map<String, String> fouten = new LinkedHashMap<>();
    LocalDate gemeld = datum(formulier.getFirst("subverwerkerGemeldOp"), "subverwerkerGemeldOp", fouten);
    if (fouten.isEmpty()) {
      try {
        Subverwerker s = register.meldSubverwerker(id, formulier.getFirst("subverwerkerNaam"),
            formulier.getFirst("subverwerkerDienst"), formulier.getFirst("subverwerkerLand"), gemeld,
            gebruiker.getName());
        cyclus.subverwerkerAangekondigd(id, s);
        doorgeven.addFlashAttribute("melding", "Subverwerker " + s.naam() + " is vastgelegd. De FG geeft advies en"
            + " de privacycoördinator besluit over bezwaar, uiterlijk " + DATUM.format(s.bezwaarUiterlijk()) + ".");
        return "redirect:/beheer/verwerkers/" + id;
      } catch (OngeldigeVerwerkerException e) {
        fouten.putAll(e.fouten());
      }
    }
    doorgeven.addFlashAttribute("fouten", fouten);
    doorgeven.addFlashAttribute("subInvoer", formulier.toSingleValueMap());
    return "redirect:/beheer/verwerkers/" + id + "#subverwerkers";
  }

  @PostMapping("/beheer/verwerkers/{id:\\d+}/overeenkomst")
  public String overeenkomst(@PathVariable long id, @RequestParam(required = false) MultipartFile bestand,
      Authentication gebruiker, RedirectAttributes doorgeven) throws IOException {
    wijziger(gebruiker);
    register.haal(id);
    byte[] inhoud = bestand == null ? new byte[0] : bestand.getBytes();
    var type = Bestandscontrole.herken(inhoud);
    if (type.isEmpty() || inhoud.length > Bestandscontrole.MAX_GROOTTE) {
      doorgeven.addFlashAttribute("fout", "Kies het getekende document (PDF, Word of een scan als JPEG of PNG, ten"
          + " hoogste 10 MB). Er is niets opgeslagen.");
      return "redirect:/beheer/verwerkers/" + id + "#documenten";
    }
    Archiefstuk stuk = register.bewaarOvereenkomst(id, Bestandscontrole.veiligeBestandsnaam(
        bestand.getOriginalFilename(), type.get()), type.get().contentType(), inhoud, gebruiker.getName());
    doorgeven.addFlashAttribute("melding", "Het document " + stuk.bestandsnaam() + " is in het archief opgeslagen.");
    return "redirect:/beheer/verwerkers/" + id;
  }

  @GetMapping("/beheer/verwerkers/{id:\\d+}/documenten/{stuk:\\d+}")
  public ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long stuk, Authentication gebruiker) {
    lezer(gebruiker);
    Archiefstuk s = register.documenten(id).stream().filter(d -> d.id() == stuk).findFirst()
        .orElseThrow(() -> new OnbekendeVerwerkerException(id));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(Bestandscontrole.Bestandstype.veiligContentType(s.contentType())))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + s.bestandsnaam() + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .body(register.documentInhoud(stuk));
  }

  @ExceptionHandler(OnbekendeVerwerkerException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  public String onbekend(OnbekendeVerwerkerException e, Model model) {
    model.addAttribute("melding", e.getMessage());
    return "verwerkers/niet-gevonden";
  }

  /**
   * The forms' CSRF token lives in the session; it is made now, before the page is written, because a long page is
   * partly sent before the form is reached and a session can no longer be created then.
   */
  private static void sessieMetToken(CsrfToken csrf) {
    if (csrf != null) {
      csrf.getToken();
    }
  }

  // ---- input ----

  static VerwerkerGegevens lees(MultiValueMap<String, String> f, Map<String, String> fouten) {
    Integer bezwaar = null;
    String b = f.getFirst("bezwaartermijnDagen");
    if (b != null && !b.isBlank()) {
      try {
        bezwaar = Integer.valueOf(b.strip());
      } catch (NumberFormatException e) {
        fouten.put("bezwaartermijnDagen", "Vul een aantal dagen in (een geheel getal).");
      }
    }
    return new VerwerkerGegevens(f.getFirst("naam"), f.getFirst("dienst"), f.getFirst("contactNaam"),
        f.getFirst("contactEmail"), f.getFirst("contactTelefoon"),
        datum(f.getFirst("overeenkomstGetekendOp"), "overeenkomstGetekendOp", fouten),
        datum(f.getFirst("overeenkomstEindigtOp"), "overeenkomstEindigtOp", fouten), bezwaar,
        "ja".equals(f.getFirst("buitenEer")), f.getFirst("buitenEerLanden"), f.getFirst("buitenEerWaarborg"),
        datum(f.getFirst("laatsteAuditOp"), "laatsteAuditOp", fouten),
        datum(f.getFirst("laatsteBeveiligingsrapportOp"), "laatsteBeveiligingsrapportOp", fouten),
        datum(f.getFirst("verwijderverklaringOp"), "verwijderverklaringOp", fouten));
  }

  /** A date field of the page: dd-mm-jjjj ({@link Datuminvoer}); a Dutch message under the field when unreadable. */
  static LocalDate datum(String waarde, String veld, Map<String, String> fouten) {
    try {
      return Datuminvoer.lees(waarde);
    } catch (Datuminvoer.OngeldigeDatumException e) {
      fouten.put(veld, "Geen geldige datum: " + e.getMessage() + ".");
      return null;
    }
  }

  private static Map<String, String> invoerVan(Verwerker v) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("naam", v.naam());
    m.put("dienst", v.dienst());
    m.put("contactNaam", t(v.contactNaam()));
    m.put("contactEmail", t(v.contactEmail()));
    m.put("contactTelefoon", t(v.contactTelefoon()));
    m.put("overeenkomstGetekendOp", Datuminvoer.schrijf(v.overeenkomstGetekendOp()));
    m.put("overeenkomstEindigtOp", Datuminvoer.schrijf(v.overeenkomstEindigtOp()));
    m.put("bezwaartermijnDagen", String.valueOf(v.bezwaartermijnDagen()));
    m.put("buitenEer", v.buitenEer() ? "ja" : "nee");
    m.put("buitenEerLanden", t(v.buitenEerLanden()));
    m.put("buitenEerWaarborg", t(v.buitenEerWaarborg()));
    m.put("laatsteAuditOp", Datuminvoer.schrijf(v.laatsteAuditOp()));
    m.put("laatsteBeveiligingsrapportOp", Datuminvoer.schrijf(v.laatsteBeveiligingsrapportOp()));
    m.put("verwijderverklaringOp", Datuminvoer.schrijf(v.verwijderverklaringOp()));
    return m;
  }

  private static String t(Object o) {
    return o == null ? "" : o.toString();
  }

  // ---- roles ----

  private static boolean heeft(Authentication a, String... groepen) {
    return a != null && a.getAuthorities().stream().anyMatch(g -> Arrays.asList(groepen).contains(g.getAuthority()));
  }

  private static void lezer(Authentication a) {
    if (!heeft(a, BeveiligingsConfiguratie.REGISTERLEZERS)) {
      throw new AccessDeniedException("Geen toegang tot het register van verwerkers");
    }
  }

  static boolean magWijzigen(Authentication a) {
    return heeft(a, Rol.PRIVACYCOORDINATOR.groepId(), Rol.FG.groepId());
  }

  private static void wijziger(Authentication a) {
    if (!magWijzigen(a)) {
      throw new AccessDeniedException("Alleen de privacycoördinator en de FG houden het register van verwerkers bij");
    }
  }
}
