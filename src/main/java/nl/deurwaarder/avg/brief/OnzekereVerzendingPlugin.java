package nl.deurwaarder.avg.brief;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/**
 * A letter in doubt ({@link VerzendingOnzekerException}) needs a person, not another automatic attempt: its job goes
 * straight to an incident (retries 0) instead of being retried per its {@code failedJobRetryTimeCycle}. Every other
 * failure is handled by Camunda's own retry strategy, unchanged.
 */
@Component
public class OnzekereVerzendingPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    FailedJobCommandFactory basis = configuration.getFailedJobCommandFactory() != null
        ? configuration.getFailedJobCommandFactory() : new DefaultFailedJobCommandFactory();
    configuration.setFailedJobCommandFactory(new Fabriek(basis));
  }

  static final class Fabriek implements FailedJobCommandFactory {
    private final FailedJobCommandFactory basis;

    Fabriek(FailedJobCommandFactory basis) {
      this.basis = basis;
    }

    @Override
    public Command<Object> getCommand(String jobId, Throwable exception) {
      Command<Object> standaard = basis.getCommand(jobId, exception);
      if (!isOnzeker(exception)) {
        return standaard;
      }
      return commandContext -> {
        Object resultaat = standaard.execute(commandContext);
        JobEntity job = commandContext.getJobManager().findJobById(jobId);
        if (job != null && job.getRetries() > 0) {
          job.setRetries(0); // creates the failedJob incident with the job's (Dutch) exception message
        }
        return resultaat;
      };
    }
  }

  static boolean isOnzeker(Throwable t) {
    for (Throwable e = t; e != null; e = e.getCause() == e ? null : e.getCause()) {
      if (e instanceof VerzendingOnzekerException) {
        return true;
      }
    }
    return false;
  }
}
