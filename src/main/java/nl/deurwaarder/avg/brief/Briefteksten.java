package nl.deurwaarder.avg.brief;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Fixed Dutch wording that letters look up by code: the rejection grounds (spec/domain.md {@code afwijzingsgronden})
 * in plain language — their sentences live in the decision table {@code bpmn/verzoekgronden.dmn}, read through
 * {@link Afwijzingsgrondteksten} —, the advice of PH-PRO-04 Bijlage A per kind of leaked data, and the breach
 * categories. Templates use it as {@code teksten}.
 */
@Component
public class Briefteksten {

  /** PH-PRO-04 Bijlage A, per kind of leaked data: a heading and the advice. */
  private static final Map<String, Advies> ADVIEZEN;

  static {
    Map<String, Advies> a = new LinkedHashMap<>();
    a.put("PORTAL_INLOG", new Advies("Inloggegevens van ons debiteurenportaal", List.of(
        "Wijzig uw wachtwoord of vraag een nieuw account aan.",
        "Gebruikt u hetzelfde wachtwoord ook voor andere accounts? Wijzig het dan ook daar.")));
    a.put("BSN", new Advies("Uw burgerservicenummer (BSN)", List.of(
        "Ga na of er sinds het datalek met uw DigiD is ingelogd en of daar ongebruikelijke activiteiten zijn "
            + "geweest (via Mijn DigiD).",
        "Blokkeer uw bestaande DigiD en vraag een nieuwe DigiD aan.")));
    a.put("IDENTITEITSBEWIJS", new Advies("Uw paspoortnummer of het nummer van uw identiteitsbewijs", List.of(
        "Vraag een nieuw paspoort of identiteitsbewijs aan.",
        "Let op mogelijk misbruik van uw identiteit, bijvoorbeeld het afsluiten van een telefoonabonnement of het "
            + "huren van een auto op uw naam.",
        "Meld zulk misbruik direct bij de politie en bij het Centraal Meldpunt Identiteitsfraude.")));
    ADVIEZEN = Map.copyOf(a);
  }

  private static final Map<String, String> INBREUKCATEGORIEEN = Map.of(
      "BESCHIKBAARHEID", "beschikbaarheid: gegevens waren (tijdelijk) niet beschikbaar of zijn verloren gegaan",
      "VERTROUWELIJKHEID", "vertrouwelijkheid: onbevoegden hebben gegevens kunnen inzien of hebben ze ontvangen",
      "INTEGRITEIT", "integriteit: gegevens zijn mogelijk onrechtmatig gewijzigd");

  private final Afwijzingsgrondteksten afwijzingsgronden;

  public Briefteksten(Afwijzingsgrondteksten afwijzingsgronden) {
    this.afwijzingsgronden = afwijzingsgronden;
  }

  public record Advies(String kop, List<String> punten) {
  }

  /** The plain-Dutch explanation of a rejection ground; an unknown code is shown as given. */
  public String afwijzingsgrond(String code) {
    return afwijzingsgronden.briefzin(code.strip()).orElse(code);
  }

  /** Bijlage A advice for a code (PORTAL_INLOG, BSN, IDENTITEITSBEWIJS), or {@code null} for an unknown code. */
  public Advies advies(String code) {
    return ADVIEZEN.get(code.strip());
  }

  public String inbreukcategorie(String code) {
    return INBREUKCATEGORIEEN.getOrDefault(code.strip(), code);
  }

  public static java.util.Set<String> adviescodes() {
    return ADVIEZEN.keySet();
  }
}
