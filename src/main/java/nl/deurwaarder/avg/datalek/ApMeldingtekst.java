package nl.deurwaarder.avg.datalek;

import java.util.List;
import nl.deurwaarder.avg.brief.Briefteksten;
import nl.deurwaarder.avg.kantoor.KantoorProfiel;
import org.springframework.stereotype.Component;

/**
 * The content of the AP notification (PH-PRO-04 §4.1), prepared from the register in the order of the sections of
 * the AP's online form, so that the coordinator can copy it over. Plain text, shown read-only in the forms.
 */
@Component
public class ApMeldingtekst {

  private final KantoorProfiel kantoor;
  private final Briefteksten teksten;

  public ApMeldingtekst(KantoorProfiel kantoor, Briefteksten teksten) {
    this.kantoor = kantoor;
    this.teksten = teksten;
  }

  public String opstellen(Datalek d) {
    StringBuilder s = new StringBuilder();
    s.append("Melding datalek aan de Autoriteit Persoonsgegevens — ").append(d.referentie()).append("\n\n");
    sectie(s, "1. Contactgegevens", kantoor.naam() + ", " + kantoor.adres() + ", " + kantoor.postcode() + " "
        + kantoor.plaats() + ". Contactpersoon: functionaris gegevensbescherming " + kantoor.fgNaam() + ", "
        + kantoor.fgEmail() + ", " + kantoor.fgTelefoon() + ".");
    sectie(s, "2. Soort melding", "VOORLOPIG".equals(d.tekst("apMeldingSoort")) ? "Voorlopige melding"
        : "DEFINITIEF".equals(d.tekst("apMeldingSoort")) ? "Definitieve melding"
        : "Nieuwe melding (voorlopig als nog niet alle feiten bekend zijn)");
    sectie(s, "3. Tijdlijn", "Ontdekt op " + DatalekInProces.MOMENT.format(d.ontdektOp())
        + "; intern gemeld op " + DatalekInProces.MOMENT.format(d.moment("gemeldOp"))
        + (d.tekst("verwerker") != null ? "; gemeld door verwerker " + d.tekst("verwerker") : "")
        + "; uiterste meldtermijn " + DatalekInProces.MOMENT.format(d.apMeldingUiterlijk()) + ".");
    sectie(s, "4. Aard van de inbreuk", waarde(d.tekst("omschrijving")) + categorieen(d.inbreukCategorieen()));
    sectie(s, "5. Getroffen persoonsgegevens en systemen", "Gegevens: " + waarde(d.tekst("getroffenGegevens"))
        + "\nSystemen: " + waarde(d.tekst("getroffenSystemen")));
    sectie(s, "6. Aantal betrokkenen", d.tekst("geschatAantalBetrokkenen") == null ? "nog niet bekend"
        : "geschat " + d.tekst("geschatAantalBetrokkenen"));
    sectie(s, "7. Genomen maatregelen (schadebeperking, bewijs)", waarde(eerste(d.tekst("schadebeperkendeMaatregelen"),
        d.tekst("afhandelingScenario"))) + (d.tekst("bewijsmateriaal") != null ? "\nBewijs veiliggesteld: "
        + d.tekst("bewijsmateriaal") : ""));
    sectie(s, "8. Mogelijke gevolgen voor betrokkenen", waarde(d.tekst("impactanalyse")));
    sectie(s, "9. Vervolgacties en corrigerende maatregelen", waarde(d.tekst("corrigerendeMaatregelen")));
    sectie(s, "10. Informeren van betrokkenen", Boolean.TRUE.equals(d.ja("betrokkenenGeinformeerd"))
        ? "Betrokkenen zijn geïnformeerd" : "Nog niet besloten; de FG overlegt met de AP (PH-PRO-04 §4.2)");
    return s.toString();
  }

  private String categorieen(List<String> c) {
    if (c == null || c.isEmpty()) {
      return "";
    }
    return "\nCategorie: " + String.join(", ", c.stream().map(teksten::inbreukcategorie).toList());
  }

  private static String eerste(String a, String b) {
    return a != null ? a : b;
  }

  private static String waarde(String s) {
    return s == null ? "nog niet bekend" : s;
  }

  private static void sectie(StringBuilder s, String kop, String tekst) {
    s.append(kop).append("\n").append(tekst).append("\n\n");
  }
}
