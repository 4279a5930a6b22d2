package nl.deurwaarder.avg.verzoek;

import java.time.LocalDate;

/**
 * The data subject (betrokkene) whose personal data the request is about. {@code telefoon} is a mobile number for
 * the second channel of a secure delivery (access code or password by SMS), in international form (+31612345678).
 */
public record Betrokkene(String naam, String email, String adres, LocalDate geboortedatum, String dossiernummer,
    String telefoon) {

  /** Without a mobile number. */
  public Betrokkene(String naam, String email, String adres, LocalDate geboortedatum, String dossiernummer) {
    this(naam, email, adres, geboortedatum, dossiernummer, null);
  }
}
