package nl.deurwaarder.avg.verzoekprocedure;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * The people who can be appointed verantwoordelijke (group {@code medewerker}), as the options of a form select
 * ({@code valuesKey}): a Json variable [{label, value}] that Tasklist's Camunda Forms read.
 */
@Component("medewerkers")
public class Medewerkers {

  private final IdentityService identityService;
  private final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

  public Medewerkers(IdentityService identityService) {
    this.identityService = identityService;
  }

  public List<Map<String, String>> keuzes() {
    return identityService.createUserQuery().memberOfGroup("medewerker").orderByUserLastName().asc().list().stream()
        .map(u -> Map.of("label", naam(u) + " (" + u.getId() + ")", "value", u.getId())).toList();
  }

  /** Create listener: puts the options in variable {@code naam} of the task's process instance. */
  public void keuzelijst(DelegateTask task, String naam) {
    try {
      task.getExecution().setVariable(naam, SpinValues.jsonValue(json.writeValueAsString(keuzes())).create());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String naam(User u) {
    String naam = ((u.getFirstName() == null ? "" : u.getFirstName()) + " "
        + (u.getLastName() == null ? "" : u.getLastName())).trim();
    return naam.isEmpty() ? u.getId() : naam;
  }
}
