package nl.deurwaarder.avg.verzoek;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The rules a new request must meet, the same for the API, the website form and the Tasklist start form. Messages are
 * Dutch and name the field; nothing is stored or started for a request that breaks one.
 */
@Component
public class VerzoekValidatie {

  static final Pattern EMAIL = Pattern.compile(
      "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
  static final Pattern DOSSIERNUMMER = Pattern.compile("^[A-Za-z0-9./\\- ]{1,64}$");
  /** Control characters other than tab and newline never belong in a name, address or description. */
  static final Pattern STUURTEKENS = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]|[\\uFFFD\\uFEFF]");
  static final Pattern LETTER = Pattern.compile("\\p{L}");
  static final Pattern OPMAAK = Pattern.compile("[<>]");

  private final Clock clock;
  private final nl.deurwaarder.avg.kantoor.Verwerkers verwerkers;

  public VerzoekValidatie(Clock clock, nl.deurwaarder.avg.kantoor.Verwerkers verwerkers) {
    this.clock = clock;
    this.verwerkers = verwerkers;
  }

  public void controleer(NieuwVerzoek v) {
    Map<String, String> fouten = fouten(v);
    if (!fouten.isEmpty()) {
      throw new OngeldigVerzoekException(fouten);
    }
  }

  public Map<String, String> fouten(NieuwVerzoek v) {
    Map<String, String> f = new LinkedHashMap<>();
    if (v.verzoekType() == null) {
      f.put("verzoekType", "Kies het soort verzoek: INZAGE, VERWIJDERING, CORRECTIE of BEPERKING.");
    }
    if (v.kanaal() == null) {
      f.put("kanaal", "Geef aan hoe het verzoek binnenkwam: WEBFORMULIER, EMAIL, BRIEF, BALIE of VERWERKER.");
    }
    OffsetDateTime nu = OffsetDateTime.now(clock);
    if (v.ontvangenOp() != null) {
      if (v.ontvangenOp().isAfter(nu.plusMinutes(5))) {
        f.put("ontvangenOp", "De datum van ontvangst ligt in de toekomst.");
      } else if (v.ontvangenOp().isBefore(nu.minusYears(1))) {
        f.put("ontvangenOp", "De datum van ontvangst ligt meer dan een jaar terug; controleer de datum.");
      }
    }
    verwerker(f, v, nu);
    Betrokkene b = v.betrokkene();
    if (b == null) {
      f.put("betrokkene.naam", "Vul de naam van de betrokkene in.");
    } else {
      naam(f, "betrokkene.naam", b.naam(), true, "de betrokkene");
      email(f, "betrokkene.email", b.email());
      if (!leeg(b.telefoon()) && !Telefoonnummer.geldig(b.telefoon())) {
        f.put("betrokkene.telefoon", "Dit is geen geldig mobiel nummer. Vul een Nederlands mobiel nummer in "
            + "(06 12345678) of een internationaal nummer met landcode (+32 470 12 34 56).");
      }
      tekst(f, "betrokkene.adres", b.adres(), 500, false);
      if (b.geboortedatum() != null) {
        LocalDate vandaag = LocalDate.now(clock);
        if (b.geboortedatum().isAfter(vandaag)) {
          f.put("betrokkene.geboortedatum", "De geboortedatum ligt in de toekomst.");
        } else if (b.geboortedatum().isBefore(LocalDate.of(1900, 1, 1))) {
          f.put("betrokkene.geboortedatum", "De geboortedatum ligt voor 1900; controleer de datum.");
        }
      }
      if (b.dossiernummer() != null && !b.dossiernummer().isBlank()
          && !DOSSIERNUMMER.matcher(b.dossiernummer().trim()).matches()) {
        f.put("betrokkene.dossiernummer",
            "Een dossiernummer bestaat uit hoogstens 64 letters, cijfers, punten, streepjes of schuine strepen.");
      }
      if (leeg(b.email()) && leeg(b.adres())
          && (v.verzoeker() == null || leeg(v.verzoeker().email()))) {
        f.put("betrokkene.email", "Vul een e-mailadres of een postadres in, zodat wij kunnen antwoorden.");
      }
    }
    Verzoeker vz = v.verzoeker();
    if (vz != null && vz.rol() != null && vz.rol().isDerde()) {
      naam(f, "verzoeker.naam", vz.naam(), true, "de verzoeker");
      email(f, "verzoeker.email", vz.email());
      tekst(f, "verzoeker.organisatie", vz.organisatie(), 200, false);
    }
    if (leeg(v.omschrijving())) {
      f.put("omschrijving", "Beschrijf kort wat het verzoek inhoudt.");
    } else {
      tekst(f, "omschrijving", v.omschrijving(), 10000, true);
    }
    return f;
  }

  private static void naam(Map<String, String> f, String veld, String naam, boolean verplicht, String wie) {
    if (leeg(naam)) {
      if (verplicht) {
        f.put(veld, "Vul de naam van " + wie + " in.");
      }
      return;
    }
    if (naam.length() > 200) {
      f.put(veld, "De naam is te lang (hoogstens 200 tekens).");
    } else if (STUURTEKENS.matcher(naam).find() || naam.contains("\n") || OPMAAK.matcher(naam).find()) {
      f.put(veld, "De naam bevat tekens die niet in een naam horen (zoals < of >).");
    } else if (!LETTER.matcher(naam).find()) {
      f.put(veld, "Een naam bevat ten minste één letter.");
    }
  }

  private static void email(Map<String, String> f, String veld, String email) {
    if (leeg(email)) {
      return;
    }
    if (email.length() > 254 || !EMAIL.matcher(email.trim()).matches()) {
      f.put(veld, "Dit is geen geldig e-mailadres.");
    }
  }

  private static void tekst(Map<String, String> f, String veld, String tekst, int max, boolean regelsToegestaan) {
    if (tekst == null) {
      return;
    }
    if (tekst.length() > max) {
      f.put(veld, "De tekst is te lang (hoogstens " + max + " tekens).");
    } else if (STUURTEKENS.matcher(tekst).find()) {
      f.put(veld, "De tekst bevat onleesbare tekens.");
    } else if (!regelsToegestaan && OPMAAK.matcher(tekst).find()) {
      f.put(veld, "De tekst bevat tekens die hier niet horen (zoals < of >).");
    }
  }

  static boolean leeg(String s) {
    return s == null || s.isBlank();
  }

  /** The exact name in the register of processors. */
  public String verwerkerInRegister(String naam) {
    return verwerkers.naamInRegister(naam).orElseThrow();
  }

  /** A processor's request names a processor of the register and when that processor received it. */
  private void verwerker(Map<String, String> f, NieuwVerzoek v, OffsetDateTime nu) {
    if (v.kanaal() != Kanaal.VERWERKER) {
      if (v.verwerker() != null || v.verwerkerOntvangenOp() != null) {
        f.put("verwerker", "Alleen bij een verzoek dat een verwerker doorstuurde (kanaal VERWERKER).");
      }
      return;
    }
    if (v.verwerker() == null || v.verwerker().isBlank()) {
      f.put("verwerker", "Kies de verwerker die het verzoek doorstuurde.");
    } else if (verwerkers.naamInRegister(v.verwerker()).isEmpty()) {
      f.put("verwerker", "Deze verwerker staat niet in het register van verwerkers.");
    }
    if (v.verwerkerOntvangenOp() == null) {
      f.put("verwerkerOntvangenOp", "Vul in wanneer de verwerker het verzoek zelf ontving.");
    } else if (v.verwerkerOntvangenOp().isAfter(nu.plusMinutes(5))) {
      f.put("verwerkerOntvangenOp", "Mag niet in de toekomst liggen.");
    } else if (v.ontvangenOp() != null && v.verwerkerOntvangenOp().isAfter(v.ontvangenOp())) {
      f.put("verwerkerOntvangenOp", "Kan niet later zijn dan het moment waarop het kantoor het verzoek ontving.");
    }
  }
}
