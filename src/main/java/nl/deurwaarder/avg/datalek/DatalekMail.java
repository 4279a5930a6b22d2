package nl.deurwaarder.avg.datalek;

import java.util.LinkedHashSet;
import java.util.Set;
import nl.deurwaarder.avg.kantoor.KantoorProfiel;
import nl.deurwaarder.avg.mail.Procesmail;
import nl.deurwaarder.avg.mail.Webadressen;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The internal mails of the breach procedure (bean {@code datalekMail}, input parameter {@code mailSoort}): the
 * confirmation to the reporter, "inform directie at once" (§3.3), the 24-hour warning and the escalation when the
 * 72 hours have passed (§4.1), and the yearly trend analysis for directie (§6.2). Recipients are the members of the
 * role groups (their Camunda e-mail address); when a group has none, the privacy mailbox. The mails name the
 * reference and deadlines, never the data subjects. Used in {@code asyncBefore} steps with a retry cycle.
 */
@Component("datalekMail")
public class DatalekMail implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(DatalekMail.class);

  /** What a mail is about. */
  public enum Soort {
    BEVESTIGING_MELDER, DIRECTIE_DIRECT, WAARSCHUWING_24_UUR, TERMIJN_VERSTREKEN, TRENDANALYSE
  }

  private final Procesmail procesmail;
  private final DatalekRegister register;
  private final KantoorProfiel kantoor;
  private final Webadressen adressen;

  public DatalekMail(Procesmail procesmail, DatalekRegister register, KantoorProfiel kantoor, Webadressen adressen) {
    this.procesmail = procesmail;
    this.register = register;
    this.kantoor = kantoor;
    this.adressen = adressen;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Soort soort = Soort.valueOf(String.valueOf(execution.getVariable("mailSoort")));
    String ref = DatalekInProces.referentie(execution);
    String onderwerp;
    String tekst;
    Set<String> aan;
    if (soort == Soort.TRENDANALYSE) {
      aan = leden("directie");
      onderwerp = "Trendanalyse datalekken " + execution.getVariable("trendJaar") + " (" + ref + ")";
      tekst = "De functionaris gegevensbescherming heeft de jaarlijkse trendanalyse van de datalekken afgerond "
          + "(PH-PRO-04 §6.2). U vindt het rapport met de trends en aanbevelingen in Tasklist en in het archief onder "
          + ref + ". Besluit of aanvullende maatregelen nodig zijn.\n\n" + execution.getVariable("trendAanbevelingen");
    } else {
      Datalek d = register.haal(ref);
      String uiterlijk = DatalekInProces.MOMENT.format(d.apMeldingUiterlijk());
      switch (soort) {
        case BEVESTIGING_MELDER -> {
          aan = d.tekst("melderEmail") == null ? Set.of() : Set.of(d.tekst("melderEmail"));
          onderwerp = "Uw melding van een (mogelijk) datalek is geregistreerd: " + ref;
          tekst = "Beste melder,\n\nDank voor uw melding. Wij hebben deze geregistreerd in het register datalekken "
              + "onder kenmerk " + ref + " (ontdekt op " + DatalekInProces.MOMENT.format(d.ontdektOp()) + ").\n"
              + "De privacycoördinator beoordeelt de melding en neemt zo nodig contact met u op. Houd de informatie "
              + "over dit incident vertrouwelijk en meld aanvullende waarnemingen direct onder vermelding van het "
              + "kenmerk.\n\nMet vriendelijke groet,\n" + kantoor.naam();
        }
        case DIRECTIE_DIRECT -> {
          aan = leden("directie");
          onderwerp = "Direct melden: matig tot ernstig datalek " + ref;
          tekst = "Het datalek " + ref + " is beoordeeld als MATIG TOT ERNSTIG (PH-PRO-04 §3.3). Stel direct een "
              + "datalekteam samen (taak in Tasklist). Uiterste meldtermijn bij de AP: " + uiterlijk + ".";
        }
        case WAARSCHUWING_24_UUR -> {
          aan = leden("privacycoordinator", "directie");
          onderwerp = "Nog 24 uur: melding datalek " + ref + " bij de AP";
          tekst = "Het datalek " + ref + " is nog niet bij de Autoriteit Persoonsgegevens gemeld. De termijn van 72 "
              + "uur na ontdekking verstrijkt op " + uiterlijk + ". Doe zo nodig een voorlopige melding.";
        }
        case TERMIJN_VERSTREKEN -> {
          aan = leden("directie", "fg");
          onderwerp = "Termijn verstreken: datalek " + ref + " niet tijdig bij de AP gemeld";
          tekst = "De termijn van 72 uur na ontdekking van datalek " + ref + " is verstreken op " + uiterlijk
              + " zonder melding bij de AP. Zorg voor een melding zo snel mogelijk en leg de redenen van de "
              + "vertraging vast (taak in Tasklist).";
        }
        default -> throw new IllegalStateException(soort.name());
      }
    }
    if (soort != Soort.BEVESTIGING_MELDER) {
      tekst += "\n\nTasklist: " + adressen.tasklist() + "\nArchief: " + adressen.archief(ref) + "\n";
    }
    if (aan.isEmpty()) {
      if (soort == Soort.BEVESTIGING_MELDER) {
        LOG.info("Datalek {}: geen e-mailadres van de melder, geen bevestiging gemaild", ref);
        return;
      }
      aan = Set.of(kantoor.privacyMailbox());
    }
    // once per process step: a retried job does not mail again
    String sleutel = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + soort;
    if (procesmail.verstuur(sleutel, ref, "DATALEK_" + soort, aan, onderwerp, tekst)) {
      LOG.info("Datalek {}: mail {} verzonden aan {} ontvanger(s)", ref, soort, aan.size());
    }
  }

  private Set<String> leden(String... groepen) {
    Set<String> adressen = new LinkedHashSet<>();
    for (String groep : groepen) {
      adressen.addAll(procesmail.adressenVanGroep(groep));
    }
    return adressen;
  }
}
