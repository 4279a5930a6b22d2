package nl.deurwaarder.avg.verwerker;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** The rules of an entry of the register of processors; every broken rule as field → Dutch message. */
@Component
public class VerwerkerValidatie {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  private static final Pattern TELEFOON = Pattern.compile("[+0-9 ()-]{6,40}");

  private final Clock clock;

  public VerwerkerValidatie(Clock clock) {
    this.clock = clock;
  }

  public Map<String, String> fouten(VerwerkerGegevens g) {
    Map<String, String> f = new LinkedHashMap<>();
    LocalDate vandaag = LocalDate.now(clock.withZone(AMSTERDAM));
    if (leeg(g.naam())) {
      f.put("naam", "Vul de naam van de verwerker in.");
    } else {
      lengte(f, "naam", g.naam(), 200);
    }
    if (leeg(g.dienst())) {
      f.put("dienst", "Beschrijf de dienst die de verwerker voor het kantoor verricht.");
    } else {
      lengte(f, "dienst", g.dienst(), 2000);
    }
    lengte(f, "contactNaam", g.contactNaam(), 200);
    if (!leeg(g.contactEmail()) && (g.contactEmail().length() > 254 || !EMAIL.matcher(g.contactEmail()).matches())) {
      f.put("contactEmail", "Geen geldig e-mailadres.");
    }
    if (!leeg(g.contactTelefoon()) && !TELEFOON.matcher(g.contactTelefoon()).matches()) {
      f.put("contactTelefoon", "Geen geldig telefoonnummer (cijfers, spaties, +, - en haakjes).");
    }
    nietInToekomst(f, "overeenkomstGetekendOp", g.overeenkomstGetekendOp(), vandaag);
    if (g.overeenkomstEindigtOp() != null) {
      if (g.overeenkomstGetekendOp() == null) {
        f.put("overeenkomstEindigtOp", "Vul eerst in wanneer de overeenkomst is getekend.");
      } else if (g.overeenkomstEindigtOp().isBefore(g.overeenkomstGetekendOp())) {
        f.put("overeenkomstEindigtOp", "De overeenkomst kan niet eindigen voordat ze is getekend.");
      }
    }
    if (g.bezwaartermijnDagen() != null && (g.bezwaartermijnDagen() < 1 || g.bezwaartermijnDagen() > 365)) {
      f.put("bezwaartermijnDagen", "De bezwaartermijn is 1 tot en met 365 dagen.");
    }
    if (g.buitenEer()) {
      if (leeg(g.buitenEerLanden())) {
        f.put("buitenEerLanden", "Vermeld in welke landen buiten de EER de verwerker gegevens verwerkt.");
      }
      if (leeg(g.buitenEerWaarborg())) {
        f.put("buitenEerWaarborg", "Vermeld de waarborg voor de doorgifte (AVG hoofdstuk V), bijvoorbeeld een"
            + " adequaatheidsbesluit of modelcontractbepalingen.");
      }
    } else if (!leeg(g.buitenEerLanden()) || !leeg(g.buitenEerWaarborg())) {
      f.put("buitenEer", "Landen of een waarborg ingevuld, maar verwerking buiten de EER staat op nee.");
    }
    lengte(f, "buitenEerLanden", g.buitenEerLanden(), 1000);
    lengte(f, "buitenEerWaarborg", g.buitenEerWaarborg(), 2000);
    nietInToekomst(f, "laatsteAuditOp", g.laatsteAuditOp(), vandaag);
    nietInToekomst(f, "laatsteBeveiligingsrapportOp", g.laatsteBeveiligingsrapportOp(), vandaag);
    if (g.verwijderverklaringOp() != null) {
      if (g.overeenkomstEindigtOp() == null) {
        f.put("verwijderverklaringOp", "Een verklaring van verwijdering of teruggave hoort bij het einde van de"
            + " overeenkomst: vul eerst de einddatum in.");
      } else if (g.verwijderverklaringOp().isBefore(g.overeenkomstEindigtOp())) {
        f.put("verwijderverklaringOp", "De verklaring kan niet dateren van voor het einde van de overeenkomst.");
      } else {
        nietInToekomst(f, "verwijderverklaringOp", g.verwijderverklaringOp(), vandaag);
      }
    }
    return f;
  }

  private static void nietInToekomst(Map<String, String> f, String veld, LocalDate datum, LocalDate vandaag) {
    if (datum != null && datum.isAfter(vandaag)) {
      f.put(veld, "Mag niet in de toekomst liggen.");
    }
  }

  private static void lengte(Map<String, String> f, String veld, String waarde, int max) {
    if (waarde != null && waarde.length() > max) {
      f.put(veld, "Te lang (hoogstens " + max + " tekens).");
    }
  }

  static boolean leeg(String s) {
    return s == null || s.isBlank();
  }
}
