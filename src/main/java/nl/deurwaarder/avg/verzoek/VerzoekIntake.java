package nl.deurwaarder.avg.verzoek;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import nl.deurwaarder.avg.termijn.Termijnberekening;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a received request and starts its procedure, in one transaction: the next reference number, the register
 * entry with its deadline from the date of receipt, and the process instance with the reference as business key.
 * When anything fails nothing remains — no entry, no process, no used number.
 */
@Service
public class VerzoekIntake {

  private static final Logger LOG = LoggerFactory.getLogger(VerzoekIntake.class);
  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
  /** "5 maart 2026": how a deadline is shown to people. */
  public static final java.time.format.DateTimeFormatter NEDERLANDSE_DATUM =
      java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.forLanguageTag("nl-NL"));

  private final VerzoekValidatie validatie;
  private final Referentienummers referentienummers;
  private final VerzoekRegister register;
  private final VerzoekTermijnen termijnen;
  private final Termijnberekening termijn;
  private final RuntimeService runtimeService;
  private final Clock clock;

  public VerzoekIntake(VerzoekValidatie validatie, Referentienummers referentienummers, VerzoekRegister register,
      VerzoekTermijnen termijnen, Termijnberekening termijn, RuntimeService runtimeService, Clock clock) {
    this.validatie = validatie;
    this.referentienummers = referentienummers;
    this.register = register;
    this.termijnen = termijnen;
    this.termijn = termijn;
    this.runtimeService = runtimeService;
    this.clock = clock;
  }

  @Transactional
  public Verzoek registreer(NieuwVerzoek ontvangen, String gebruiker) {
    NieuwVerzoek v = normaliseer(ontvangen);
    validatie.controleer(v);
    int jaar = LocalDate.now(clock.withZone(AMSTERDAM)).getYear();
    int nummer = referentienummers.volgende("AVG", jaar);
    String referentie = Referentienummers.formatteer("AVG", jaar, nummer);
    LocalDate uiterste = termijnen.uiterste(v.verzoekType(), v.ontvangenOp());
    LocalDate wettelijk = termijnen.wettelijk(v.ontvangenOp());
    String herhaald = register.mogelijkHerhaald(v).orElse(null);
    register.voegToe(referentie, jaar, nummer, v, uiterste, wettelijk, herhaald, gebruiker);
    if (v.kanaal() == Kanaal.VERWERKER) {
      // PH-ORG-05 §8: recorded (with a history line) on the request; the processor's record reads it from there
      Map<String, Object> doorgestuurd = new HashMap<>();
      doorgestuurd.put("verwerker", validatie.verwerkerInRegister(v.verwerker()));
      doorgestuurd.put("verwerkerOntvangenOp", v.verwerkerOntvangenOp());
      doorgestuurd.put("verwerkerTijdig", termijnen.verwerkerTijdig(v.verwerkerOntvangenOp(), v.ontvangenOp()));
      register.wijzig(referentie, doorgestuurd, gebruiker);
    }
    ProcessInstance instance = runtimeService.createProcessInstanceByKey(v.verzoekType().procesKey())
        .businessKey(referentie)
        .setVariables(procesvariabelen(referentie, v, uiterste, wettelijk, herhaald))
        .execute();
    Verzoek verzoek = register.wijzig(referentie, Map.of("processInstanceId", instance.getId()), gebruiker);
    LOG.info("Verzoek {} geregistreerd ({} via {}), termijn {}", referentie, v.verzoekType(), v.kanaal(), uiterste);
    return verzoek;
  }

  /**
   * What a process needs to show and time the request; the rest (addresses, description) stays in the register,
   * so that Camunda's history holds as little personal data as possible.
   */
  private Map<String, Object> procesvariabelen(String referentie, NieuwVerzoek v, LocalDate uiterste,
      LocalDate wettelijk, String herhaald) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("referentie", referentie);
    vars.put("verzoekType", v.verzoekType().name());
    vars.put("kanaal", v.kanaal().name());
    vars.put("ontvangenOp", Date.from(v.ontvangenOp().toInstant()));
    vars.put("betrokkeneNaam", v.betrokkene().naam());
    vars.put("verzoekerRol", v.verzoekerRol().name());
    vars.put("uitersteReactiedatum", Date.from(termijn.eindeVanDag(uiterste).toInstant()));
    vars.put("termijnTekst", NEDERLANDSE_DATUM.format(uiterste));
    vars.put("wettelijkeUitersteDatum", Date.from(termijn.eindeVanDag(wettelijk).toInstant()));
    vars.put("wettelijkeTermijnTekst", NEDERLANDSE_DATUM.format(wettelijk));
    vars.put("mogelijkHerhaaldVan", herhaald);
    return vars;
  }

  /** Trims text, turns blanks into "not given", fills the date of receipt with now when absent. */
  NieuwVerzoek normaliseer(NieuwVerzoek v) {
    Betrokkene b = v.betrokkene() == null ? null : new Betrokkene(schoon(v.betrokkene().naam()),
        schoon(v.betrokkene().email()), schoon(v.betrokkene().adres()), v.betrokkene().geboortedatum(),
        schoon(v.betrokkene().dossiernummer()), Telefoonnummer.normaliseer(schoon(v.betrokkene().telefoon())));
    Verzoeker vz = v.verzoeker() == null ? null : new Verzoeker(v.verzoeker().rol(), schoon(v.verzoeker().naam()),
        schoon(v.verzoeker().email()), schoon(v.verzoeker().organisatie()));
    OffsetDateTime ontvangenOp = v.ontvangenOp() == null ? OffsetDateTime.now(clock) : v.ontvangenOp();
    return new NieuwVerzoek(v.verzoekType(), v.kanaal(), ontvangenOp, b, vz, schoon(v.omschrijving()),
        schoon(v.verwerker()), v.verwerkerOntvangenOp());
  }

  private static String schoon(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }
}
