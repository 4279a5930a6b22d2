package nl.deurwaarder.avg.webformulier;

import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.deurwaarder.avg.kantoor.KantoorProfiel;
import nl.deurwaarder.avg.verzoek.Betrokkene;
import nl.deurwaarder.avg.verzoek.Kanaal;
import nl.deurwaarder.avg.verzoek.NieuwVerzoek;
import nl.deurwaarder.avg.verzoek.OngeldigVerzoekException;
import nl.deurwaarder.avg.verzoek.Verzoek;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import nl.deurwaarder.avg.verzoek.VerzoekValidatie;
import nl.deurwaarder.avg.verzoek.Verzoeker;
import nl.deurwaarder.avg.verzoek.VerzoekerRol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public website form "formulier inzageverzoek" (PH-PRO-01 §2.1), for all four kinds of request: no login, plain
 * Dutch, works without JavaScript. A valid submission is registered with kanaal {@link Kanaal#WEBFORMULIER} and its
 * procedure starts; an invalid one is shown again with every field as typed and a message per field, and starts
 * nothing. The answer page follows a redirect (POST-redirect-GET), so a reload never submits twice.
 */
@Controller
public class WebformulierController {

  private static final Logger LOG = LoggerFactory.getLogger(WebformulierController.class);
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  static final DateTimeFormatter DATUM = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl"));
  private static final List<DateTimeFormatter> INVOERDATUM = List.of(
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
      DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
      DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT));

  /** The fields of the form in the order they appear: the order of the error summary. */
  static final List<String> VELDEN = List.of("verzoekType", "verzoekerRol", "naam", "email", "adres",
      "geboortedatum", "dossiernummer", "telefoon", "verzoekerNaam", "verzoekerEmail", "verzoekerOrganisatie", "omschrijving",
      "bijlage", "akkoord", "algemeen");

  /** The shared validation's field names (the API's) → this form's fields. */
  private static final Map<String, String> VELD_VAN = Map.ofEntries(
      Map.entry("verzoekType", "verzoekType"),
      Map.entry("betrokkene.naam", "naam"),
      Map.entry("betrokkene.email", "email"),
      Map.entry("betrokkene.adres", "adres"),
      Map.entry("betrokkene.geboortedatum", "geboortedatum"),
      Map.entry("betrokkene.dossiernummer", "dossiernummer"),
      Map.entry("betrokkene.telefoon", "telefoon"),
      Map.entry("verzoeker.naam", "verzoekerNaam"),
      Map.entry("verzoeker.email", "verzoekerEmail"),
      Map.entry("verzoeker.organisatie", "verzoekerOrganisatie"),
      Map.entry("omschrijving", "omschrijving"));

  /** One option of a choice on the form. */
  public record Keuze(String waarde, String label, String uitleg) {
  }

  static final List<Keuze> SOORTEN = List.of(
      new Keuze(VerzoekType.INZAGE.name(), "Inzage",
          "U wilt weten welke gegevens wij over u hebben en wat wij ermee doen."),
      new Keuze(VerzoekType.CORRECTIE.name(), "Verbeteren",
          "Er staat iets fout in uw gegevens. U wilt dat wij het verbeteren of aanvullen."),
      new Keuze(VerzoekType.VERWIJDERING.name(), "Verwijderen",
          "U wilt dat wij uw gegevens wissen."),
      new Keuze(VerzoekType.BEPERKING.name(), "Tijdelijk niet gebruiken",
          "U wilt dat wij uw gegevens een tijd niet gebruiken, bijvoorbeeld zolang iets wordt uitgezocht."));

  static final List<Keuze> ROLLEN = List.of(
      new Keuze(VerzoekerRol.BETROKKENE.name(), "Nee, het gaat over mijzelf", null),
      new Keuze(VerzoekerRol.GEMACHTIGDE.name(),
          "Ja, de persoon heeft mij toestemming gegeven (bijvoorbeeld familie of een kennis)", null),
      new Keuze(VerzoekerRol.WETTELIJK_VERTEGENWOORDIGER.name(),
          "Ja, de rechter heeft mij benoemd (bijvoorbeeld curator of mentor)", null),
      new Keuze(VerzoekerRol.GEZAGHEBBER_MINDERJARIGE.name(),
          "Ja, voor mijn kind jonger dan 16 jaar (ik heb het gezag)", null),
      new Keuze(VerzoekerRol.BEWINDVOERDER.name(), "Ja, ik ben bewindvoerder van deze persoon", null),
      new Keuze(VerzoekerRol.SCHULDHULPVERLENER.name(), "Ja, ik ben schuldhulpverlener van deze persoon", null),
      new Keuze(VerzoekerRol.ADVOCAAT.name(), "Ja, ik ben advocaat van deze persoon", null));

  /** What the answer page shows; kept in the session for one request only (flash attribute). */
  public record Ontvangstbewijs(String referentie, String soort, String uiterlijk, String antwoordNaar)
      implements Serializable {
  }

  private final WebformulierIntake intake;
  private final VerzoekValidatie validatie;
  private final KantoorProfiel kantoor;
  private final WebformulierInstellingen instellingen;
  private final Clock clock;

  public WebformulierController(WebformulierIntake intake, VerzoekValidatie validatie, KantoorProfiel kantoor,
      WebformulierInstellingen instellingen, Clock clock) {
    this.intake = intake;
    this.validatie = validatie;
    this.kantoor = kantoor;
    this.instellingen = instellingen;
    this.clock = clock;
  }

  @InitBinder("formulier")
  void binder(WebDataBinder binder) {
    binder.setAllowedFields(VELDEN.toArray(String[]::new));
  }

  @GetMapping({"/verzoek", "/verzoek/"})
  public String formulier(Model model) {
    model.addAttribute("formulier", new VerzoekFormulier());
    return toon(model, Map.of(), false);
  }

  @PostMapping({"/verzoek", "/verzoek/"})
  public String verstuur(@ModelAttribute("formulier") VerzoekFormulier f,
      @RequestAttribute(name = OntvangenBijlage.ATTRIBUUT, required = false)
      OntvangenBijlage bijlage, Model model, RedirectAttributes redirect, HttpServletResponse response) {
    Map<String, String> fouten = new LinkedHashMap<>();
    VerzoekType type = keuze(VerzoekType.class, f.getVerzoekType()).orElse(null);
    if (type == null) {
      fouten.put("verzoekType", "Kies wat u wilt vragen: inzage, verbeteren, verwijderen of tijdelijk niet "
          + "gebruiken.");
    }
    VerzoekerRol rol = leeg(f.getVerzoekerRol()) ? VerzoekerRol.BETROKKENE
        : keuze(VerzoekerRol.class, f.getVerzoekerRol()).orElse(null);
    if (rol == null) {
      fouten.put("verzoekerRol", "Kies of u het verzoek voor uzelf doet of voor iemand anders.");
      rol = VerzoekerRol.BETROKKENE;
    }
    LocalDate geboortedatum = null;
    if (!leeg(f.getGeboortedatum())) {
      geboortedatum = datum(f.getGeboortedatum()).orElse(null);
      if (geboortedatum == null) {
        fouten.put("geboortedatum", "Vul de geboortedatum in als dag-maand-jaar, bijvoorbeeld 17-04-1985.");
      }
    }
    if (leeg(f.getNaam())) {
      fouten.put("naam", "Vul de naam in van de persoon om wie het gaat.");
    }
    if (rol == VerzoekerRol.BETROKKENE && leeg(f.getEmail())) {
      fouten.put("email", "Vul uw e-mailadres in. Wij sturen ons antwoord per e-mail.");
    }
    if (rol.isDerde()) {
      if (leeg(f.getVerzoekerNaam())) {
        fouten.put("verzoekerNaam", "Vul uw eigen naam in. U doet het verzoek voor iemand anders.");
      }
      if (leeg(f.getVerzoekerEmail())) {
        fouten.put("verzoekerEmail", "Vul uw eigen e-mailadres in. Wij sturen ons antwoord naar u.");
      }
    }
    if (leeg(f.getOmschrijving())) {
      fouten.put("omschrijving", "Schrijf kort wat u van ons vraagt.");
    }
    NieuwVerzoek nieuw = new NieuwVerzoek(type, Kanaal.WEBFORMULIER, null,
        new Betrokkene(schoon(f.getNaam()), schoon(f.getEmail()), schoon(f.getAdres()), geboortedatum,
            schoon(f.getDossiernummer()), schoon(f.getTelefoon())),
        new Verzoeker(rol, rol.isDerde() ? schoon(f.getVerzoekerNaam()) : null,
            rol.isDerde() ? schoon(f.getVerzoekerEmail()) : null,
            rol.isDerde() ? schoon(f.getVerzoekerOrganisatie()) : null),
        schoon(f.getOmschrijving()));
    neemOver(fouten, validatie.fouten(nieuw));
    WebformulierIntake.Identiteitsbewijs id = controleer(bijlage, fouten);
    if (!"ja".equals(f.getAkkoord())) {
      fouten.put("akkoord", "Zet een vinkje om te verklaren dat u het formulier naar waarheid heeft ingevuld.");
    }
    if (fouten.isEmpty()) {
      try {
        Verzoek v = intake.registreer(nieuw, origineel(f, bijlage), id);
        redirect.addFlashAttribute("ontvangen", new Ontvangstbewijs(v.referentie(), v.verzoekType().naam(),
            DATUM.format(v.uitersteReactiedatum()), v.briefadresEmail()));
        return "redirect:/verzoek/ontvangen";
      } catch (OngeldigVerzoekException e) {
        neemOver(fouten, e.fouten());
      }
    }
    response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
    return toon(model, fouten, id != null);
  }

  @GetMapping("/verzoek/ontvangen")
  public String ontvangen(Model model) {
    model.addAttribute("kantoor", kantoor);
    return "webformulier/ontvangen";
  }

  private String toon(Model model, Map<String, String> fouten, boolean bijlageOpnieuw) {
    Map<String, String> geordend = new LinkedHashMap<>();
    VELDEN.forEach(v -> Optional.ofNullable(fouten.get(v)).ifPresent(m -> geordend.put(v, m)));
    model.addAttribute("fouten", geordend);
    model.addAttribute("bijlageOpnieuw", bijlageOpnieuw);
    model.addAttribute("kantoor", kantoor);
    model.addAttribute("soorten", SOORTEN);
    model.addAttribute("rollen", ROLLEN);
    model.addAttribute("maxBijlageMb", instellingen.maxBijlage().toMegabytes());
    model.addAttribute("vandaag", LocalDate.now(clock.withZone(AMSTERDAM)));
    return "webformulier/formulier";
  }

  private WebformulierIntake.Identiteitsbewijs controleer(OntvangenBijlage bijlage, Map<String, String> fouten) {
    if (bijlage == null) {
      return null;
    }
    if (bijlage.aantalBestanden() > 1) {
      fouten.put("bijlage", "Stuur één bestand mee, niet meer.");
      return null;
    }
    if (bijlage.teGroot()) {
      fouten.put("bijlage", "Het bestand is te groot. Het mag hoogstens " + instellingen.maxBijlage().toMegabytes()
          + " MB zijn. Maak een kleinere foto of scan en voeg die opnieuw toe.");
      return null;
    }
    if (bijlage.grootte() == 0) {
      fouten.put("bijlage", "Het bestand is leeg. Kies een ander bestand.");
      return null;
    }
    Optional<Bestandscontrole.Bestandstype> type = Bestandscontrole.herken(bijlage.inhoud());
    if (type.isEmpty()) {
      fouten.put("bijlage", "Dit bestand kunnen wij niet gebruiken. Stuur een PDF, JPG of PNG.");
      return null;
    }
    return new WebformulierIntake.Identiteitsbewijs(
        Bestandscontrole.veiligeNaam(bijlage.opgegevenNaam(), type.get()), type.get().contentType, bijlage.inhoud());
  }

  private static void neemOver(Map<String, String> fouten, Map<String, String> gedeeld) {
    gedeeld.forEach((veld, melding) -> {
      String eigen = VELD_VAN.getOrDefault(veld, "algemeen");
      String tekst = "Dit is geen geldig e-mailadres.".equals(melding)
          ? "Dit is geen geldig e-mailadres. Een e-mailadres ziet er zo uit: naam@voorbeeld.nl." : melding;
      fouten.putIfAbsent(eigen, tekst);
    });
  }

  /** The request as the person submitted it, for the archive (PH-PRO-01 §2.4). */
  private static String origineel(VerzoekFormulier f, OntvangenBijlage bijlage) {
    StringBuilder s = new StringBuilder("Verzoek via het websiteformulier\n\n");
    regel(s, "Soort verzoek", f.getVerzoekType());
    regel(s, "Naam", f.getNaam());
    regel(s, "E-mailadres", f.getEmail());
    regel(s, "Postadres", f.getAdres());
    regel(s, "Geboortedatum", f.getGeboortedatum());
    regel(s, "Dossiernummer", f.getDossiernummer());
    regel(s, "Verzoek voor iemand anders", f.getVerzoekerRol());
    regel(s, "Naam verzoeker", f.getVerzoekerNaam());
    regel(s, "E-mailadres verzoeker", f.getVerzoekerEmail());
    regel(s, "Organisatie verzoeker", f.getVerzoekerOrganisatie());
    regel(s, "Kopie identiteitsbewijs", bijlage == null ? "nee" : "ja");
    regel(s, "Naar waarheid ingevuld", f.getAkkoord());
    s.append("\nOmschrijving:\n").append(f.getOmschrijving() == null ? "" : f.getOmschrijving().strip())
        .append('\n');
    return s.toString();
  }

  private static void regel(StringBuilder s, String label, String waarde) {
    if (!leeg(waarde)) {
      s.append(label).append(": ").append(waarde.strip()).append('\n');
    }
  }

  static Optional<LocalDate> datum(String tekst) {
    String t = tekst.strip();
    for (DateTimeFormatter f : INVOERDATUM) {
      try {
        return Optional.of(LocalDate.parse(t, f));
      } catch (DateTimeParseException e) {
        // next format
      }
    }
    return Optional.empty();
  }

  private static <E extends Enum<E>> Optional<E> keuze(Class<E> soort, String waarde) {
    if (leeg(waarde)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(soort, waarde.strip()));
    } catch (IllegalArgumentException e) {
      LOG.debug("Onbekende keuze voor {}", soort.getSimpleName());
      return Optional.empty();
    }
  }

  private static String schoon(String s) {
    return leeg(s) ? null : s.strip();
  }

  private static boolean leeg(String s) {
    return s == null || s.isBlank();
  }
}
