package nl.deurwaarder.avg.verzoek;

/**
 * One row of the decision table {@code bpmn/verzoekgronden.dmn}: a ground on which a request of {@code verzoekType}
 * is rejected or granted. {@code soort} is the form field it is chosen in ({@code afwijzingsgronden},
 * {@code toewijzingsgronden}, {@code beperkingsgronden}). {@code kortLabel}, {@code briefTekst} and {@code bron}
 * may be {@code null} (a grant ground has no letter sentence).
 */
public record Verzoekgrond(VerzoekType verzoekType, String soort, String code, String formulierLabel, String kortLabel,
    String fgTekst, String briefTekst, String bron) {
}
