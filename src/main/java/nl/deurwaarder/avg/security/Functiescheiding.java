package nl.deurwaarder.avg.security;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Function separation of PH-ORG-02 §2.1: the Functionaris Gegevensbescherming is never part of directie. The product
 * refuses to make a user member of both groups, and refuses to let a user who is in both (e.g. through a direct
 * database change) log in.
 */
@Component
public class Functiescheiding {

  public static final String MELDING = "Functiescheiding (PH-ORG-02): de Functionaris Gegevensbescherming mag geen "
      + "lid zijn van de directie. Een gebruiker kan niet tegelijk in de groepen 'fg' en 'directie' zitten.";

  private final IdentityService identityService;

  public Functiescheiding(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** True when these groups together break the rule. */
  public static boolean geschonden(Collection<String> groepen) {
    return groepen.contains(Rol.FG.groepId()) && groepen.contains(Rol.DIRECTIE.groepId());
  }

  public Set<String> groepenVan(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
  }

  /** Would adding {@code userId} to {@code groepId} break the rule? */
  public boolean lidmaatschapGeweigerd(String userId, String groepId) {
    Set<String> groepen = new java.util.HashSet<>(groepenVan(userId));
    groepen.add(groepId);
    return geschonden(groepen);
  }

  public boolean gebruikerGeweigerd(String userId) {
    return userId != null && geschonden(groepenVan(userId));
  }

  /** Throws when the membership would break the rule; used by every place that creates memberships. */
  public void controleerLidmaatschap(String userId, String groepId) {
    if (lidmaatschapGeweigerd(userId, groepId)) {
      throw new FunctiescheidingException();
    }
  }

  public static class FunctiescheidingException extends IllegalStateException {
    public FunctiescheidingException() {
      super(MELDING);
    }
  }
}
