package nl.deurwaarder.avg.verzoekprocedure;

import nl.deurwaarder.avg.mail.Procesmail;
import nl.deurwaarder.avg.mail.Webadressen;
import nl.deurwaarder.avg.afwijking.Afwijkingenregister;
import java.util.LinkedHashSet;
import java.util.Set;
import nl.deurwaarder.avg.kantoor.KantoorProfiel;
import nl.deurwaarder.avg.verzoek.VerzoekregisterInProces;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The internal mails of the request procedures, as an {@code asyncBefore} service task with input parameter
 * {@code melding}: FG_AFWIJKING (the FG is told in writing why the coordinator deviates from the advice),
 * GEGEVENS_VERZAMELD (the coordinator is told the data are collected), HERINNERING (5 working days before the
 * deadline) and TERMIJN_VERSTREKEN (FG and directie). The mails name the reference, never the data subject.
 */
@Component("verzoekMelding")
public class VerzoekMelding implements JavaDelegate {

  private final Procesmail procesmail;
  private final KantoorProfiel kantoor;
  private final Afwijkingenregister afwijkingen;
  private final Webadressen adressen;

  public VerzoekMelding(Procesmail procesmail, KantoorProfiel kantoor, Afwijkingenregister afwijkingen,
      Webadressen adressen) {
    this.procesmail = procesmail;
    this.kantoor = kantoor;
    this.afwijkingen = afwijkingen;
    this.adressen = adressen;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String melding = String.valueOf(execution.getVariable("melding"));
    String ref = VerzoekregisterInProces.referentie(execution);
    String termijn = tekst(execution, "termijnTekst");
    String sleutel = execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + melding;
    switch (melding) {
      case "FG_AFWIJKING" -> {
        Set<String> aan = new LinkedHashSet<>();
        if (kantoor.fgEmail() != null && !kantoor.fgEmail().isBlank()) {
          aan.add(kantoor.fgEmail().trim());
        }
        aan.addAll(procesmail.adressenVanGroep("fg"));
        procesmail.verstuur(sleutel, ref, melding, aan, "Afwijking van uw advies bij verzoek " + ref,
            "Beste " + (kantoor.fgNaam() == null ? "FG" : kantoor.fgNaam()) + ",\n\n"
                + "Bij verzoek " + ref + " (" + tekst(execution, "onderwerp") + ") wijkt de privacycoördinator af van "
                + "uw advies (" + tekst(execution, "fgAdvies") + ").\n\n"
                + "Uw toelichting:\n" + tekst(execution, "fgToelichting") + "\n\n"
                + "Besluit: " + tekst(execution, "voorgenomenBesluit") + "\n\n"
                + "Motivering van de afwijking:\n" + tekst(execution, "afwijkingMotivering") + "\n\n"
                + "De afwijking is vastgelegd in het register afwijkingen FG-advies (PH-ORG-02 §3.1).\n\n"
                + "Archief van het verzoek: " + adressen.archief(ref) + "\n");
        afwijkingen.fgBericht(ref);
      }
      case "GEGEVENS_VERZAMELD" -> procesmail.verstuur(sleutel, ref, melding, coordinatoren(),
          "Gegevens verzameld voor verzoek " + ref,
          "De gegevens voor verzoek " + ref + " zijn verzameld volgens checklist PH-PRO-02 (door "
              + tekst(execution, "verantwoordelijke") + ").\nDe checklist en de niet-gevalideerde gegevens staan in "
              + "het archief van het verzoek: " + adressen.archief(ref) + "\n\nUiterste reactiedatum: " + termijn + ".\n");
      // one reminder per deadline, whichever step sends it (the deadline watch or the extension branch)
      case "HERINNERING" -> procesmail.verstuur(execution.getProcessInstanceId() + ":" + melding + ":" + termijn, ref,
          melding, coordinatoren(),
          "Herinnering: verzoek " + ref + " uiterlijk " + termijn + " beantwoorden",
          "Verzoek " + ref + " moet uiterlijk " + termijn + " beantwoord zijn. Over vijf werkdagen verloopt de "
              + "termijn; daarna worden de FG en de directie ingeschakeld.\n\n"
              + "Tasklist: " + adressen.tasklist() + "\nArchief van het verzoek: " + adressen.archief(ref) + "\n");
      case "TERMIJN_VERSTREKEN" -> {
        Set<String> aan = new LinkedHashSet<>();
        if (kantoor.fgEmail() != null && !kantoor.fgEmail().isBlank()) {
          aan.add(kantoor.fgEmail().trim());
        }
        aan.addAll(procesmail.adressenVanGroep("fg"));
        aan.addAll(procesmail.adressenVanGroep("directie"));
        procesmail.verstuur(sleutel + ":" + termijn, ref, melding, aan, "Termijn overschreden: verzoek " + ref,
            "De uiterste reactiedatum van verzoek " + ref + " (" + termijn + ") is verstreken zonder dat de reactie "
                + "is verzonden. In Tasklist staat de taak 'Termijn overschreden: escaleren' voor FG en directie.\n\n"
                + "Tasklist: " + adressen.tasklist() + "\nArchief van het verzoek: " + adressen.archief(ref) + "\n");
      }
      default -> throw new IllegalArgumentException("Onbekende melding: " + melding);
    }
  }

  private Set<String> coordinatoren() {
    Set<String> aan = procesmail.adressenVanGroep("privacycoordinator");
    if (aan.isEmpty() && kantoor.privacyMailbox() != null && !kantoor.privacyMailbox().isBlank()) {
      aan.add(kantoor.privacyMailbox().trim());
    }
    return aan;
  }

  private static String tekst(DelegateExecution execution, String naam) {
    Object waarde = execution.getVariable(naam);
    return waarde == null ? "-" : waarde.toString();
  }
}
