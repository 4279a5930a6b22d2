package nl.deurwaarder.avg.verzoek;

import java.util.Map;
import nl.deurwaarder.avg.engine.Registerbijhouding;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The FG's advice ({@code fgAdvies}, {@code fgToelichting}) of {@code bpmn/avg-fg-advies.bpmn} in the Register
 * AVG-verzoeken, on completion of the FG's task ({@link Registerbijhouding}). Only these two: the other register fields
 * a form of this procedure holds are written when the decision is final ({@code afwijkingMotivering} with the
 * deviation, {@code besluit} by {@code fgAdviesInProces.besluitBepalen}).
 */
@Component
public class FgAdviesInRegister implements Registerbijhouding {

  private final VerzoekregisterInProces verzoekregister;

  public FgAdviesInRegister(VerzoekregisterInProces verzoekregister) {
    this.verzoekregister = verzoekregister;
  }

  @Override
  public String proces() {
    return "avg-fg-advies";
  }

  @Override
  public Map<String, String> registervelden() {
    return Map.of("fgAdvies", "fgAdvies", "fgToelichting", "fgToelichting");
  }

  @Override
  public void overnemen(VariableScope stap, Map<String, Object> velden) {
    verzoekregister.overnemen(stap, velden);
  }
}
