package nl.deurwaarder.avg.kantoor;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The office profile: the settings of the office that installs the product (the handbook's [NAAM-kantoor],
 * [NAAM-mailbox], the FG's contact details, whether Frisian is accepted). The office's closing days are
 * {@link nl.deurwaarder.avg.termijn.Kantoorsluitingsdagen}, used by the deadline component.
 */
@ConfigurationProperties("avg.kantoor")
public record KantoorProfiel(
    String naam,
    String adres,
    String postcode,
    String plaats,
    String telefoon,
    String website,
    String privacyMailbox,
    String fgNaam,
    String fgEmail,
    String fgTelefoon,
    boolean friesToegestaan) {

  /** The languages a request may be written in (PH-PRO-01 §2.1 and its footnote on Frisian). */
  public String toegestaneTalen() {
    return friesToegestaan ? "Nederlands of Fries" : "Nederlands";
  }
}
