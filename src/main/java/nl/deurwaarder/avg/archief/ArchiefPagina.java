package nl.deurwaarder.avg.archief;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.deurwaarder.avg.archief.ArchiefToegang.Recht;
import nl.deurwaarder.avg.archief.Bestandscontrole.Bestandstype;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The archive pages of a request (AVG-...) or breach (DL-...): the handbook's folder [REFERENTIENUMMER-NAAM
 * BETROKKENE]. Staff open them from their Tasklist task ({@code /archief/{referentie}}); Tasklist's forms cannot upload
 * files, so documents are added here. Access: {@link ArchiefToegang}.
 */
@Controller
public class ArchiefPagina {

  private static final Logger LOG = LoggerFactory.getLogger(ArchiefPagina.class);
  static final Pattern REFERENTIE = Pattern.compile("(AVG|DL)-\\d{4}-\\d{4,6}");
  private static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm", new Locale("nl"));
  private static final int MAX_TITEL = 300;

  private final Archief archief;
  private final ArchiefToegang toegang;
  private final List<ArchiefdossierBron> bronnen;
  private final TransactionTemplate transactie;

  public ArchiefPagina(Archief archief, ArchiefToegang toegang, List<ArchiefdossierBron> bronnen,
      TransactionTemplate transactie) {
    this.archief = archief;
    this.toegang = toegang;
    this.bronnen = List.copyOf(bronnen);
    this.transactie = transactie;
  }

  /** One line of the document list, formatted for the page. */
  public record Regel(long id, String soort, String titel, String bestandsnaam, String grootte, String toegevoegdOp,
      String toegevoegdDoor, String sha256Kort, String sha256) {

    static Regel van(Archiefstuk s) {
      return new Regel(s.id(), s.soort().omschrijving(), s.titel(), s.bestandsnaam(), ArchiefPagina.grootte(s.grootte()),
          s.toegevoegdOp() == null ? "" : DATUM.format(s.toegevoegdOp()), s.toegevoegdDoor(),
          s.sha256() == null ? "" : s.sha256().substring(0, Math.min(12, s.sha256().length())), s.sha256());
    }
  }

  @GetMapping("/archief/{referentie}")
  public ModelAndView toon(@PathVariable String referentie, Authentication gebruiker,
      @RequestParam(name = "toegevoegd", required = false) Long toegevoegd) {
    Recht recht = toegang.recht(gebruiker, referentie);
    Optional<ModelAndView> geweigerd = weiger(referentie, recht);
    if (geweigerd.isPresent()) {
      return geweigerd.get();
    }
    ModelAndView mav = pagina(referentie, gebruiker, recht, HttpStatus.OK);
    if (toegevoegd != null) {
      mav.addObject("melding", "Het stuk is aan het archief toegevoegd.");
    }
    return mav;
  }

  @GetMapping("/archief/{referentie}/stukken/{id}")
  public Object download(@PathVariable String referentie, @PathVariable long id, Authentication gebruiker) {
    Recht recht = toegang.recht(gebruiker, referentie);
    Optional<ModelAndView> geweigerd = weiger(referentie, recht);
    if (geweigerd.isPresent()) {
      return geweigerd.get();
    }
    if (!recht.magLezen()) {
      return fout(HttpStatus.FORBIDDEN, "Geen toegang",
          "Alleen de privacycoördinator, de FG en de directie kunnen stukken uit het archief openen.");
    }
    Optional<Archiefstuk> stuk = archief.stuk(id).filter(s -> s.referentie().equals(referentie));
    if (stuk.isEmpty()) {
      return fout(HttpStatus.NOT_FOUND, "Stuk niet gevonden",
          "Dit stuk bestaat niet of hoort niet bij archief " + referentie + ".");
    }
    byte[] inhoud = archief.inhoud(id);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(Bestandstype.veiligContentType(stuk.get().contentType())));
    headers.setContentDisposition(ContentDisposition.attachment()
        .filename(stuk.get().bestandsnaam(), StandardCharsets.UTF_8).build());
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Content-Security-Policy", "sandbox");
    headers.setCacheControl(CacheControl.noStore());
    headers.setContentLength(inhoud.length);
    return new ResponseEntity<>(inhoud, headers, HttpStatus.OK);
  }

  @PostMapping("/archief/{referentie}/stukken")
  public ModelAndView voegToe(@PathVariable String referentie, Authentication gebruiker,
      @RequestParam(name = "soort", required = false) String soortNaam,
      @RequestParam(name = "titel", required = false) String titel,
      @RequestParam(name = "bestand", required = false) MultipartFile bestand, RedirectAttributes flash)
      throws IOException {
    Recht recht = toegang.recht(gebruiker, referentie);
    Optional<ModelAndView> geweigerd = weiger(referentie, recht);
    if (geweigerd.isPresent()) {
      return geweigerd.get();
    }
    Stuksoort soort = Arrays.stream(Stuksoort.values()).filter(s -> s.name().equals(soortNaam)).findFirst()
        .orElse(null);
    String schoneTitel = titel == null ? "" : titel.replaceAll("\\p{Cntrl}", " ").strip();
    String fout = null;
    Bestandstype type = null;
    byte[] inhoud = null;
    if (soort == null) {
      fout = "Kies wat voor stuk u toevoegt.";
    } else if (!soort.magToevoegen(recht)) {
      fout = "Een stuk van de soort '" + soort.omschrijving() + "' kan alleen de privacycoördinator (of de FG of "
          + "de directie) toevoegen. Kies een andere soort, bijvoorbeeld 'Correspondentie' of 'Overig'.";
      soort = null;
    } else if (schoneTitel.isEmpty()) {
      fout = "Geef het stuk een titel.";
    } else if (schoneTitel.length() > MAX_TITEL) {
      fout = "De titel is te lang (ten hoogste " + MAX_TITEL + " tekens).";
    } else if (bestand == null || bestand.isEmpty()) {
      fout = "Kies een bestand om toe te voegen.";
    } else if (bestand.getSize() > Bestandscontrole.MAX_GROOTTE) {
      fout = teGroot();
    } else {
      inhoud = bestand.getBytes();
      type = Bestandscontrole.herken(inhoud).orElse(null);
      if (type == null) {
        fout = "Dit soort bestand kan niet in het archief. Toegestaan zijn PDF, JPEG, PNG, Word (.docx), "
            + "Excel (.xlsx), platte tekst (UTF-8) en e-mailberichten (.eml); geen programma's, HTML of SVG.";
      }
    }
    if (fout != null) {
      // POST-redirect-GET: the page comes back with the message and what was entered (the file must be chosen
      // again, browsers do not allow otherwise), and the address bar shows the archive, not the form's token
      flash.addFlashAttribute("fout", fout);
      flash.addFlashAttribute("gekozenSoort", soort == null ? null : soort.name());
      flash.addFlashAttribute("ingevuldeTitel", schoneTitel);
      return new ModelAndView("redirect:/archief/" + referentie);
    }
    String naam = Bestandscontrole.veiligeBestandsnaam(bestand.getOriginalFilename(), type);
    String user = gebruiker.getName();
    Bestandstype gevonden = type;
    Stuksoort gekozenSoort = soort;
    byte[] bytes = inhoud;
    Archiefstuk stuk = transactie.execute(status -> {
      Archiefstuk s = archief.bewaar(referentie, gekozenSoort, schoneTitel, naam, gevonden.contentType(), bytes, user);
      bron(referentie).ifPresent(b -> b.stukToegevoegd(referentie, user, gekozenSoort.omschrijving() + ": "
          + schoneTitel + " toegevoegd"));
      return s;
    });
    LOG.info("Archiefstuk {} ({}, {} bytes) toegevoegd aan {}", stuk.id(), gevonden, bytes.length, referentie);
    return new ModelAndView("redirect:/archief/" + referentie + "?toegevoegd=" + stuk.id());
  }

  public static String teGroot() {
    return "Het bestand is te groot: een stuk mag ten hoogste 10 MB zijn.";
  }

  /**
   * Back to the archive page with a Dutch message after Spring's multipart limit refused the upload (see the
   * advice); like every refused upload a redirect, so the form's token does not stay in the address bar.
   */
  ModelAndView teGrootePagina(String referentie, Authentication gebruiker, HttpServletRequest request) {
    if (!REFERENTIE.matcher(referentie).matches()) {
      return fout(HttpStatus.NOT_FOUND, "Archief niet gevonden", "Er is geen archief met dit referentienummer.");
    }
    Recht recht = toegang.recht(gebruiker, referentie);
    Optional<ModelAndView> geweigerd = weiger(referentie, recht);
    if (geweigerd.isPresent()) {
      return geweigerd.get();
    }
    FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
    flash.put("fout", teGroot());
    return new ModelAndView("redirect:/archief/" + referentie);
  }

  /** 404 for a malformed or unknown reference, 403 when the user has no right here; empty when all is well. */
  private Optional<ModelAndView> weiger(String referentie, Recht recht) {
    if (!REFERENTIE.matcher(referentie).matches()) {
      return Optional.of(fout(HttpStatus.NOT_FOUND, "Archief niet gevonden",
          "Er is geen archief met dit referentienummer."));
    }
    if (recht == Recht.GEEN) {
      return Optional.of(fout(HttpStatus.FORBIDDEN, "Geen toegang",
          "U heeft geen toegang tot dit archief. Alleen de privacycoördinator, de FG en de directie kunnen het "
              + "archief inzien; medewerkers met een openstaande taak voor dit verzoek kunnen er stukken aan "
              + "toevoegen."));
    }
    if (bron(referentie).filter(b -> !b.bestaat(referentie)).isPresent()) {
      return Optional.of(fout(HttpStatus.NOT_FOUND, "Archief niet gevonden",
          "Er is geen verzoek met referentienummer " + referentie + " in het register."));
    }
    return Optional.empty();
  }

  /** The register that holds this archive's file, if any (requests: the Register AVG-verzoeken). */
  private Optional<ArchiefdossierBron> bron(String referentie) {
    return bronnen.stream().filter(b -> b.kent(referentie)).findFirst();
  }

  private ModelAndView pagina(String referentie, Authentication gebruiker, Recht recht, HttpStatus status) {
    ModelAndView mav = new ModelAndView("archief/archief");
    mav.setStatus(status);
    String naam = bron(referentie).flatMap(b -> b.naam(referentie)).orElse(null);
    mav.addObject("referentie", referentie);
    mav.addObject("titel", "Archief " + referentie + (naam == null || naam.isBlank() ? "" : " — " + naam));
    mav.addObject("magLezen", recht.magLezen());
    mav.addObject("gebruiker", gebruiker.getName());
    List<Archiefstuk> stukken = archief.stukken(referentie);
    if (recht.magLezen()) {
      mav.addObject("stukken", stukken.stream().map(Regel::van).toList());
      mav.addObject("aantalAnderen", 0);
    } else {
      List<Archiefstuk> eigen = stukken.stream().filter(s -> gebruiker.getName().equals(s.toegevoegdDoor())).toList();
      mav.addObject("stukken", eigen.stream().map(Regel::van).toList());
      mav.addObject("aantalAnderen", stukken.size() - eigen.size());
    }
    mav.addObject("soorten", Stuksoort.toegestaanVoor(recht));
    return mav;
  }

  static ModelAndView fout(HttpStatus status, String kop, String tekst) {
    ModelAndView mav = new ModelAndView("archief/fout");
    mav.setStatus(status);
    mav.addObject("kop", kop);
    mav.addObject("tekst", tekst);
    return mav;
  }

  static String grootte(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(new Locale("nl"), "%.1f kB", bytes / 1024.0);
    }
    return String.format(new Locale("nl"), "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  /** For the advice: the reference in /archief/{referentie}/stukken, or null. */
  static String referentieUitPad(HttpServletRequest request) {
    String pad = request.getRequestURI().substring(request.getContextPath().length());
    java.util.regex.Matcher m = Pattern.compile("^/archief/([^/]+)/stukken/?$").matcher(pad);
    return m.matches() ? m.group(1) : null;
  }
}
