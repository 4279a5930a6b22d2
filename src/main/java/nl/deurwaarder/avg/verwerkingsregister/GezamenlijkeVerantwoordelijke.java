package nl.deurwaarder.avg.verwerkingsregister;

/** A (category of) joint controller (PH-ALG-03 §3.2), e.g. the colleague bailiff who gives an official assignment. */
public record GezamenlijkeVerantwoordelijke(String code, String naam, String omschrijving, String contact) {
}
