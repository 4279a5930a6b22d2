package nl.deurwaarder.avg.kantoor;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The office profile: the settings of the office that installs the product (the handbook's [NAAM-kantoor],
 * [NAAM-mailbox], the FG's contact details, whether Frisian is accepted, extra closing days).
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
    boolean friesToegestaan,
    List<LocalDate> sluitingsdagen) {

  public KantoorProfiel {
    sluitingsdagen = sluitingsdagen == null ? List.of() : List.copyOf(sluitingsdagen);
  }

  /** The languages a request may be written in (PH-PRO-01 §2.1 and its footnote on Frisian). */
  public String toegestaneTalen() {
    return friesToegestaan ? "Nederlands of Fries" : "Nederlands";
  }
}
