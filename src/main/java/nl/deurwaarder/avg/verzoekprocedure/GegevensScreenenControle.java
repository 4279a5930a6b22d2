package nl.deurwaarder.avg.verzoekprocedure;

import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.engine.OngeldigeInvoerException;
import nl.deurwaarder.avg.engine.Taakcontrole;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * "Gegevens screenen" of an access request (PH-PRO-02): screened data may only go on when every screening step is
 * ticked; a question for the FG may leave them open.
 */
@Component
public class GegevensScreenenControle implements Taakcontrole {

  /** The screening steps of the form gegevens-screenen, with their labels. */
  private static final Map<String, String> STAPPEN = stappen();

  @Override
  public Set<String> taken() {
    return Set.of("avg-inzageverzoek:Task_GegevensScreenen");
  }

  @Override
  public void controleer(DelegateTask taak) {
    if (!Taakcontrole.is(taak, "screeningUitkomst", "GESCREEND")) {
      return;
    }
    List<String> open = STAPPEN.keySet().stream()
        .filter(k -> !Boolean.TRUE.equals(taak.getVariable(k))).toList();
    if (!open.isEmpty()) {
      throw new OngeldigeInvoerException("Nog niet afgevinkt: " + String.join(", ", open)
          + ". Rond eerst alle stappen af.");
    }
  }

  private static Map<String, String> stappen() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String k : List.of("screenKopie", "screenAlleenBetrokkene", "screenPersoonsgegevens", "screenInzagerecht",
        "screenDerden", "screenMetadata", "screenPapier", "screenGearchiveerd")) {
      m.put(k, k);
    }
    return m;
  }
}
