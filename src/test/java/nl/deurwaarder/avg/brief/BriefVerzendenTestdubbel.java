package nl.deurwaarder.avg.brief;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Test double for the letters component (branch {@code brieven}) until it lands on main: records every letter the
 * diagrams send (reference = business key, briefType and the other local input parameters). REMOVE when the real
 * bean {@code briefVerzenden} is merged.
 */
@Component("briefVerzenden")
public class BriefVerzendenTestdubbel implements JavaDelegate {

  public record Brief(String referentie, String briefType, Map<String, Object> parameters) {
  }

  private final List<Brief> verzonden = new CopyOnWriteArrayList<>();

  @Override
  public void execute(DelegateExecution execution) {
    Map<String, Object> parameters = new TreeMap<>(execution.getVariablesLocal());
    Object type = parameters.remove("briefType");
    if (type == null) {
      throw new IllegalStateException("Servicetaak zonder briefType");
    }
    verzonden.add(new Brief(execution.getProcessBusinessKey(), type.toString(), parameters));
  }

  public List<String> typen(String referentie) {
    return verzonden.stream().filter(b -> b.referentie().equals(referentie)).map(Brief::briefType).toList();
  }

  public List<Brief> brieven(String referentie) {
    return verzonden.stream().filter(b -> b.referentie().equals(referentie)).toList();
  }
}
