package nl.deurwaarder.avg.verzoekprocedure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.deurwaarder.avg.engine.Invoercontrole;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import nl.deurwaarder.avg.verzoek.Verificatiebewijs;
import nl.deurwaarder.avg.verzoek.VerzoekRegister;
import nl.deurwaarder.avg.verzoek.VerzoekerRol;
import nl.deurwaarder.avg.verzoek.VerzoekregisterInProces;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The steps of the shared call activity "Identiteit verifiëren" (bpmn/avg-identiteit-verifieren.bpmn, PH-PRO-01 §3)
 * that a diagram cannot do: showing what must be checked for the requester's role, restarting the 3-working-day
 * period when extra information arrives, and keeping the register's verification fields current.
 */
@Component("identiteitsverificatie")
public class IdentiteitsverificatieInProces {

  /** Where the warning after a negative verification goes (PH-PRO-01 §3.3): confirmed by the coordinator. */
  public static final String ADRES_VERZOEK = "ADRES_VERZOEK";
  public static final String ADRES_DOSSIER = "ADRES_DOSSIER";
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  private final VerzoekRegister register;
  private final VerzoekregisterInProces inProces;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  public IdentiteitsverificatieInProces(VerzoekRegister register, VerzoekregisterInProces inProces, Clock clock) {
    this.register = register;
    this.inProces = inProces;
    this.clock = clock;
  }

  /**
   * Start of the call: the 3 working days count from receipt ({@code verificatieVanaf}); the markdown
   * {@code teControlerenTekst} lists exactly what must be checked for the requester's role.
   */
  public void voorbereiden(DelegateExecution execution) {
    if (execution.getVariable("verificatieVanaf") == null) {
      Object ontvangen = execution.getVariable("ontvangenOp");
      execution.setVariable("verificatieVanaf", ontvangen != null ? ontvangen : Date.from(clock.instant()));
    }
    if (execution.getVariable("verificatieAltijd") == null) {
      execution.setVariable("verificatieAltijd", Boolean.FALSE);
    }
    VerzoekerRol rol = rol(execution);
    execution.setVariable("teControlerenTekst", teControleren(rol.name()));
    execution.setVariable("verzoekDoorDerde", rol.isDerde());
    execution.setVariable("verificatieBewijsOpties", bewijsopties(rol));
    String referentie = VerzoekregisterInProces.referentie(execution);
    if (referentie != null && execution.getVariable("betrokkeneAdresInVerzoek") == null) {
      var betrokkene = register.haal(referentie).betrokkene();
      String adres = java.util.stream.Stream.of(betrokkene.adres(), betrokkene.email())
          .filter(x -> x != null && !x.isBlank()).collect(Collectors.joining(" / "));
      execution.setVariable("betrokkeneAdresInVerzoek", adres.isEmpty() ? "(geen adres opgegeven)" : adres);
    }
  }

  /** The evidence the form's checklist offers for this role (Json [{label, value}], read through valuesKey). */
  Object bewijsopties(VerzoekerRol rol) {
    List<Map<String, String>> opties = rol.toegestaanBewijs().stream()
        .map(b -> Map.of("label", b.omschrijving(), "value", b.name())).toList();
    try {
      return SpinValues.jsonValue(json.writeValueAsString(opties)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static VerzoekerRol rol(VariableScope scope) {
    Object waarde = scope.getVariable("verzoekerRol");
    return waarde == null ? VerzoekerRol.BETROKKENE : VerzoekerRol.valueOf(waarde.toString());
  }

  /**
   * Complete of "Identiteit verifiëren", on the server (a task completed over REST meets the same rules as in
   * Tasklist): the ticked evidence must belong to the requester's role; a positive result needs the role's whole
   * rule (PH-PRO-01 §3.1/§3.2); a negative result needs the coordinator's confirmation of the data subject's address
   * known to the office, to which the warning goes (PH-PRO-01 §3.3), never the address only the requester gave.
   */
  public void controleerBewijs(DelegateTask task) {
    if (!"RESULTAAT".equals(task.getVariable("verificatieStap"))) {
      return;
    }
    VerzoekerRol rol = rol(task);
    List<Verificatiebewijs> aangevinkt = new ArrayList<>();
    for (String waarde : Invoercontrole.alsLijst(task.getVariable("verificatieMethode"))) {
      try {
        aangevinkt.add(Verificatiebewijs.valueOf(waarde));
      } catch (IllegalArgumentException e) {
        throw new OngeldigeInvoerException("Ongeldige waarde '" + waarde + "' voor 'verificatieMethode'.");
      }
    }
    Set<Verificatiebewijs> fout = rol.nietPassend(aangevinkt);
    if (!fout.isEmpty()) {
      throw new OngeldigeInvoerException("Dit bewijs hoort niet bij een verzoek van een " + rol.omschrijving() + ": "
          + fout.stream().map(Verificatiebewijs::omschrijving).collect(Collectors.joining("; ")) + ".");
    }
    String resultaat = String.valueOf(task.getVariable("verificatieResultaat"));
    if ("POSITIEF".equals(resultaat)) {
      if (aangevinkt.isEmpty()) {
        throw new OngeldigeInvoerException("Kies ten minste één waarde voor 'verificatieMethode': waarmee is de "
            + "identiteit vastgesteld?");
      }
      List<String> ontbrekend = rol.ontbrekend(aangevinkt);
      if (!ontbrekend.isEmpty()) {
        throw new OngeldigeInvoerException("Een positieve verificatie van een verzoek van een " + rol.omschrijving()
            + " vraagt ook: " + String.join("; en ", ontbrekend) + " (PH-PRO-01 §3). Ontbreekt dit, kies dan "
            + "'Aanvullende informatie opvragen' of een andere uitkomst.");
      }
    }
    if ("NEGATIEF".equals(resultaat)) {
      controleerWaarschuwingsadres(task);
    }
  }

  private static void controleerWaarschuwingsadres(VariableScope scope) {
    Object bron = scope.getVariable("waarschuwingAdres");
    if (!ADRES_VERZOEK.equals(bron) && !ADRES_DOSSIER.equals(bron)) {
      throw new OngeldigeInvoerException("Bevestig naar welk adres van de betrokkene de waarschuwing gaat "
          + "('waarschuwingAdres': het adres in het verzoek staat ook in ons dossier, of het adres uit het dossier). "
          + "Is de betrokkene niet bekend in onze dossiers, kies dan 'Geen verificatie mogelijk'.");
    }
    if (ADRES_DOSSIER.equals(bron)) {
      String adres = tekst(scope, "dossierAdres");
      String email = tekst(scope, "dossierEmail");
      if (adres.isEmpty() && email.isEmpty()) {
        throw new OngeldigeInvoerException("Vul het postadres of e-mailadres van de betrokkene uit het dossier in.");
      }
      if (adres.length() > 500 || email.length() > 254) {
        throw new OngeldigeInvoerException("Het adres uit het dossier is te lang.");
      }
      if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
        throw new OngeldigeInvoerException("'" + email + "' is geen geldig e-mailadres.");
      }
    }
  }

  private static String tekst(VariableScope scope, String naam) {
    Object waarde = scope.getVariable(naam);
    return waarde == null ? "" : waarde.toString().strip();
  }

  static String teControleren(Object rolWaarde) {
    VerzoekerRol rol = rolWaarde == null ? VerzoekerRol.BETROKKENE : VerzoekerRol.valueOf(rolWaarde.toString());
    StringBuilder md = new StringBuilder("**Verzoek gedaan door:** ").append(rol.omschrijving())
        .append("\n\n**Te controleren:**\n");
    rol.teControleren().forEach(r -> md.append("\n- ").append(r));
    return md.toString();
  }

  /** Completion of "Identiteit verifiëren": the outcome and method(s) go into the register. */
  public void vastleggen(DelegateTask task) {
    if (!"RESULTAAT".equals(task.getVariable("verificatieStap"))) {
      return;
    }
    Map<String, Object> velden = new LinkedHashMap<>();
    velden.put("verificatieResultaat", task.getVariable("verificatieResultaat"));
    velden.put("verificatieMethode",
        String.join(",", Invoercontrole.alsLijst(task.getVariable("verificatieMethode"))));
    register.wijzig(VerzoekregisterInProces.referentie(task.getExecution()), velden,
        inProces.gebruiker(task.getAssignee()));
  }

  /** The coordinator judged that no (extra) verification is needed (PH-PRO-05/06/07). */
  public void nietNodig(DelegateExecution execution) {
    uitkomst(execution, "NIET_NODIG");
  }

  /** No reply to the request for extra information in time: verification is not possible. */
  public void geenReactie(DelegateExecution execution) {
    uitkomst(execution, "GEEN_VERIFICATIE_MOGELIJK");
  }

  /** The extra information arrived: the 3 working days to verify count again from now. */
  public void aanvullendeInformatieOntvangen(DelegateTask task) {
    task.getExecution().setVariable("verificatieVanaf", Date.from(clock.instant()));
    task.getExecution().removeVariable("verificatieStap");
  }

  private void uitkomst(DelegateExecution execution, String resultaat) {
    execution.setVariable("verificatieResultaat", resultaat);
    register.wijzig(VerzoekregisterInProces.referentie(execution), Map.of("verificatieResultaat", resultaat),
        inProces.gebruiker(null));
  }
}
