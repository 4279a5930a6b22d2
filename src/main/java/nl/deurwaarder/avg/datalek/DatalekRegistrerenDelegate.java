package nl.deurwaarder.avg.datalek;

import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.stream.Collectors;
import nl.deurwaarder.avg.termijn.Termijnberekening;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * "Melding registreren" (first step of {@code avg-datalek}): the "Datalek melden" start form of any employee, or the
 * API, goes into the Register datalekken. The register allocates the reference — a {@code referentie} submitted
 * with the form is overwritten — and the 72-hour deadline from the moment of discovery. Bad input is refused with
 * Dutch messages; nothing is registered or started.
 */
@Component("datalekRegistreren")
public class DatalekRegistrerenDelegate implements JavaDelegate {

  private final DatalekIntake intake;
  private final DatalekInProces inProces;
  private final DatalekRegister register;
  private final Termijnberekening termijn;
  private final IdentityService identityService;

  public DatalekRegistrerenDelegate(DatalekIntake intake, DatalekInProces inProces, DatalekRegister register,
      Termijnberekening termijn, IdentityService identityService) {
    this.register = register;
    this.intake = intake;
    this.inProces = inProces;
    this.termijn = termijn;
    this.identityService = identityService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String gebruiker = inProces.gebruiker(tekst(execution, "gemeldDoor"));
    NieuweDatalekmelding melding;
    try {
      String melderNaam = tekst(execution, "melderNaam");
      String melderEmail = tekst(execution, "melderEmail");
      User user = DatalekInProces.SYSTEEM.equals(gebruiker) ? null
          : identityService.createUserQuery().userId(gebruiker).singleResult();
      if (user != null && melderNaam == null) {
        melderNaam = (nvl(user.getFirstName()) + " " + nvl(user.getLastName())).strip();
      }
      if (user != null && melderEmail == null) {
        melderEmail = user.getEmail();
      }
      melding = new NieuweDatalekmelding(tekst(execution, "omschrijving"),
          moment(execution.getVariable("ontdektOp"), "ontdektOp"),
          bron(tekst(execution, "bron")), tekst(execution, "verwerker"),
          moment(execution.getVariable("verwerkerOntdektOp"), "verwerkerOntdektOp"),
          aantal(execution.getVariable("geschatAantalBetrokkenen")), tekst(execution, "getroffenSystemen"),
          tekst(execution, "getroffenGegevens"), melderNaam, melderEmail);
    } catch (IllegalArgumentException e) {
      throw new OngeldigeInvoerException("De melding is niet geregistreerd: " + e.getMessage());
    }
    Datalek d;
    try {
      d = intake.registreer(melding, gebruiker);
    } catch (OngeldigeDatalekmeldingException e) {
      throw new OngeldigeInvoerException("De melding is niet geregistreerd. " + e.fouten().values().stream()
          .collect(Collectors.joining(". ")) + ".");
    }
    execution.setProcessBusinessKey(d.referentie());
    execution.setVariable("referentie", d.referentie());
    execution.setVariable("gemeldDoor", gebruiker);
    execution.setVariable("bron", d.bron().name());
    execution.setVariable("ontdektOp", Date.from(d.ontdektOp().toInstant()));
    execution.setVariable("apMeldingUiterlijk", Date.from(d.apMeldingUiterlijk().toInstant()));
    execution.setVariable("apWaarschuwingOp", Date.from(d.apMeldingUiterlijk().minusHours(24).toInstant()));
    execution.setVariable("apGemeld", false);
    register.wijzig(d.referentie(), java.util.Map.of("processInstanceId", execution.getProcessInstanceId()),
        gebruiker);
  }

  private static String nvl(String s) {
    return s == null ? "" : s;
  }

  private static String tekst(DelegateExecution execution, String naam) {
    Object v = execution.getVariable(naam);
    return v == null || v.toString().isBlank() ? null : v.toString().strip();
  }

  private static Bron bron(String waarde) {
    if (waarde == null) {
      return null;
    }
    try {
      return Bron.valueOf(waarde);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("onbekende bron '" + waarde + "' (MEDEWERKER, VERWERKER of EXTERN)");
    }
  }

  private static Integer aantal(Object waarde) {
    if (waarde == null || waarde.toString().isBlank()) {
      return null;
    }
    if (waarde instanceof Number n) {
      return n.intValue();
    }
    try {
      return Integer.valueOf(waarde.toString().strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("het geschatte aantal betrokkenen is geen getal");
    }
  }

  private OffsetDateTime moment(Object waarde, String naam) {
    if (waarde == null || waarde.toString().isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.ofInstant(termijn.alsMoment(waarde, naam), DatalekRegister.AMSTERDAM);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("'" + waarde + "' is geen geldige datum en tijd");
    }
  }
}
