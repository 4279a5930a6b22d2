package nl.deurwaarder.avg.datalek;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.deurwaarder.avg.kantoor.VerwerkerTeLaatGemeld;
import nl.deurwaarder.avg.kantoor.Verwerkers;
import nl.deurwaarder.avg.termijn.Termijnberekening;
import org.springframework.context.ApplicationEventPublisher;
import nl.deurwaarder.avg.verzoek.Referentienummers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Validates a breach report and registers it: the next gap-free {@code DL-<jaar>-<nnnn>} number and the register
 * entry with its AP deadline = discovery + 72 hours (PH-PRO-04 §4.1, clock time), in the caller's transaction (the
 * process start of {@code avg-datalek}, so that a failed start leaves neither an entry nor a used number).
 */
@Service
public class DatalekIntake {

  /** Internal reporting deadline of a processor (PH-ORG-05 §7). */
  public static final int VERWERKER_UREN = 24;
  /** AP deadline after discovery (AVG art. 33, PH-PRO-04 §4.1). */
  public static final int AP_UREN = 72;

  private final Referentienummers referentienummers;
  private final DatalekRegister register;
  private final Termijnberekening termijn;
  private final Clock clock;
  private final Verwerkers verwerkers;
  private final ApplicationEventPublisher gebeurtenissen;

  public DatalekIntake(Referentienummers referentienummers, DatalekRegister register, Termijnberekening termijn,
      Clock clock, Verwerkers verwerkers, ApplicationEventPublisher gebeurtenissen) {
    this.referentienummers = referentienummers;
    this.register = register;
    this.termijn = termijn;
    this.clock = clock;
    this.verwerkers = verwerkers;
    this.gebeurtenissen = gebeurtenissen;
  }

  @Transactional
  public Datalek registreer(NieuweDatalekmelding ontvangen, String gebruiker) {
    NieuweDatalekmelding m = normaliseer(ontvangen);
    controleer(m);
    OffsetDateTime nu = DatalekRegister.nu(clock);
    int jaar = LocalDate.now(clock.withZone(DatalekRegister.AMSTERDAM)).getYear();
    int nummer = referentienummers.volgende("DL", jaar);
    String referentie = Referentienummers.formatteer("DL", jaar, nummer);
    OffsetDateTime uiterlijk = termijn.urenNa(m.ontdektOp().toInstant(), AP_UREN).toOffsetDateTime();
    Boolean tijdig = verwerkerTijdig(m, termijn);
    Datalek d = register.voegToe(referentie, jaar, nummer, m, nu, uiterlijk, tijdig, gebruiker);
    if (Boolean.FALSE.equals(tijdig)) {
      gebeurtenissen.publishEvent(new VerwerkerTeLaatGemeld(referentie, m.verwerker(), m.verwerkerOntdektOp(),
          m.ontdektOp()));
    }
    return d;
  }

  /**
   * Whether a processor told us within 24 hours of its own discovery (PH-ORG-05 §7, seed 004 §11): the office's own
   * awareness ({@code ontdektOp}, the moment the processor's report reached us) at the latest 24 clock hours after the
   * processor's discovery ({@code verwerkerOntdektOp}); clock time, so a DST change makes it 23 or 25 wall-clock hours.
   * Null when not a processor's report. The AP deadline is not moved by it: it runs from {@code ontdektOp} (AVG art.
   * 33(1) "after having become aware"; the processor's duty is art. 33(2)). See docs/verwerkers.md.
   */
  static Boolean verwerkerTijdig(NieuweDatalekmelding m, Termijnberekening termijn) {
    if (m.bron() != Bron.VERWERKER || m.verwerkerOntdektOp() == null || m.ontdektOp() == null) {
      return null;
    }
    Instant uiterlijk = termijn.urenNa(m.verwerkerOntdektOp().toInstant(), VERWERKER_UREN).toInstant();
    return !m.ontdektOp().toInstant().isAfter(uiterlijk);
  }

  /** Every rule of a report; throws with field → Dutch message. */
  public void controleer(NieuweDatalekmelding m) {
    Map<String, String> fouten = new LinkedHashMap<>();
    OffsetDateTime nu = OffsetDateTime.now(clock).plusMinutes(1);
    if (m.omschrijving() == null) {
      fouten.put("omschrijving", "Beschrijf wat er is gebeurd");
    } else if (m.omschrijving().length() > 10000) {
      fouten.put("omschrijving", "Te lang (hoogstens 10000 tekens)");
    }
    if (m.ontdektOp() == null) {
      fouten.put("ontdektOp", "Vul in wanneer het (mogelijke) datalek is ontdekt (datum en tijd)");
    } else if (m.ontdektOp().isAfter(nu)) {
      fouten.put("ontdektOp", "Mag niet in de toekomst liggen");
    } else if (m.ontdektOp().isBefore(nu.minusYears(10))) {
      fouten.put("ontdektOp", "Ligt meer dan 10 jaar in het verleden");
    }
    if (m.bron() == null) {
      fouten.put("bron", "Kies wie het datalek meldt: MEDEWERKER, VERWERKER of EXTERN");
    } else if (m.bron() == Bron.VERWERKER && m.verwerker() == null) {
      fouten.put("verwerker", "Vul de naam van de verwerker in");
    } else if (m.bron() == Bron.VERWERKER && verwerkers.naamInRegister(m.verwerker()).isEmpty()) {
      fouten.put("verwerker", "Deze verwerker staat niet in het register van verwerkers");
    }
    if (m.bron() == Bron.VERWERKER && m.verwerkerOntdektOp() == null) {
      fouten.put("verwerkerOntdektOp", "Vul in wanneer de verwerker het datalek ontdekte (datum en tijd)");
    }
    if (m.bron() != Bron.VERWERKER && m.verwerkerOntdektOp() != null) {
      fouten.put("verwerkerOntdektOp", "Alleen bij een melding door een verwerker");
    }
    if (m.verwerkerOntdektOp() != null) {
      if (m.verwerkerOntdektOp().isAfter(nu)) {
        fouten.put("verwerkerOntdektOp", "Mag niet in de toekomst liggen");
      } else if (m.ontdektOp() != null && m.verwerkerOntdektOp().isAfter(m.ontdektOp())) {
        fouten.put("verwerkerOntdektOp", "Kan niet later zijn dan het moment waarop wij het datalek ontdekten");
      }
    }
    lengte(fouten, "verwerker", m.verwerker(), 200);
    lengte(fouten, "getroffenSystemen", m.getroffenSystemen(), 4000);
    lengte(fouten, "getroffenGegevens", m.getroffenGegevens(), 4000);
    lengte(fouten, "melderNaam", m.melderNaam(), 200);
    lengte(fouten, "melderEmail", m.melderEmail(), 254);
    if (m.melderEmail() != null && !m.melderEmail().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      fouten.put("melderEmail", "Geen geldig e-mailadres");
    }
    if (m.geschatAantalBetrokkenen() != null && m.geschatAantalBetrokkenen() < 0) {
      fouten.put("geschatAantalBetrokkenen", "Mag niet negatief zijn");
    }
    if (!fouten.isEmpty()) {
      throw new OngeldigeDatalekmeldingException(fouten);
    }
  }

  private static void lengte(Map<String, String> fouten, String veld, String waarde, int max) {
    if (waarde != null && waarde.length() > max) {
      fouten.put(veld, "Te lang (hoogstens " + max + " tekens)");
    }
  }

  NieuweDatalekmelding normaliseer(NieuweDatalekmelding m) {
    String verwerker = schoon(m.verwerker());
    verwerker = verwerker == null ? null : verwerkers.naamInRegister(verwerker).orElse(verwerker);
    return new NieuweDatalekmelding(schoon(m.omschrijving()), m.ontdektOp(), m.bron(), verwerker,
        m.verwerkerOntdektOp(), m.geschatAantalBetrokkenen(), schoon(m.getroffenSystemen()),
        schoon(m.getroffenGegevens()), schoon(m.melderNaam()), schoon(m.melderEmail()));
  }

  private static String schoon(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }
}
