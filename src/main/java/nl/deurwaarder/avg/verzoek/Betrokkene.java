package nl.deurwaarder.avg.verzoek;

import java.time.LocalDate;

/** The data subject (betrokkene) whose personal data the request is about. */
public record Betrokkene(String naam, String email, String adres, LocalDate geboortedatum, String dossiernummer) {
}
