package nl.deurwaarder.avg.verwerkingsregister;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import nl.deurwaarder.avg.security.BeveiligingsConfiguratie;

/**
 * The printable register for the AP (PH-PRO-03 §2: the AP can ask for it at any moment): office details, joint
 * controllers, sections → processes → processings → data types, special categories marked, and the version number
 * and date on every printed page. Same readers as the API (coordinator, FG, directie); the path falls under the
 * catch-all chain (HTTP Basic), the role check is here.
 */
@Controller
public class VerwerkingsregisterPagina {

  static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));
  static final DateTimeFormatter DATUM_TIJD = DateTimeFormatter.ofPattern("d MMMM yyyy 'om' HH:mm",
      Locale.forLanguageTag("nl"));

  private final Verwerkingsregister register;

  public VerwerkingsregisterPagina(Verwerkingsregister register) {
    this.register = register;
  }

  @GetMapping("/verwerkingsregister")
  public String pagina(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
      LocalDate peildatum, Authentication gebruiker, Model model) {
    boolean lezer = gebruiker != null && gebruiker.getAuthorities().stream()
        .anyMatch(a -> java.util.Arrays.asList(BeveiligingsConfiguratie.REGISTERLEZERS).contains(a.getAuthority()));
    if (!lezer) {
      throw new AccessDeniedException("Geen toegang tot het verwerkingsregister");
    }
    RegisterVersie r = VerwerkingsregisterApi.versie(register, peildatum);
    model.addAttribute("register", r);
    model.addAttribute("peildatum", peildatum == null ? null : DATUM.format(peildatum));
    model.addAttribute("versiedatum", DATUM.format(r.versiedatum()));
    model.addAttribute("versietijd", DATUM_TIJD.format(r.versiedatum()));
    model.addAttribute("aantalVerwerkingen", r.verwerkingen().count());
    // the running page header of the printed register (a CSS string: quotes, backslashes and tags escaped)
    model.addAttribute("kopLinks", cssTekst("Verwerkingsregister – " + r.verwerkingsverantwoordelijke().naam()));
    model.addAttribute("kopRechts", cssTekst("Versie " + r.versienummer() + " van " + DATUM.format(r.versiedatum())));
    return "verwerkingsregister/register";
  }

  /** Text for inside a double-quoted CSS string in a style element. */
  static String cssTekst(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : (s == null ? "" : s).toCharArray()) {
      if (c == '"' || c == '\\' || c == '<' || c == '>' || c < 0x20) {
        b.append('\\').append(Integer.toHexString(c)).append(' ');
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  @ExceptionHandler(GeenRegisterVersieException.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  public String geenVersie(GeenRegisterVersieException e, Model model) {
    model.addAttribute("melding", e.getMessage());
    return "verwerkingsregister/geen-versie";
  }
}
