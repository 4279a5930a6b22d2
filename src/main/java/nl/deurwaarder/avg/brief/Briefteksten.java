package nl.deurwaarder.avg.brief;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Fixed Dutch wording that letters look up by code: the rejection grounds (spec/domain.md {@code afwijzingsgronden})
 * in plain language, the advice of PH-PRO-04 Bijlage A per kind of leaked data, and the breach categories.
 * Templates use it as {@code teksten}.
 */
@Component
public class Briefteksten {

  private static final Map<String, String> AFWIJZINGSGRONDEN = Map.ofEntries(
      Map.entry("HERHAALD_VERZOEK", "U heeft minder dan drie maanden geleden hetzelfde verzoek bij ons ingediend. "
          + "Dat verzoek hebben wij al behandeld. Een herhaald, gelijk verzoek binnen drie maanden nemen wij niet "
          + "opnieuw in behandeling."),
      Map.entry("ONDUIDELIJK", "Ook nadat wij u om verduidelijking hebben gevraagd, is ons niet duidelijk geworden "
          + "wat u precies van ons vraagt."),
      Map.entry("ONREDELIJK_BELASTEND", "Het voldoen aan uw verzoek zou voor onze organisatie onredelijk "
          + "belastend zijn, gelet op de omvang en de aard van wat u vraagt."),
      Map.entry("GEEN_PERSOONSGEGEVENS", "Uw verzoek gaat niet over persoonsgegevens, dat wil zeggen gegevens die "
          + "over u als persoon gaan of waarmee u te herkennen bent."),
      Map.entry("STRIJD_MET_WETTELIJKE_VERPLICHTING", "Wij zijn wettelijk verplicht deze gegevens te verwerken. "
          + "Als gerechtsdeurwaarder voeren wij taken uit die de wet ons opdraagt, en daarvoor hebben wij deze "
          + "gegevens nodig."),
      Map.entry("STRIJD_MET_BEWAARTERMIJN", "Voor deze gegevens geldt een bewaartermijn: dossiers van een "
          + "gerechtsdeurwaarder moeten in beginsel tien jaar worden bewaard. Zolang die termijn loopt, mogen wij de "
          + "gegevens niet verwijderen."),
      Map.entry("KLACHT_OF_PROCEDURE", "Wij hebben deze gegevens nodig voor de behandeling van een klacht, een "
          + "bezwaar of een gerechtelijke procedure."),
      Map.entry("AMBTELIJKE_REGISTERRAADPLEGING", "Deze gegevens hebben wij ontvangen uit een register dat wij "
          + "voor ons werk moeten raadplegen, zoals de Basisregistratie Personen (BRP). Wij kunnen die gegevens niet "
          + "zelf wijzigen. Een correctie vraagt u aan bij de instantie die het register bijhoudt; voor de BRP is dat "
          + "uw gemeente."),
      Map.entry("GEEN_GROND_VOOR_BEPERKING", "Geen van de situaties waarin de wet beperking van de verwerking "
          + "toestaat (artikel 18, lid 1, van de AVG) doet zich voor."));

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

  public record Advies(String kop, List<String> punten) {
  }

  /** The plain-Dutch explanation of a rejection ground; an unknown code is shown as given. */
  public String afwijzingsgrond(String code) {
    return AFWIJZINGSGRONDEN.getOrDefault(code.strip(), code);
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
