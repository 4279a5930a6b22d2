package nl.deurwaarder.avg.levering;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.deurwaarder.avg.kantoor.KantoorProfiel;
import nl.deurwaarder.avg.webformulier.Inzendingslimiet;
import nl.deurwaarder.avg.webformulier.WebformulierInstellingen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public portal where the data subject fetches the answer (PH-PRO-01 §6 "link naar een beveiligde
 * bestandslocatie", spec/api.md): {@code GET /ophalen/{token}} asks for the access code, {@code POST} checks it
 * (CSRF-protected, rate-limited per client like the website form), and after a correct code the page offers the
 * download {@code GET /ophalen/{token}/pakket} (no caching). Unknown, expired and locked links answer one and the
 * same page with 404. Every page view, code attempt and download is logged with moment, truncated IP and result.
 * The code stays valid for the whole fetch period (one code per package), so a person can fetch again on another
 * device; the fifth wrong code locks the package and gives the coordinator a task.
 */
@Controller
public class Ophaalportaal {

  private static final Logger LOG = LoggerFactory.getLogger(Ophaalportaal.class);
  private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{43}$");
  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final String PAGINA = "PAGINA";
  static final String CODE = "CODE";
  static final String DOWNLOAD = "DOWNLOAD";

  private final Leveringen leveringen;
  private final LeveringBewaking bewaking;
  private final LeveringInstellingen instellingen;
  private final KantoorProfiel kantoor;
  private final Inzendingslimiet limiet;
  private final WebformulierInstellingen limietInstellingen;
  private final Clock clock;

  public Ophaalportaal(Leveringen leveringen, LeveringBewaking bewaking, LeveringInstellingen instellingen,
      KantoorProfiel kantoor, WebformulierInstellingen limietInstellingen, Clock clock) {
    this.leveringen = leveringen;
    this.bewaking = bewaking;
    this.instellingen = instellingen;
    this.kantoor = kantoor;
    this.limietInstellingen = limietInstellingen;
    this.limiet = new Inzendingslimiet(limietInstellingen, clock); // the website form's rules, counted apart
    this.clock = clock;
  }

  @GetMapping({"/ophalen/{token}", "/ophalen/{token}/"})
  public String pagina(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
      HttpSession sessie, Model model) {
    geenCache(response);
    Optional<Levering> l = ophaalbaar(token);
    if (l.isEmpty()) {
      leveringen.log(onbekendId(token), ip(request), PAGINA, reden(token));
      return nietGevonden(response, model);
    }
    boolean toegang = Boolean.TRUE.equals(sessie.getAttribute(sessieSleutel(l.get())));
    leveringen.log(l.get().id(), ip(request), PAGINA, toegang ? "DOWNLOADPAGINA" : "GETOOND");
    return toon(model, l.get(), token, toegang, null);
  }

  @PostMapping({"/ophalen/{token}", "/ophalen/{token}/"})
  public String code(@PathVariable String token, @RequestParam(name = "code", required = false) String code,
      HttpServletRequest request, HttpServletResponse response, HttpSession sessie, Model model) {
    geenCache(response);
    String ip = ip(request);
    if (!limiet.toegestaan(request.getRemoteAddr())) {
      leveringen.log(ophaalbaar(token).map(Levering::id).orElse(null), ip, CODE, "TE_VEEL");
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      response.setHeader("Retry-After", String.valueOf(limietInstellingen.clientVenster().toSeconds()));
      model.addAttribute("kantoor", kantoor);
      model.addAttribute("minuten", limietInstellingen.clientVenster().toMinutes());
      return "ophalen/te-veel";
    }
    Optional<Levering> gevonden = ophaalbaar(token);
    if (gevonden.isEmpty()) {
      leveringen.log(onbekendId(token), ip, CODE, reden(token));
      return nietGevonden(response, model);
    }
    Levering l = gevonden.get();
    String invoer = code == null ? "" : code.replaceAll("[\\s-]", "");
    if (invoer.isEmpty() || invoer.length() > 64) {
      leveringen.log(l.id(), ip, CODE, "LEEG");
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      return toon(model, l, token, false, "Vul de toegangscode in. U vindt de code in de sms of de brief die u "
          + "van ons kreeg.");
    }
    if (Geheimen.gelijk(Geheimen.codeHash(l.id(), invoer), l.codeHash())) {
      leveringen.log(l.id(), ip, CODE, "JUIST");
      request.changeSessionId(); // a new session id once the code is known
      request.getSession().setAttribute(sessieSleutel(l), Boolean.TRUE);
      return "redirect:/ophalen/" + token;
    }
    int fout = leveringen.misluktePoging(l.id());
    if (fout >= instellingen.maxPogingen()) {
      boolean geblokkeerd = leveringen.blokkeer(l.id());
      leveringen.log(l.id(), ip, CODE, "ONJUIST_GEBLOKKEERD");
      if (geblokkeerd) {
        LOG.warn("Verzoek {}: pakket geblokkeerd na {} onjuiste codes", l.referentie(), fout);
        bewaking.meldBlokkade(l);
      }
      return nietGevonden(response, model);
    }
    leveringen.log(l.id(), ip, CODE, "ONJUIST");
    response.setStatus(HttpStatus.BAD_REQUEST.value());
    int over = instellingen.maxPogingen() - fout;
    return toon(model, l, token, false, "Deze code klopt niet. U kunt het nog " + over + " keer proberen"
        + (over == 1 ? "; daarna wordt uw antwoord geblokkeerd." : "."));
  }

  @GetMapping("/ophalen/{token}/pakket")
  public Object download(@PathVariable String token, HttpServletRequest request, HttpServletResponse response,
      HttpSession sessie, Model model) {
    geenCache(response);
    Optional<Levering> gevonden = ophaalbaar(token);
    if (gevonden.isEmpty()) {
      leveringen.log(onbekendId(token), ip(request), DOWNLOAD, reden(token));
      return nietGevonden(response, model);
    }
    Levering l = gevonden.get();
    if (!Boolean.TRUE.equals(sessie.getAttribute(sessieSleutel(l)))) {
      leveringen.log(l.id(), ip(request), DOWNLOAD, "ZONDER_CODE");
      return "redirect:/ophalen/" + token;
    }
    Optional<byte[]> pakket = leveringen.pakket(l.id());
    if (pakket.isEmpty()) {
      leveringen.log(l.id(), ip(request), DOWNLOAD, "VERWIJDERD");
      return nietGevonden(response, model);
    }
    leveringen.log(l.id(), ip(request), DOWNLOAD, "GELUKT");
    bewaking.opgehaald(l, OffsetDateTime.now(clock));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_PDF);
    headers.setContentDisposition(ContentDisposition.attachment().filename(l.bestandsnaam(), StandardCharsets.UTF_8)
        .build());
    headers.setCacheControl(CacheControl.noStore().mustRevalidate());
    headers.setPragma("no-cache");
    headers.setExpires(0);
    headers.set("X-Content-Type-Options", "nosniff");
    headers.setContentLength(pakket.get().length);
    return new ResponseEntity<>(pakket.get(), headers, HttpStatus.OK);
  }

  private Optional<Levering> ophaalbaar(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return Optional.empty();
    }
    return leveringen.vindOpToken(Geheimen.tokenHash(token)).filter(l -> l.ophaalbaar(OffsetDateTime.now(clock)));
  }

  /** The delivery behind a token that is not (or no longer) available, for the access log. */
  private Long onbekendId(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return null;
    }
    return leveringen.vindOpToken(Geheimen.tokenHash(token)).map(Levering::id).orElse(null);
  }

  /** Why the page was not shown (only in the log, never on the page). */
  private String reden(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return "ONBEKEND";
    }
    return leveringen.vindOpToken(Geheimen.tokenHash(token)).map(l -> switch (l.status()) {
      case GEBLOKKEERD -> "GEBLOKKEERD";
      case VERLOPEN -> "VERLOPEN";
      default -> l.ophaalbaar(OffsetDateTime.now(clock)) ? "ONBEKEND" : "VERLOPEN";
    }).orElse("ONBEKEND");
  }

  private String toon(Model model, Levering l, String token, boolean toegang, String fout) {
    model.addAttribute("kantoor", kantoor);
    model.addAttribute("token", token);
    model.addAttribute("fout", fout);
    model.addAttribute("perPost", l.codeKanaal() == Levering.Codekanaal.POST);
    model.addAttribute("verloopt", DATUM.format(l.verlooptOp().atZoneSameInstant(AMSTERDAM)));
    if (toegang) {
      model.addAttribute("referentie", l.referentie());
      model.addAttribute("bestandsnaam", l.bestandsnaam());
      return "ophalen/download";
    }
    return "ophalen/code";
  }

  private String nietGevonden(HttpServletResponse response, Model model) {
    response.setStatus(HttpStatus.NOT_FOUND.value());
    model.addAttribute("kantoor", kantoor);
    return "ophalen/niet-gevonden";
  }

  private static void geenCache(HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store, must-revalidate");
    response.setHeader(HttpHeaders.PRAGMA, "no-cache");
    response.setHeader("Referrer-Policy", "no-referrer"); // the token never leaves in a Referer header
  }

  private static String sessieSleutel(Levering l) {
    return "ophalen:" + l.id();
  }

  /** The client's IP address truncated: IPv4 without the last octet, IPv6 only its first 48 bits. */
  static String ip(HttpServletRequest request) {
    return afgekapt(request.getRemoteAddr());
  }

  static String afgekapt(String adres) {
    if (adres == null || adres.isBlank()) {
      return "onbekend";
    }
    if (adres.contains(":")) {
      String[] delen = adres.split(":");
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < Math.min(3, delen.length); i++) {
        s.append(delen[i].isEmpty() ? "0" : delen[i]).append(':');
      }
      return s + ":";
    }
    int punt = adres.lastIndexOf('.');
    return punt < 0 ? "onbekend" : adres.substring(0, punt) + ".0";
  }
}
