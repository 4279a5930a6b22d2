package nl.deurwaarder.avg.verzoekprocedure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * In which capacity a data subject appears in the office's data (PH-PRO-01 §1: usually "een debiteur /
 * justitiabele"), with the categories of data subjects of the verwerkingsregister that capacity stands for. The
 * coordinator names the capacities while screening; the processings of the published register that hold data of
 * those categories are the default content of the access reply's art. 15(1) information. Matching follows
 * {@code Artikel15Informatie}: "Debiteur" also matches "Gedaagde (debiteur)" and "Geëxecuteerde (debiteur)".
 */
public enum Hoedanigheid {
  DEBITEUR("Debiteur (ook als gedaagde of geëxecuteerde in een zaak tegen hem)", "Debiteur"),
  GEREKWIREERDE("Gerekwireerde (aan wie een exploot is betekend, ook bij een ontruiming)", "Gerekwireerde",
      "Partij bij het exploot"),
  SCHULDEISER("Schuldeiser of opdrachtgever (natuurlijk persoon)", "Opdrachtgever", "Schuldeiser", "Eiser"),
  CONTACTPERSOON_OPDRACHTGEVER("Contactpersoon van een opdrachtgever", "Contactpersoon opdrachtgever"),
  GEMACHTIGDE("Gemachtigde of schuldhulpverlener van een debiteur",
      "Gemachtigde of schuldhulpverlener van de debiteur"),
  HUISGENOOT("Huisgenoot, medebewoner of partner van een debiteur of gerekwireerde",
      "Huisgenoten van de gerekwireerde (bij afgifte van het afschrift)", "Medebewoners (ook minderjarigen)",
      "Partner van de geëxecuteerde (beslagvrije voet)"),
  DERDE_BIJ_BESLAG("Derde die eigendom claimt van beslagen zaken", "Derden die eigendom claimen"),
  KLAGER("Klager", "Klager"),
  MEDEWERKER("Medewerker of oud-medewerker van het kantoor", "Medewerker"),
  SOLLICITANT("Sollicitant", "Sollicitant"),
  BEZOEKER("Bezoeker van het kantoor", "Bezoeker");

  /** Every requester is in the Register AVG-verzoeken because of this very request (verwerking "Register AVG-verzoeken"). */
  static final String VERZOEKER = "Verzoeker";

  /** The default when the coordinator has not chosen yet: the handbook's usual requester. */
  static final Hoedanigheid STANDAARD = DEBITEUR;

  private final String omschrijving;
  private final List<String> registerbetrokkenen;

  Hoedanigheid(String omschrijving, String... registerbetrokkenen) {
    this.omschrijving = omschrijving;
    this.registerbetrokkenen = List.of(registerbetrokkenen);
  }

  public String omschrijving() {
    return omschrijving;
  }

  public List<String> registerbetrokkenen() {
    return registerbetrokkenen;
  }

  /** The register categories of the given capacities, plus the requester's own ("Verzoeker"). */
  static List<String> registerbetrokkenen(Collection<Hoedanigheid> hoedanigheden) {
    Set<String> alle = new LinkedHashSet<>();
    hoedanigheden.forEach(h -> alle.addAll(h.registerbetrokkenen));
    alle.add(VERZOEKER);
    return new ArrayList<>(alle);
  }
}
