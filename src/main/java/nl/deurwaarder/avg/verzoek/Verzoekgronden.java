package nl.deurwaarder.avg.verzoek;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import nl.deurwaarder.avg.brief.Afwijzingsgrondteksten;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * The grounds on which a request is rejected or granted, from the deployed decision table
 * {@code bpmn/verzoekgronden.dmn} (the one place a process owner changes them): the FG's summary, the letter sentence,
 * the short label of the overview and the report, the list the report counts. The table is evaluated through the
 * public {@link DecisionService} once per deployed version and kept; a new version (a redeployment) is read on the
 * next call. The forms get the same rows at deployment, see {@link VerzoekgrondenInFormulieren}.
 */
@Component
public class Verzoekgronden implements Afwijzingsgrondteksten {

  private final RepositoryService repositoryService;
  private final DecisionService decisionService;
  private final IdentityService identityService;
  private final AtomicReference<Stand> stand = new AtomicReference<>();

  private record Stand(String definitieId, Grondentabel tabel) {
  }

  public Verzoekgronden(RepositoryService repositoryService, DecisionService decisionService,
      IdentityService identityService) {
    this.repositoryService = repositoryService;
    this.decisionService = decisionService;
    this.identityService = identityService;
  }

  /** The table of the latest deployed version. */
  public Grondentabel tabel() {
    return alsApplicatie(() -> {
      DecisionDefinition definitie = repositoryService.createDecisionDefinitionQuery()
          .decisionDefinitionKey(Grondentabel.BESLISSING).latestVersion().singleResult();
      if (definitie == null) {
        throw new IllegalStateException("Beslistabel '" + Grondentabel.BESLISSING + "' (" + Grondentabel.BESTAND
            + ") is niet gedeployed");
      }
      Stand huidig = stand.get();
      if (huidig != null && huidig.definitieId().equals(definitie.getId())) {
        return huidig.tabel();
      }
      Grondentabel tabel = Grondentabel.evalueer((type, soort) -> decisionService
          .evaluateDecisionById(definitie.getId())
          .variables(Map.of("verzoekType", type.name(), "soort", soort))
          .evaluate().getResultList());
      stand.set(new Stand(definitie.getId(), tabel));
      return tabel;
    });
  }

  public Optional<Verzoekgrond> grond(String code) {
    return code == null ? Optional.empty() : tabel().grond(code.strip());
  }

  /** The rejection grounds of all request types, each once, in the table's order (the report counts these). */
  public List<String> afwijzingsgronden() {
    return tabel().codes(Grondentabel.AFWIJZINGSGRONDEN);
  }

  @Override
  public Optional<String> briefzin(String code) {
    return grond(code).map(Verzoekgrond::briefTekst);
  }

  /** The FG's summary of a ground; an unknown code is given back as it is. */
  public String fgTekst(String code) {
    return grond(code).map(Verzoekgrond::fgTekst).orElse(code);
  }

  /** The short label of the overview and the report, or empty when the table gives none. */
  public Optional<String> kortLabel(String code) {
    return grond(code).map(Verzoekgrond::kortLabel);
  }

  /**
   * Reads the table as the application, not as the signed-in user: the grounds are configuration every task needs,
   * and a Tasklist user has no READ / CREATE_INSTANCE permission on decision definitions (authorization is on).
   * The user's authentication is put back afterwards.
   */
  private <T> T alsApplicatie(Supplier<T> werk) {
    var gebruiker = identityService.getCurrentAuthentication(); // the signature of IdentityService (public API)
    if (gebruiker == null) {
      return werk.get();
    }
    identityService.clearAuthentication();
    try {
      return werk.get();
    } finally {
      identityService.setAuthentication(gebruiker);
    }
  }
}
