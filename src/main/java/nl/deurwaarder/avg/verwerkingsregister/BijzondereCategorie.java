package nl.deurwaarder.avg.verwerkingsregister;

/** Special categories of personal data (AVG art. 9 lid 1; PH-ORG-01 §5.1). */
public enum BijzondereCategorie {
  RAS_ETNISCHE_AFKOMST("ras of etnische afkomst"),
  POLITIEKE_OPVATTINGEN("politieke opvattingen"),
  RELIGIE_LEVENSOVERTUIGING("religieuze of levensbeschouwelijke overtuigingen"),
  VAKBOND("lidmaatschap van een vakbond"),
  GENETISCH("genetische gegevens"),
  BIOMETRISCH("biometrische gegevens voor unieke identificatie"),
  GEZONDHEID("gezondheid"),
  SEKSUEEL("seksueel gedrag of seksuele gerichtheid");

  private final String omschrijving;

  BijzondereCategorie(String omschrijving) {
    this.omschrijving = omschrijving;
  }

  public String omschrijving() {
    return omschrijving;
  }
}
