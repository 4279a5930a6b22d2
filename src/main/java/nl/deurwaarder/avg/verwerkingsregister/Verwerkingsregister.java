package nl.deurwaarder.avg.verwerkingsregister;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import nl.deurwaarder.avg.kantoor.KantoorProfiel;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The verwerkingsregister (AVG art. 30, PH-PRO-03): reading the published register (now or as of a date) and
 * publishing a new version. Every publication validates the WHOLE register (so a proposal breaking the basis-f rule
 * can never be published), writes it to the register tables and keeps the published state as a JSON snapshot.
 */
@Service
public class Verwerkingsregister {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private final VerwerkingsregisterOpslag opslag;
  private final Voorstellen voorstellen;
  private final Registervalidatie validatie;
  private final KantoorProfiel kantoor;
  private final ObjectMapper json;
  private final Clock clock;

  public Verwerkingsregister(VerwerkingsregisterOpslag opslag, Voorstellen voorstellen, Registervalidatie validatie,
      KantoorProfiel kantoor, ObjectMapper json, Clock clock) {
    this.opslag = opslag;
    this.voorstellen = voorstellen;
    this.validatie = validatie;
    this.kantoor = kantoor;
    this.json = json;
    this.clock = clock;
  }

  /** The register in force now (the last published version). */
  public Optional<RegisterVersie> gepubliceerd() {
    return opslag.laatsteVersienummer().map(this::versie);
  }

  /** The register in force on {@code peildatum} (the last version published before the end of that day). */
  public Optional<RegisterVersie> gepubliceerdOp(LocalDate peildatum) {
    OffsetDateTime eindeDag = peildatum.plusDays(1).atStartOfDay(AMSTERDAM).toOffsetDateTime();
    return opslag.versieVoor(eindeDag).map(this::versie);
  }

  /**
   * A published version never changes (the table is insert-only), so the last one read is kept: letters, the
   * art. 15 information and the checks read the register in force several times per request, and reading and parsing
   * its JSON snapshot each time was the largest block of application CPU outside letters and engine
   * (docs/performance.md). Each call still reads the version's row key (not its snapshot), so a version another node
   * publishes is seen at once and a number reused after a rolled-back publication is not mistaken for the old one.
   */
  private record Gelezen(VerwerkingsregisterOpslag.VersieSleutel sleutel, RegisterVersie versie) {
  }

  private final AtomicReference<Gelezen> laatstGelezen = new AtomicReference<>();

  public RegisterVersie versie(int versienummer) {
    VerwerkingsregisterOpslag.VersieSleutel sleutel = opslag.sleutel(versienummer).orElseThrow(
        () -> new IllegalArgumentException("Versie " + versienummer + " van het verwerkingsregister bestaat niet"));
    Gelezen bekend = laatstGelezen.get();
    if (bekend != null && bekend.sleutel().equals(sleutel)) {
      return bekend.versie();
    }
    RegisterVersie gelezen = lees(versienummer);
    laatstGelezen.set(new Gelezen(sleutel, gelezen));
    return gelezen;
  }

  private RegisterVersie lees(int versienummer) {
    String inhoud = opslag.inhoud(versienummer).orElseThrow(
        () -> new IllegalArgumentException("Versie " + versienummer + " van het verwerkingsregister bestaat niet"));
    try {
      RegisterVersie v = json.readValue(inhoud, RegisterVersie.class);
      return new RegisterVersie(v.versienummer(), v.versiedatum().atZoneSameInstant(AMSTERDAM).toOffsetDateTime(),
          v.gepubliceerdDoor(), v.omschrijving(), v.verwerkingsverantwoordelijke(),
          v.functionarisGegevensbescherming(), v.gezamenlijkeVerantwoordelijken(), v.secties());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Versie " + versienummer + " van het verwerkingsregister is onleesbaar", e);
    }
  }

  public List<VerwerkingsregisterOpslag.VersieRij> versies() {
    return opslag.versies();
  }

  /** Every broken rule of the register as it stands in the tables (empty when publishable). */
  public List<String> fouten(List<Sectie> secties) {
    List<String> fouten = new ArrayList<>();
    secties.stream().flatMap(s -> s.processen().stream()).flatMap(p -> p.verwerkingen().stream())
        .forEach(v -> fouten.addAll(validatie.fouten(v)));
    return fouten;
  }

  /**
   * Checks a proposal against the rules and against the published register (the process must exist; a new code must
   * be free; a change or withdrawal must name an existing processing). Throws with Dutch messages.
   */
  public void controleer(Voorstel.Soort soort, Verwerking v) {
    List<String> fouten = new ArrayList<>();
    Optional<Verwerking> bestaand = gepubliceerd().flatMap(r -> r.verwerking(v.code()));
    if (soort == Voorstel.Soort.NIEUW && bestaand.isPresent()) {
      fouten.add("Verwerking " + v.code() + " bestaat al; kies 'Wijziging' of een andere code.");
    }
    if (soort != Voorstel.Soort.NIEUW && bestaand.isEmpty()) {
      fouten.add("Verwerking " + v.code() + " staat niet in het gepubliceerde register.");
    }
    if (soort != Voorstel.Soort.VERVALLEN) {
      fouten.addAll(validatie.fouten(v));
      if (Registervalidatie.CODE.matcher(v.code()).matches() && !opslag.procesBestaat(v.procesCode())) {
        fouten.add("Verwerking " + v.code() + ": proces " + v.procesCode() + " bestaat niet in het procesmodel.");
      }
    }
    if (!fouten.isEmpty()) {
      throw new OngeldigeVerwerkingException(fouten);
    }
  }

  /** Publishes an approved proposal as a new version of the register. */
  @Transactional
  public RegisterVersie publiceer(long voorstelId, String gebruiker) {
    Voorstel voorstel = voorstellen.haal(voorstelId);
    if (voorstel.status() != Voorstel.Status.CONCEPT) {
      throw new IllegalStateException("Voorstel " + voorstelId + " is al " + voorstel.status());
    }
    controleer(voorstel.soort(), voorstel.verwerking());
    Verwerking v = voorstel.verwerking();
    if (voorstel.soort() == Voorstel.Soort.VERVALLEN) {
      opslag.verwijder(v.code());
    } else {
      opslag.schrijf(v);
    }
    String omschrijving = switch (voorstel.soort()) {
      case NIEUW -> "Nieuwe verwerking " + v.code() + " " + v.naam();
      case WIJZIGING -> "Wijziging verwerking " + v.code() + " " + v.naam();
      case VERVALLEN -> "Verwerking " + v.code() + " " + v.naam() + " vervallen";
    };
    RegisterVersie versie = publiceerStand(omschrijving, gebruiker, voorstelId);
    voorstellen.gepubliceerd(voorstelId, versie.versienummer());
    return versie;
  }

  /**
   * Publishes the register as it stands in the tables (used for the starting register). Refuses when any processing
   * breaks a rule.
   */
  @Transactional
  public RegisterVersie publiceerStand(String omschrijving, String gebruiker, Long voorstelId) {
    List<Sectie> secties = opslag.secties();
    List<String> fouten = fouten(secties);
    if (!fouten.isEmpty()) {
      throw new OngeldigeVerwerkingException(fouten);
    }
    int nummer = opslag.laatsteVersienummer().orElse(0) + 1;
    OffsetDateTime nu = OffsetDateTime.now(clock).atZoneSameInstant(AMSTERDAM).toOffsetDateTime();
    RegisterVersie versie = new RegisterVersie(nummer, nu, gebruiker, omschrijving,
        new RegisterVersie.Verantwoordelijke(kantoor.naam(), kantoor.adres(), kantoor.postcode(), kantoor.plaats(),
            kantoor.telefoon(), kantoor.privacyMailbox(), kantoor.website()),
        new RegisterVersie.Functionaris(kantoor.fgNaam(), kantoor.fgEmail(), kantoor.fgTelefoon()),
        opslag.gezamenlijk(), secties);
    try {
      opslag.slaVersieOp(nummer, nu, gebruiker, omschrijving, voorstelId, json.writeValueAsString(versie));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return versie;
  }
}
