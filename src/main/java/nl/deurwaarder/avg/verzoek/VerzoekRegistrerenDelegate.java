package nl.deurwaarder.avg.verzoek;

import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import nl.deurwaarder.avg.termijn.Datuminvoer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Verzoek registreren en procedure starten": the Tasklist start form of staff (a letter, e-mail, counter or processor
 * request) goes through the same intake as the API. Bad input is refused with the Dutch messages of
 * {@link VerzoekValidatie}; Tasklist shows them and nothing is started.
 */
@Component("verzoekRegistreren")
public class VerzoekRegistrerenDelegate implements JavaDelegate {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private final VerzoekIntake intake;
  private final VerzoekregisterInProces inProces;
  private final java.time.Clock clock;

  public VerzoekRegistrerenDelegate(VerzoekIntake intake, VerzoekregisterInProces inProces, java.time.Clock clock) {
    this.intake = intake;
    this.inProces = inProces;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    NieuwVerzoek nieuw;
    try {
      nieuw = new NieuwVerzoek(
          enumOf(VerzoekType.class, tekst(execution, "verzoekType")),
          enumOf(Kanaal.class, tekst(execution, "kanaal")),
          ontvangenOp(execution.getVariable("ontvangenOp")),
          new Betrokkene(tekst(execution, "betrokkeneNaam"), tekst(execution, "betrokkeneEmail"),
              tekst(execution, "betrokkeneAdres"), datum(execution.getVariable("betrokkeneGeboortedatum")),
              tekst(execution, "betrokkeneDossiernummer")),
          new Verzoeker(enumOf(VerzoekerRol.class, tekst(execution, "verzoekerRol")),
              tekst(execution, "verzoekerNaam"), tekst(execution, "verzoekerEmail"),
              tekst(execution, "verzoekerOrganisatie")),
          tekst(execution, "omschrijving"),
          tekst(execution, "verwerker"),
          execution.getVariable("verwerkerOntvangenOp") == null ? null
              : ontvangenOp(execution.getVariable("verwerkerOntvangenOp")));
    } catch (IllegalArgumentException e) {
      throw new OngeldigeInvoerException("Het verzoek is niet geregistreerd: " + e.getMessage());
    }
    try {
      Verzoek verzoek = intake.registreer(nieuw, inProces.gebruiker(null));
      execution.setProcessBusinessKey(verzoek.referentie());
      execution.setVariable("referentie", verzoek.referentie());
    } catch (OngeldigVerzoekException e) {
      throw new OngeldigeInvoerException("Het verzoek is niet geregistreerd. " + e.fouten().values().stream()
          .collect(Collectors.joining(" ")));
    }
  }

  private static String tekst(DelegateExecution execution, String naam) {
    Object v = execution.getVariable(naam);
    return v == null ? null : v.toString();
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, String waarde) {
    if (waarde == null || waarde.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, waarde.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("onbekende waarde '" + waarde + "'");
    }
  }

  /** A date from the form (dd-mm-jjjj) counts as received that day: now when it is today, else at noon. */
  private OffsetDateTime ontvangenOp(Object waarde) {
    if (waarde == null || waarde.toString().isBlank()) {
      return null;
    }
    if (waarde instanceof Date d) {
      return d.toInstant().atZone(AMSTERDAM).toOffsetDateTime();
    }
    String s = waarde.toString().trim();
    try {
      if (s.length() > 10) {
        return OffsetDateTime.parse(s);
      }
      LocalDate dag = Datuminvoer.leesFormulierwaarde(s);
      ZonedDateTime nu = ZonedDateTime.now(clock.withZone(AMSTERDAM));
      return (dag.equals(nu.toLocalDate()) ? nu : dag.atTime(LocalTime.NOON).atZone(AMSTERDAM)).toOffsetDateTime();
    } catch (java.time.format.DateTimeParseException | Datuminvoer.OngeldigeDatumException e) {
      throw new IllegalArgumentException("'" + s + "' is geen datum (dd-mm-jjjj)");
    }
  }

  private static LocalDate datum(Object waarde) {
    try {
      return Datuminvoer.leesFormulierwaarde(waarde);
    } catch (Datuminvoer.OngeldigeDatumException e) {
      throw new IllegalArgumentException("'" + waarde + "' is geen datum (dd-mm-jjjj)");
    }
  }
}
