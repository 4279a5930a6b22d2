package nl.deurwaarder.avg.verwerkingsregister;

import nl.deurwaarder.avg.engine.Procesgegeven;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The Java side of "Verwerking wijzigen (PH-PRO-03)" (bean {@code verwerkingWijzigen}): stores the proposal as a
 * draft, records the PIA and the FG's review, and publishes the approved proposal as a new version. Every step checks
 * the proposal against the register's rules; a broken rule refuses the form with the Dutch message.
 */
@Component("verwerkingWijzigen")
public class VerwerkingWijzigenInProces {

  static final String SYSTEEM = "systeem";

  private final Verwerkingsregister register;
  private final Voorstellen voorstellen;
  private final IdentityService identityService;
  private final java.time.Clock clock;
  private final PiaDossier piaDossier;

  public VerwerkingWijzigenInProces(Verwerkingsregister register, Voorstellen voorstellen,
      IdentityService identityService, java.time.Clock clock, PiaDossier piaDossier) {
    this.clock = clock;
    this.piaDossier = piaDossier;
    this.register = register;
    this.voorstellen = voorstellen;
    this.identityService = identityService;
  }

  /** Service task "Voorstel vastleggen": the start form becomes a draft (not visible in the published register). */
  public void vastleggen(DelegateExecution execution) {
    Voorstel.Soort soort = VoorstelFormulier.soort(execution);
    Verwerking v = gecontroleerd(execution, soort);
    String door = Optional.ofNullable(VoorstelFormulier.tekst(execution, "voorgesteldDoor")).orElse(gebruiker(null));
    String toelichting = VoorstelFormulier.tekst(execution, "toelichting");
    long id = voorstellen.nieuw(soort, v, toelichting, door, execution.getProcessInstanceId());
    execution.setProcessBusinessKey("VWR-" + id + " " + v.code());
    execution.setVariable("voorstelId", id);
    execution.setVariable("piaUitgevoerd", false);
    execution.setVariable("voorgesteldOp", java.util.Date.from(clock.instant()));
    bijwerkenVariabelen(execution, soort, v, toelichting);
  }

  /** Complete listener of "Voorstel aanpassen": the changed proposal replaces the draft. */
  public void bijwerken(DelegateTask task) {
    Voorstel.Soort soort = VoorstelFormulier.soort(task);
    Verwerking v = gecontroleerd(task, soort);
    String toelichting = VoorstelFormulier.tekst(task, "toelichting");
    voorstellen.wijzig(voorstelId(task), soort, v, toelichting);
    bijwerkenVariabelen(task.getExecution(), soort, v, toelichting);
    task.getExecution().setVariable("fgBesluit", null); // the FG decides again on the changed proposal
  }

  /** Complete listener of "Privacy impact assessment uitvoeren". */
  public void pia(DelegateTask task) {
    voorstellen.pia(voorstelId(task), VoorstelFormulier.tekst(task, "piaUitkomst"),
        String.valueOf(Optional.ofNullable(task.getVariable("piaCriteria")).orElse("[]")),
        VoorstelFormulier.tekst(task, "piaMaatregelen"));
    task.getExecution().setVariable("piaUitgevoerd", true);
  }

  /** Complete listener of "Voorstel beoordelen (FG)". */
  public void fgBeoordeling(DelegateTask task) {
    String door = gebruiker(task.getAssignee());
    voorstellen.fgBeoordeling(voorstelId(task), VoorstelFormulier.tekst(task, "fgBesluit"),
        VoorstelFormulier.tekst(task, "fgOpmerkingen"), door);
    task.getExecution().setVariable("fgBeoordeeldDoor", door);
  }

  /** Service task "Nieuwe versie publiceren": refuses (with the Dutch reasons) when the register rules are broken. */
  public void publiceren(DelegateExecution execution) {
    String door = Optional.ofNullable(VoorstelFormulier.tekst(execution, "fgBeoordeeldDoor")).orElse(SYSTEEM);
    long id = voorstelId(execution);
    PiaDossier.Stand pia = piaDossier.stand(id);
    if (!pia.publicatieToegestaan()) {
      throw new OngeldigeInvoerException("Niet gepubliceerd: de PIA laat een hoog restrisico zien en de voorafgaande "
          + "raadpleging van de AP (AVG art. 36) is niet afgerond zonder bezwaar.");
    }
    try {
      RegisterVersie versie = register.publiceer(id, door);
      if (pia.piaNodig() != null) {
        Voorstel v = voorstellen.haal(id);
        piaDossier.toets(v.verwerking().code(), PiaInProces.VOORSTEL, pia.piaNodig(), pia.piaGrond(),
            v.aangemaaktDoor(), execution.getProcessInstanceId());
      }
      execution.setVariable("registerversie", versie.versienummer());
    } catch (OngeldigeVerwerkingException e) {
      throw new OngeldigeInvoerException(e.getMessage());
    }
  }

  private Verwerking gecontroleerd(org.camunda.bpm.engine.delegate.VariableScope scope, Voorstel.Soort soort) {
    String code = VoorstelFormulier.tekst(scope, "verwerkingCode");
    Optional<Verwerking> bestaand = code == null ? Optional.empty()
        : register.gepubliceerd().flatMap(r -> r.verwerking(code));
    Verwerking v = VoorstelFormulier.verwerking(scope, soort == Voorstel.Soort.NIEUW ? Optional.empty() : bestaand);
    try {
      register.controleer(soort, v);
    } catch (OngeldigeVerwerkingException e) {
      throw new OngeldigeInvoerException("Het voorstel is niet vastgelegd. " + String.join(" ", e.fouten()));
    }
    return v;
  }

  private static void bijwerkenVariabelen(DelegateExecution execution, Voorstel.Soort soort, Verwerking v,
      String toelichting) {
    // the proposer's own judgement is one input of the decision table pia-nodig (which sets piaNodig)
    execution.setVariable("hoogRisico", soort != Voorstel.Soort.VERVALLEN && v.hoogRisico() ? "JA" : "NEE");
    execution.setVariable("voorstelSamenvatting", VoorstelFormulier.samenvatting(soort, v, toelichting));
  }

  private static long voorstelId(org.camunda.bpm.engine.delegate.VariableScope scope) {
    return Procesgegeven.getal(scope, "voorstelId", "het wijzigingsvoorstel");
  }

  private String gebruiker(String assignee) {
    Authentication auth = identityService.getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      return auth.getUserId();
    }
    return assignee != null ? assignee : SYSTEEM;
  }
}
