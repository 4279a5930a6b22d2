package nl.deurwaarder.avg.webformulier;

import java.util.Optional;
import nl.deurwaarder.avg.verzoek.VerzoekType;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;

/**
 * Deploys a one-task stand-in (src/test/resources/webformulier/) for every request procedure that is not deployed
 * yet, so that the intake can start a process while the real BPMNs are not on this branch; removes it afterwards.
 */
final class TestProcedures {

  private TestProcedures() {
  }

  /** The id of the stand-in deployment, or empty when every procedure was already deployed. */
  static Optional<String> zorgVoor(RepositoryService repositoryService) {
    DeploymentBuilder deployment = repositoryService.createDeployment().name("webformulier-test-procedures");
    boolean nodig = false;
    for (VerzoekType type : VerzoekType.values()) {
      if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(type.procesKey()).count() == 0) {
        deployment.addClasspathResource("webformulier/" + type.procesKey() + ".bpmn");
        nodig = true;
      }
    }
    return nodig ? Optional.of(deployment.deploy().getId()) : Optional.empty();
  }

  static void verwijder(RepositoryService repositoryService, Optional<String> deploymentId) {
    deploymentId.ifPresent(id -> repositoryService.deleteDeployment(id, true));
  }
}
