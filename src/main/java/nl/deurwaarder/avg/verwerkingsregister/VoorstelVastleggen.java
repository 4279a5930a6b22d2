package nl.deurwaarder.avg.verwerkingsregister;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Voorstel vastleggen als concept": a delegate (not an expression), so that a refused proposal reaches Tasklist as
 * the plain Dutch message of a {@link org.camunda.bpm.engine.BadUserRequestException}.
 */
@Component("voorstelVastleggen")
public class VoorstelVastleggen implements JavaDelegate {

  private final VerwerkingWijzigenInProces inProces;

  public VoorstelVastleggen(VerwerkingWijzigenInProces inProces) {
    this.inProces = inProces;
  }

  @Override
  public void execute(DelegateExecution execution) {
    inProces.vastleggen(execution);
  }
}
