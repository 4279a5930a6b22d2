package nl.deurwaarder.avg.archief;

import java.util.Set;
import java.util.stream.Collectors;
import nl.deurwaarder.avg.security.BeveiligingsConfiguratie;
import nl.deurwaarder.avg.security.Functiescheiding;
import org.camunda.bpm.engine.TaskService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who may do what with the archive of one request or breach ("same login, same group rules; only privacy staff can
 * read it"):
 * <ul>
 *   <li>{@link Recht#LEZEN} (list, download and add): groups {@code privacycoordinator}, {@code fg}, {@code directie};</li>
 *   <li>{@link Recht#TOEVOEGEN} (add only, and see only what one added oneself): any other user with an open task
 *       (assignee or candidate, also through a group) in a process instance whose business key is the reference,
 *       e.g. the medewerker who collects the data;</li>
 *   <li>{@link Recht#GEEN} for everyone else, and for a user in both {@code fg} and {@code directie}
 *       (function separation, PH-ORG-02).</li>
 * </ul>
 */
@Component
public class ArchiefToegang {

  public enum Recht {
    GEEN, TOEVOEGEN, LEZEN;

    public boolean magLezen() {
      return this == LEZEN;
    }

    public boolean magToevoegen() {
      return this != GEEN;
    }
  }

  private static final Set<String> LEZERS = Set.of(BeveiligingsConfiguratie.REGISTERLEZERS);

  private final TaskService taskService;
  private final Functiescheiding functiescheiding;

  public ArchiefToegang(TaskService taskService, Functiescheiding functiescheiding) {
    this.taskService = taskService;
    this.functiescheiding = functiescheiding;
  }

  public Recht recht(Authentication gebruiker, String referentie) {
    if (gebruiker == null || !gebruiker.isAuthenticated() || gebruiker.getName() == null) {
      return Recht.GEEN;
    }
    Set<String> groepen = gebruiker.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .collect(Collectors.toSet());
    if (functiescheiding.geschonden(groepen)) {
      return Recht.GEEN;
    }
    if (groepen.stream().anyMatch(LEZERS::contains)) {
      return Recht.LEZEN;
    }
    return heeftOpenTaak(gebruiker.getName(), groepen, referentie) ? Recht.TOEVOEGEN : Recht.GEEN;
  }

  /** An open task of this request or breach that is assigned to the user or offered to the user or a group of his. */
  boolean heeftOpenTaak(String user, Set<String> groepen, String referentie) {
    if (taskService.createTaskQuery().processInstanceBusinessKey(referentie).taskAssignee(user).count() > 0) {
      return true;
    }
    if (taskService.createTaskQuery().processInstanceBusinessKey(referentie).taskCandidateUser(user).count() > 0) {
      return true;
    }
    return !groepen.isEmpty() && taskService.createTaskQuery().processInstanceBusinessKey(referentie)
        .taskCandidateGroupIn(groepen.stream().sorted().toList()).count() > 0;
  }
}
