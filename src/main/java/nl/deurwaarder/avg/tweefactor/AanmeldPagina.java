package nl.deurwaarder.avg.tweefactor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.deurwaarder.avg.security.Functiescheiding;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * {@code /aanmelden}: the staff login with a second factor, for Tasklist, Cockpit, Admin and the product's archive
 * and beheer pages (they share the webapp session).
 * <ol>
 *   <li>user name and password (Camunda's identity service, with its own lock-out after wrong passwords);</li>
 *   <li>an account without a second factor enrols: QR code for the authenticator app, a first code to confirm, then
 *       the ten recovery codes, shown once;</li>
 *   <li>otherwise the 6-digit code from the app, or a recovery code.</li>
 * </ol>
 * Only then the webapp session is made ({@link WebappSessie}). Between step 1 and the code the session holds only a
 * "password checked" mark for {@value #GELDIG_MINUTEN} minutes, nothing that opens a page.
 */
@Controller
public class AanmeldPagina {

  static final String STAP = AanmeldPagina.class.getName() + ".stap";
  static final String STANDAARD_DOEL = "/camunda/app/tasklist/default/";
  static final int GELDIG_MINUTEN = 5;
  private static final Pattern DOEL = Pattern.compile(
      "/(camunda/app/[a-z]+/[a-z0-9_-]*/?[^\\s\\\\]*|archief/[^\\s\\\\]*|beheer/[^\\s\\\\]*|verwerkingsregister)");
  private static final String FOUT_WACHTWOORD = "Onjuiste gebruikersnaam of wachtwoord.";

  /** Password checked, code not yet: what the session holds between the steps. */
  record Stap(String gebruiker, Instant sinds, String doel, boolean ingesteld) implements Serializable {
  }

  private final IdentityService identityService;
  private final Functiescheiding functiescheiding;
  private final Aanmeldbeleid beleid;
  private final TweedeFactor tweedeFactor;
  private final WebappSessie webappSessie;

  public AanmeldPagina(IdentityService identityService, Functiescheiding functiescheiding, Aanmeldbeleid beleid,
      TweedeFactor tweedeFactor, WebappSessie webappSessie) {
    this.identityService = identityService;
    this.functiescheiding = functiescheiding;
    this.beleid = beleid;
    this.tweedeFactor = tweedeFactor;
    this.webappSessie = webappSessie;
  }

  @GetMapping("/aanmelden")
  public ModelAndView wachtwoord(@RequestParam(name = "doel", required = false) String doel,
      HttpServletRequest request, HttpServletResponse response) {
    geenCache(response);
    if (webappSessie.gebruiker(request) != null) {
      return new ModelAndView("redirect:" + doel(doel));
    }
    return new ModelAndView("aanmelden/wachtwoord").addObject("doel", doel(doel));
  }

  @PostMapping("/aanmelden")
  public ModelAndView controleerWachtwoord(@RequestParam(name = "gebruikersnaam", defaultValue = "") String gebruiker,
      @RequestParam(name = "wachtwoord", defaultValue = "") String wachtwoord,
      @RequestParam(name = "doel", required = false) String doel, HttpServletRequest request,
      HttpServletResponse response) {
    geenCache(response);
    String bestemming = doel(doel);
    gebruiker = gebruiker.strip();
    identityService.clearAuthentication();
    if (gebruiker.isEmpty() || wachtwoord.isEmpty() || !identityService.checkPassword(gebruiker, wachtwoord)) {
      return weigerWachtwoord(response, bestemming, gebruiker, FOUT_WACHTWOORD);
    }
    if (functiescheiding.gebruikerGeweigerd(gebruiker)) {
      return weigerWachtwoord(response, bestemming, gebruiker, Functiescheiding.MELDING);
    }
    if (beleid.isTechnischAccount(gebruiker)) {
      return weigerWachtwoord(response, bestemming, gebruiker, "Dit is een technisch account voor koppelingen "
          + "(groep apikoppeling). Het kan zich niet aanmelden in Tasklist, Cockpit of Admin.");
    }
    if (!beleid.tweedeFactorNodig(gebruiker)) {
      webappSessie.meldAan(request, gebruiker); // embedded default: password only (spec/api.md)
      return new ModelAndView("redirect:" + bestemming);
    }
    request.changeSessionId();
    boolean ingesteld = tweedeFactor.isIngesteld(gebruiker);
    request.getSession().setAttribute(STAP, new Stap(gebruiker, tweedeFactor.moment(), bestemming, ingesteld));
    return new ModelAndView(ingesteld ? "redirect:/aanmelden/code" : "redirect:/aanmelden/instellen");
  }

  /**
   * For the webapps' script {@code aanmeldroute.js}: whether staff log in here. When two factors are required,
   * Tasklist, Cockpit and Admin send a browser that lands on their own login screen (after "Uitloggen", or when the
   * session ended) here instead of showing Camunda's password-only form.
   */
  @GetMapping(value = "/aanmelden/beleid", produces = "application/json")
  @org.springframework.web.bind.annotation.ResponseBody
  public java.util.Map<String, Object> beleid(HttpServletResponse response) {
    geenCache(response);
    return java.util.Map.of("tweedeFactorVerplicht", beleid.isVerplicht());
  }

  @GetMapping("/aanmelden/code")
  public ModelAndView code(HttpServletRequest request, HttpServletResponse response) {
    geenCache(response);
    Optional<Stap> stap = stap(request);
    if (stap.isEmpty() || !stap.get().ingesteld()) {
      return opnieuw();
    }
    return new ModelAndView("aanmelden/code");
  }

  @PostMapping("/aanmelden/code")
  public ModelAndView controleerCode(@RequestParam(name = "code", defaultValue = "") String code,
      HttpServletRequest request, HttpServletResponse response) {
    geenCache(response);
    Optional<Stap> stap = stap(request);
    if (stap.isEmpty() || !stap.get().ingesteld()) {
      return opnieuw();
    }
    TweedeFactor.Uitslag uitslag = tweedeFactor.controleer(stap.get().gebruiker(), code);
    return switch (uitslag) {
      case GOED, GOED_MET_HERSTELCODE -> {
        webappSessie.meldAan(request, stap.get().gebruiker());
        yield new ModelAndView("redirect:" + stap.get().doel());
      }
      case GEBLOKKEERD -> {
        request.getSession().removeAttribute(STAP);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        yield new ModelAndView("aanmelden/wachtwoord").addObject("doel", stap.get().doel())
            .addObject("fout", "Te veel onjuiste codes. Aanmelden is voor dit account " + TweedeFactor.BLOKKADE
                .toMinutes() + " minuten geblokkeerd. Een beheerder kan de blokkade eerder opheffen.");
      }
      case NIET_INGESTELD -> opnieuw();
      case FOUT -> {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        yield new ModelAndView("aanmelden/code").addObject("fout",
            "Deze code klopt niet. Typ de code die de app nu toont (hij verandert elke 30 seconden), of een "
                + "herstelcode.");
      }
    };
  }

  @GetMapping("/aanmelden/instellen")
  public ModelAndView instellen(HttpServletRequest request, HttpServletResponse response) {
    geenCache(response);
    Optional<Stap> stap = stap(request);
    if (stap.isEmpty() || stap.get().ingesteld()) {
      return opnieuw();
    }
    return instelpagina(stap.get().gebruiker(), null);
  }

  @PostMapping("/aanmelden/instellen")
  public ModelAndView bevestig(@RequestParam(name = "code", defaultValue = "") String code,
      HttpServletRequest request, HttpServletResponse response) {
    geenCache(response);
    Optional<Stap> stap = stap(request);
    if (stap.isEmpty() || stap.get().ingesteld()) {
      return opnieuw();
    }
    Optional<List<String>> herstelcodes = tweedeFactor.bevestig(stap.get().gebruiker(), code);
    if (herstelcodes.isEmpty()) {
      if (tweedeFactor.status(stap.get().gebruiker()).geblokkeerd()) {
        request.getSession().removeAttribute(STAP);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        return new ModelAndView("aanmelden/wachtwoord").addObject("doel", stap.get().doel())
            .addObject("fout", "Te veel onjuiste codes. Aanmelden is voor dit account " + TweedeFactor.BLOKKADE
                .toMinutes() + " minuten geblokkeerd. Een beheerder kan de blokkade eerder opheffen.");
      }
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      return instelpagina(stap.get().gebruiker(), "Deze code klopt niet. Controleer of de klok van uw telefoon "
          + "goed staat en typ de code die de app nu toont.");
    }
    // from here the account has a second factor: the next step is the login itself, after the codes are seen
    request.getSession().setAttribute(STAP, new Stap(stap.get().gebruiker(), stap.get().sinds(), stap.get().doel(),
        true));
    request.getSession().setAttribute(STAP + ".herstelcodes", Boolean.TRUE);
    return new ModelAndView("aanmelden/herstelcodes").addObject("codes", herstelcodes.get());
  }

  /** After the recovery codes were shown: the enrolment counts as the first login. */
  @PostMapping("/aanmelden/doorgaan")
  public ModelAndView doorgaan(HttpServletRequest request, HttpServletResponse response) {
    geenCache(response);
    Optional<Stap> stap = stap(request);
    HttpSession sessie = request.getSession(false);
    if (stap.isEmpty() || sessie == null || sessie.getAttribute(STAP + ".herstelcodes") == null) {
      return opnieuw();
    }
    webappSessie.meldAan(request, stap.get().gebruiker());
    return new ModelAndView("redirect:" + stap.get().doel());
  }

  private ModelAndView instelpagina(String gebruiker, String fout) {
    TweedeFactor.Inschrijving inschrijving = tweedeFactor.begin(gebruiker);
    return new ModelAndView("aanmelden/instellen")
        .addObject("qr", QrCode.alsDataUri(inschrijving.otpauthUri(), 240))
        .addObject("geheim", inschrijving.geheimBase32().replaceAll("(.{4})(?!$)", "$1 "))
        .addObject("gebruiker", gebruiker)
        .addObject("fout", fout);
  }

  private ModelAndView weigerWachtwoord(HttpServletResponse response, String doel, String gebruiker, String fout) {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    return new ModelAndView("aanmelden/wachtwoord").addObject("doel", doel).addObject("gebruikersnaam", gebruiker)
        .addObject("fout", fout);
  }

  private ModelAndView opnieuw() {
    return new ModelAndView("redirect:/aanmelden");
  }

  private Optional<Stap> stap(HttpServletRequest request) {
    HttpSession sessie = request.getSession(false);
    if (sessie == null || !(sessie.getAttribute(STAP) instanceof Stap stap)) {
      return Optional.empty();
    }
    if (stap.sinds().plus(Duration.ofMinutes(GELDIG_MINUTEN)).isBefore(tweedeFactor.moment())) {
      sessie.removeAttribute(STAP);
      return Optional.empty();
    }
    return Optional.of(stap);
  }

  /** Only paths of this app: never an open redirect to another site. */
  static String doel(String doel) {
    return doel != null && DOEL.matcher(doel).matches() && !doel.contains("..") ? doel : STANDAARD_DOEL;
  }

  private static void geenCache(HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
  }
}
