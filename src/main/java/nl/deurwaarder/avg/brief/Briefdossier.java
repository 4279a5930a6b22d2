package nl.deurwaarder.avg.brief;

import java.util.Map;

/**
 * What a letter needs from the file it belongs to (a request in the Register AVG-verzoeken, or a breach): the
 * addressee and the file's data as template input. The keys of {@code gegevens} are those of docs/brieven.md.
 *
 * @param ontvangerNaam the addressee's name for the address block and salutation
 * @param ontvangerEmail where the letter is mailed; {@code null} when only a postal address is known
 * @param ontvangerAdres postal address (one line or several separated by newlines), may be {@code null}
 */
public record Briefdossier(String referentie, String ontvangerNaam, String ontvangerEmail, String ontvangerAdres,
    Map<String, Object> gegevens) {
}
