package nl.deurwaarder.avg.verwerkingsregister;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Nieuwe versie van het register publiceren": runs in the FG's completion of the review task, so a proposal that
 * breaks a register rule (e.g. basis f outside business operations) refuses that completion with the Dutch reasons
 * and nothing is published.
 */
@Component("versiePubliceren")
public class VersiePubliceren implements JavaDelegate {

  private final VerwerkingWijzigenInProces inProces;

  public VersiePubliceren(VerwerkingWijzigenInProces inProces) {
    this.inProces = inProces;
  }

  @Override
  public void execute(DelegateExecution execution) {
    inProces.publiceren(execution);
  }
}
