package nl.deurwaarder.avg.verwerkingsregister;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One published state of the verwerkingsregister: the whole register as it was published, with its version number and
 * date. Stored as a JSON snapshot, so the register "as of a date" is exactly what was published then.
 */
public record RegisterVersie(
    int versienummer,
    OffsetDateTime versiedatum,
    String gepubliceerdDoor,
    String omschrijving,
    Verantwoordelijke verwerkingsverantwoordelijke,
    Functionaris functionarisGegevensbescherming,
    List<GezamenlijkeVerantwoordelijke> gezamenlijkeVerantwoordelijken,
    List<Sectie> secties) {

  /** Immutable, so that a published version can be shared between threads ({@link Verwerkingsregister#versie}). */
  public RegisterVersie {
    gezamenlijkeVerantwoordelijken = gezamenlijkeVerantwoordelijken == null ? List.of()
        : List.copyOf(gezamenlijkeVerantwoordelijken);
    secties = secties == null ? List.of() : List.copyOf(secties);
  }

  /** The controller: the office (AVG art. 30 lid 1 sub a). */
  public record Verantwoordelijke(String naam, String adres, String postcode, String plaats, String telefoon,
      String email, String website) {
  }

  /** The FG (data protection officer). */
  public record Functionaris(String naam, String email, String telefoon) {
  }

  public Stream<Verwerking> verwerkingen() {
    return secties.stream().flatMap(s -> s.processen().stream()).flatMap(p -> p.verwerkingen().stream());
  }

  public Optional<Verwerking> verwerking(String code) {
    return verwerkingen().filter(v -> v.code().equals(code)).findFirst();
  }
}
