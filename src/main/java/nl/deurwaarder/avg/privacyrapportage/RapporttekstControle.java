package nl.deurwaarder.avg.privacyrapportage;

import java.util.Set;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import nl.deurwaarder.avg.engine.Taakcontrole;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The texts of the privacy report (avg-privacyrapportage): the FG's conclusions and recommendations, the directie's
 * decision are filled in and at most {@value Privacyrapportage#MAX_TEKST} characters, so the archived report is never
 * empty or cut off. Refuses and changes nothing; {@link Privacyrapportage} records the texts afterwards.
 */
@Component
public class RapporttekstControle implements Taakcontrole {

  static final String CONCLUSIES = "avg-privacyrapportage:Task_ConclusiesFg";
  static final String BESLUIT = "avg-privacyrapportage:Task_BesluitDirectie";

  @Override
  public Set<String> taken() {
    return Set.of(CONCLUSIES, BESLUIT);
  }

  @Override
  public void controleer(DelegateTask taak) {
    if ("Task_ConclusiesFg".equals(taak.getTaskDefinitionKey())) {
      tekst(taak, "rapportConclusies", "de conclusies");
      tekst(taak, "rapportAanbevelingen", "de aanbevelingen");
    } else {
      tekst(taak, "rapportBesluit", "het besluit");
    }
  }

  private static void tekst(DelegateTask task, String naam, String wat) {
    Object v = task.getVariable(naam);
    if (v == null || v.toString().isBlank()) {
      throw new OngeldigeInvoerException("Vul " + wat + " in.");
    }
    if (v.toString().length() > Privacyrapportage.MAX_TEKST) {
      throw new OngeldigeInvoerException("De tekst van " + wat + " is te lang (hoogstens "
          + Privacyrapportage.MAX_TEKST + " tekens).");
    }
  }
}
