package nl.deurwaarder.avg.afwijking;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Who took the decision of a task: the logged-in user who completes it, else its assignee. */
@Component
public class Besluitnemer {

  private final IdentityService identityService;

  public Besluitnemer(IdentityService identityService) {
    this.identityService = identityService;
  }

  public String van(DelegateTask task) {
    Authentication auth = identityService.getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      return auth.getUserId();
    }
    return task.getAssignee() != null ? task.getAssignee() : "systeem";
  }
}
