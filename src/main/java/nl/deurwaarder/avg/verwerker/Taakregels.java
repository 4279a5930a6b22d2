package nl.deurwaarder.avg.verwerker;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What the guards of the processor cycle's tasks share. The forms declare their own constraints (required, values,
 * maxLength); a guard checks only the rules between fields, on completion (Tasklist and REST alike).
 */
final class Taakregels {

  private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

  private Taakregels() {
  }

  static String tekst(DelegateTask taak, String naam) {
    Object v = taak.getVariable(naam);
    return v == null || v.toString().isBlank() ? null : v.toString();
  }

  static void verplicht(DelegateTask taak, String naam, String melding) {
    if (tekst(taak, naam) == null) {
      throw new OngeldigeInvoerException(melding);
    }
  }

  static LocalDate datumNietInToekomst(DelegateTask taak, String naam, String label, Clock clock) {
    LocalDate d = Formulierdatum.lees(taak.getVariable(naam), label);
    if (d != null && d.isAfter(LocalDate.now(clock.withZone(AMSTERDAM)))) {
      throw new OngeldigeInvoerException(label + ": mag niet in de toekomst liggen.");
    }
    return d;
  }
}
