package nl.deurwaarder.avg.verzoek;

import java.util.List;

/**
 * Who files the request (PH-PRO-01 §3.2), with exactly what must be checked for that role before the request can be
 * handled. The verification task shows this list.
 */
public enum VerzoekerRol {
  BETROKKENE("de betrokkene zelf", List.of(
      "Kopie paspoort, rijbewijs of identiteitskaart (BSN en pasfoto afgeschermd), of",
      "de laatste 3 cijfers van het burgerservicenummer, of",
      "de combinatie van dossiernummer, achternaam, volledige voorletters en woonadres.",
      "Bij twijfel: vraag aanvullende informatie op.")),
  GEMACHTIGDE("informele gemachtigde (derde)", List.of(
      "Een door de betrokkene ondertekende verklaring die deze derde als gemachtigde aanwijst.",
      "Kopie van een geldig identiteitsbewijs van de betrokkene.",
      "Kopie van een geldig identiteitsbewijs van de verzoeker.")),
  WETTELIJK_VERTEGENWOORDIGER("wettelijk vertegenwoordiger", List.of(
      "Kopie van de beschikking waarbij de vertegenwoordiger is aangesteld.")),
  GEZAGHEBBER_MINDERJARIGE("gezaghebbende ouder of voogd van een kind jonger dan 16 jaar", List.of(
      "Officieel document met het burgerservicenummer van het kind waaruit het gezag blijkt.",
      "Kopie van het identiteitsbewijs van de verzoeker.")),
  BEWINDVOERDER("bewindvoerder", List.of(
      "Expliciete machtiging van de betrokkene voor dit verzoek.",
      "Controle dat de verzoeker bewindvoerder van de betrokkene is: beschikking of curatele- en bewindregister.",
      "Kopie van het identiteitsbewijs van de betrokkene (niet van de bewindvoerder).")),
  SCHULDHULPVERLENER("schuldhulpverlener", List.of(
      "Expliciete machtiging van de betrokkene voor dit verzoek.",
      "Controle dat de verzoeker schuldhulpverlener van de betrokkene is (beschikking of register).",
      "Kopie van het identiteitsbewijs van de betrokkene (niet van de schuldhulpverlener).")),
  ADVOCAAT("advocaat", List.of(
      "Geen kopie identiteitsbewijs van de advocaat nodig.",
      "Identiteit controleren via het briefpapier of navraag bij de Orde van Advocaten."));

  private final String omschrijving;
  private final List<String> teControleren;

  VerzoekerRol(String omschrijving, List<String> teControleren) {
    this.omschrijving = omschrijving;
    this.teControleren = teControleren;
  }

  public String omschrijving() {
    return omschrijving;
  }

  public List<String> teControleren() {
    return teControleren;
  }

  public boolean isDerde() {
    return this != BETROKKENE;
  }
}
