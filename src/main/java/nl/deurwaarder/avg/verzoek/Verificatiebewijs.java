package nl.deurwaarder.avg.verzoek;

/**
 * The evidence with which the privacy coordinator establishes the identity (and authority) of whoever filed a request
 * (PH-PRO-01 §3.1 and §3.2). Which evidence counts for which requester is {@link VerzoekerRol#bewijsregel()}.
 */
public enum Verificatiebewijs {
  IDENTITEITSBEWIJS("Kopie paspoort, rijbewijs of identiteitskaart van de betrokkene"),
  BSN_CIJFERS("Laatste 3 cijfers van het BSN van de betrokkene"),
  DOSSIERGEGEVENS("Dossiernummer, achternaam, volledige voorletters en woonadres van de betrokkene"),
  MACHTIGING("Door de betrokkene ondertekende machtiging voor dit verzoek"),
  IDENTITEITSBEWIJS_VERZOEKER("Kopie identiteitsbewijs van de verzoeker"),
  BESCHIKKING("Kopie van de beschikking waarbij de verzoeker is aangesteld"),
  BEWINDREGISTER("Curatele- en bewindregister geraadpleegd: de verzoeker is bewindvoerder van de betrokkene"),
  GEZAGSBEWIJS("Officieel document met het BSN van het kind waaruit het gezag van de verzoeker blijkt"),
  BRIEFPAPIER_OF_ORDE("Briefpapier van de advocaat of navraag bij de Orde van Advocaten");

  private final String omschrijving;

  Verificatiebewijs(String omschrijving) {
    this.omschrijving = omschrijving;
  }

  public String omschrijving() {
    return omschrijving;
  }
}
