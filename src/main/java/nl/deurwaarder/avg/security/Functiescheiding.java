package nl.deurwaarder.avg.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Function separation of PH-ORG-02 §2.1: the functions the directie declared incompatible with the Functionaris
 * Gegevensbescherming (directeur, manager operations or chef de bureau, HR manager, manager ICT) are never held by
 * the same user. The pairs are configured ({@link FunctiescheidingInstellingen}). The product refuses to make a user
 * member of both groups of a pair, and refuses to let a user who is in both (e.g. through a direct database change)
 * log in.
 */
@Component
public class Functiescheiding {

  /** One incompatible pair of groups. */
  public record Paar(String groepA, String groepB) {

    boolean geschonden(Collection<String> groepen) {
      return groepen.contains(groepA) && groepen.contains(groepB);
    }

    /** Dutch message naming both functions. */
    public String melding() {
      return "Functiescheiding (PH-ORG-02): de functies " + naam(groepA) + " en " + naam(groepB)
          + " zijn niet verenigbaar. Een gebruiker kan niet tegelijk in de groepen '" + groepA + "' en '" + groepB
          + "' zitten.";
    }

    private static String naam(String groepId) {
      return Rol.vanGroep(groepId).map(Rol::naam).orElse("'" + groepId + "'");
    }
  }

  /** Generic message, for places that must not tell which groups a user holds (a refused login). */
  public static final String MELDING = "Functiescheiding (PH-ORG-02): deze gebruiker combineert functies die niet "
      + "verenigbaar zijn, zoals Functionaris Gegevensbescherming en directie, manager ICT, HR-manager of manager "
      + "operations. Een beheerder moet een van de lidmaatschappen opheffen.";

  private final IdentityService identityService;
  private final List<Paar> paren;

  public Functiescheiding(IdentityService identityService, FunctiescheidingInstellingen instellingen) {
    this.identityService = identityService;
    this.paren = instellingen.onverenigbaar().stream().map(p -> new Paar(p.get(0), p.get(1))).toList();
  }

  public List<Paar> paren() {
    return paren;
  }

  /** The first pair these groups together break, if any. */
  public Optional<Paar> schending(Collection<String> groepen) {
    return paren.stream().filter(p -> p.geschonden(groepen)).findFirst();
  }

  /** True when these groups together break the rule. */
  public boolean geschonden(Collection<String> groepen) {
    return schending(groepen).isPresent();
  }

  public Set<String> groepenVan(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).collect(Collectors.toSet());
  }

  /** The pair adding {@code userId} to {@code groepId} would break, if any. */
  public Optional<Paar> lidmaatschapSchending(String userId, String groepId) {
    Set<String> groepen = new HashSet<>(groepenVan(userId));
    groepen.add(groepId);
    return schending(groepen);
  }

  /** Would adding {@code userId} to {@code groepId} break the rule? */
  public boolean lidmaatschapGeweigerd(String userId, String groepId) {
    return lidmaatschapSchending(userId, groepId).isPresent();
  }

  public boolean gebruikerGeweigerd(String userId) {
    return userId != null && geschonden(groepenVan(userId));
  }

  /** Throws when the membership would break the rule; used by every place that creates memberships. */
  public void controleerLidmaatschap(String userId, String groepId) {
    Optional<Paar> paar = lidmaatschapSchending(userId, groepId);
    if (paar.isPresent()) {
      throw new FunctiescheidingException(paar.get().melding());
    }
  }

  public static class FunctiescheidingException extends IllegalStateException {
    public FunctiescheidingException(String melding) {
      super(melding);
    }
  }
}
