package nl.deurwaarder.avg.brief;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import nl.deurwaarder.avg.brief.OnzekereBrieven.Uitkomst;
import nl.deurwaarder.avg.brief.Verzendregister.Verzending;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /beheer/brieven}: the letters whose sending is in doubt after an interrupted attempt, for ICT and the
 * administrators (the people who can read the mail server's log). Per letter: "Is aangekomen" or "Opnieuw verzenden".
 */
@Controller
public class VerzendcontrolePagina {

  private static final DateTimeFormatter TIJD = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss")
      .withZone(ZoneId.of("Europe/Amsterdam"));

  /** One line of the page. */
  public record Regel(long id, String referentie, String brief, String messageId, String gestartOp) {
    static Regel van(Verzending v) {
      OffsetDateTime t = v.verzendingGestartOp();
      return new Regel(v.id(), v.referentie(), v.onderwerp(), v.messageId(), t == null ? "" : TIJD.format(t));
    }
  }

  private final OnzekereBrieven onzekereBrieven;

  public VerzendcontrolePagina(OnzekereBrieven onzekereBrieven) {
    this.onzekereBrieven = onzekereBrieven;
  }

  @GetMapping("/beheer/brieven")
  public ModelAndView toon(Authentication gebruiker) {
    List<Regel> regels = onzekereBrieven.lijst().stream().map(Regel::van).toList();
    ModelAndView mav = new ModelAndView("beheer/brieven");
    mav.addObject("regels", regels);
    mav.addObject("gebruiker", gebruiker.getName());
    return mav;
  }

  @PostMapping("/beheer/brieven/{id}")
  public String beslis(@PathVariable long id, @RequestParam(name = "besluit", required = false) String besluit,
      Authentication gebruiker, RedirectAttributes doorgeven) {
    if (!"verzonden".equals(besluit) && !"opnieuw".equals(besluit)) {
      doorgeven.addFlashAttribute("fout", "Kies of de brief is aangekomen of opnieuw moet worden verzonden.");
      return "redirect:/beheer/brieven";
    }
    boolean verzonden = besluit.equals("verzonden");
    Uitkomst uitkomst = onzekereBrieven.beslis(id, verzonden, gebruiker.getName());
    switch (uitkomst) {
      case VASTGELEGD -> doorgeven.addFlashAttribute("melding", verzonden
          ? "Vastgelegd: de brief is aangekomen. De procedure gaat verder zonder de brief opnieuw te verzenden."
          : "Vastgelegd: de brief is niet aangekomen. Hij wordt nu opnieuw verzonden.");
      case NIET_ONZEKER -> doorgeven.addFlashAttribute("fout",
          "Over deze brief is al besloten of hij is niet (meer) onzeker. Er is niets gewijzigd.");
      case ONBEKEND -> doorgeven.addFlashAttribute("fout", "Deze brief bestaat niet. Er is niets gewijzigd.");
    }
    return "redirect:/beheer/brieven";
  }
}
