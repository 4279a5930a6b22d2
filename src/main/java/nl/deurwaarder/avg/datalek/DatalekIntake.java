package nl.deurwaarder.avg.datalek;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.deurwaarder.avg.termijn.Termijnberekening;
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

  public DatalekIntake(Referentienummers referentienummers, DatalekRegister register, Termijnberekening termijn,
      Clock clock) {
    this.referentienummers = referentienummers;
    this.register = register;
    this.termijn = termijn;
    this.clock = clock;
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
    return register.voegToe(referentie, jaar, nummer, m, nu, uiterlijk, verwerkerTijdig(m, nu), gebruiker);
  }

  /** Whether a processor told us within 24 hours of its own discovery; null when not a processor's report. */
  static Boolean verwerkerTijdig(NieuweDatalekmelding m, OffsetDateTime gemeldOp) {
    if (m.bron() != Bron.VERWERKER) {
      return null;
    }
    OffsetDateTime vanaf = m.verwerkerOntdektOp() != null ? m.verwerkerOntdektOp() : m.ontdektOp();
    return Duration.between(vanaf, gemeldOp).compareTo(Duration.ofHours(VERWERKER_UREN)) <= 0;
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
    return new NieuweDatalekmelding(schoon(m.omschrijving()), m.ontdektOp(), m.bron(), schoon(m.verwerker()),
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
