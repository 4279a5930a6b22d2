package nl.deurwaarder.avg.tweefactor;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /beheer/tweefactor} (administrators only): per account whether a second factor is set up, whether it is
 * blocked and how many recovery codes are left; "Opnieuw laten instellen" (lost phone: the account enrols again at
 * its next login) and "Blokkade opheffen". Every action is kept in the log table with the administrator's name.
 */
@Controller
public class TweeFactorBeheer {

  private static final DateTimeFormatter TIJD = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")
      .withZone(ZoneId.of("Europe/Amsterdam"));

  /** One line of the page. */
  public record Regel(String gebruiker, String naam, boolean technisch, String ingesteldOp, boolean geblokkeerd,
      String geblokkeerdTot, int herstelcodes, String laatsteGebeurtenis) {
  }

  private final IdentityService identityService;
  private final TweedeFactor tweedeFactor;
  private final Aanmeldbeleid beleid;

  public TweeFactorBeheer(IdentityService identityService, TweedeFactor tweedeFactor, Aanmeldbeleid beleid) {
    this.identityService = identityService;
    this.tweedeFactor = tweedeFactor;
    this.beleid = beleid;
  }

  @GetMapping("/beheer/tweefactor")
  public ModelAndView toon(Authentication beheerder) {
    List<Regel> regels = identityService.createUserQuery().orderByUserId().asc().list().stream()
        .map(this::regel).toList();
    return new ModelAndView("beheer/tweefactor")
        .addObject("regels", regels)
        .addObject("verplicht", beleid.isVerplicht())
        .addObject("gebruiker", beheerder.getName());
  }

  @PostMapping("/beheer/tweefactor")
  public String handel(@RequestParam(name = "gebruiker", defaultValue = "") String gebruiker,
      @RequestParam(name = "actie", defaultValue = "") String actie, Authentication beheerder,
      RedirectAttributes doorgeven) {
    if (identityService.createUserQuery().userId(gebruiker).count() != 1) {
      doorgeven.addFlashAttribute("fout", "Dit account bestaat niet. Er is niets gewijzigd.");
    } else if (actie.equals("herstellen")) {
      tweedeFactor.herstel(gebruiker, beheerder.getName());
      doorgeven.addFlashAttribute("melding", "De tweede factor van " + gebruiker + " is verwijderd, met alle "
          + "herstelcodes. Bij de volgende aanmelding stelt " + gebruiker + " een nieuwe in.");
    } else if (actie.equals("deblokkeren")) {
      tweedeFactor.deblokkeer(gebruiker, beheerder.getName());
      doorgeven.addFlashAttribute("melding", "De blokkade van " + gebruiker + " is opgeheven.");
    } else {
      doorgeven.addFlashAttribute("fout", "Kies 'Opnieuw laten instellen' of 'Blokkade opheffen'.");
    }
    return "redirect:/beheer/tweefactor";
  }

  private Regel regel(User user) {
    TweedeFactor.Status s = tweedeFactor.status(user.getId());
    String naam = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    String laatste = tweedeFactor.logboek(user.getId()).stream().findFirst()
        .map(g -> omschrijving(g.gebeurtenis()) + " " + tijd(g.op()) + (g.door() == null ? "" : " (" + g.door() + ")"))
        .orElse("");
    return new Regel(user.getId(), naam, beleid.isTechnischAccount(user.getId()), tijd(s.ingesteldOp()),
        s.geblokkeerd(), tijd(s.geblokkeerdTot()), s.ongebruikteHerstelcodes(), laatste);
  }

  private static String omschrijving(String gebeurtenis) {
    return switch (gebeurtenis) {
      case "INGESTELD" -> "ingesteld";
      case "TERUGGEZET" -> "teruggezet";
      case "GEBLOKKEERD" -> "geblokkeerd";
      case "BLOKKADE_OPGEHEVEN" -> "blokkade opgeheven";
      case "HERSTELCODE_GEBRUIKT" -> "herstelcode gebruikt";
      default -> gebeurtenis;
    };
  }

  private static String tijd(OffsetDateTime t) {
    return t == null ? "" : TIJD.format(t);
  }
}
