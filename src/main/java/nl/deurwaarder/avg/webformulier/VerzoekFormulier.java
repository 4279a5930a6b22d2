package nl.deurwaarder.avg.webformulier;

/**
 * What the person typed in the website form, exactly as typed (also when it is wrong), so that the form can be shown
 * again without losing anything.
 */
public class VerzoekFormulier {

  private String verzoekType;
  private String naam;
  private String email;
  private String adres;
  private String geboortedatum;
  private String dossiernummer;
  private String telefoon;
  private String verzoekerRol;
  private String verzoekerNaam;
  private String verzoekerEmail;
  private String verzoekerOrganisatie;
  private String omschrijving;
  private String akkoord;

  public String getVerzoekType() {
    return verzoekType;
  }

  public void setVerzoekType(String verzoekType) {
    this.verzoekType = verzoekType;
  }

  public String getNaam() {
    return naam;
  }

  public void setNaam(String naam) {
    this.naam = naam;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getAdres() {
    return adres;
  }

  public void setAdres(String adres) {
    this.adres = adres;
  }

  public String getGeboortedatum() {
    return geboortedatum;
  }

  public void setGeboortedatum(String geboortedatum) {
    this.geboortedatum = geboortedatum;
  }

  public String getDossiernummer() {
    return dossiernummer;
  }

  public void setDossiernummer(String dossiernummer) {
    this.dossiernummer = dossiernummer;
  }

  public String getTelefoon() {
    return telefoon;
  }

  public void setTelefoon(String telefoon) {
    this.telefoon = telefoon;
  }

  public String getVerzoekerRol() {
    return verzoekerRol;
  }

  public void setVerzoekerRol(String verzoekerRol) {
    this.verzoekerRol = verzoekerRol;
  }

  public String getVerzoekerNaam() {
    return verzoekerNaam;
  }

  public void setVerzoekerNaam(String verzoekerNaam) {
    this.verzoekerNaam = verzoekerNaam;
  }

  public String getVerzoekerEmail() {
    return verzoekerEmail;
  }

  public void setVerzoekerEmail(String verzoekerEmail) {
    this.verzoekerEmail = verzoekerEmail;
  }

  public String getVerzoekerOrganisatie() {
    return verzoekerOrganisatie;
  }

  public void setVerzoekerOrganisatie(String verzoekerOrganisatie) {
    this.verzoekerOrganisatie = verzoekerOrganisatie;
  }

  public String getOmschrijving() {
    return omschrijving;
  }

  public void setOmschrijving(String omschrijving) {
    this.omschrijving = omschrijving;
  }

  public String getAkkoord() {
    return akkoord;
  }

  public void setAkkoord(String akkoord) {
    this.akkoord = akkoord;
  }
}
