package nl.deurwaarder.avg.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;

/**
 * The forms of a deployment, read from the deployment itself ({@link RepositoryService}) and parsed once per
 * deployment: a task with {@code camunda:formRefBinding="deployment"} is checked against exactly the form it was
 * deployed with, also after a newer deployment changed the form.
 */
public class Formuliercontract {

  private final Map<String, Map<String, Formulier>> perDeployment = new ConcurrentHashMap<>();
  private final Map<String, String> deploymentPerDefinitie = new ConcurrentHashMap<>();

  /** The form with this id ({@code camunda:formRef}) in the deployment of the process definition; null if none. */
  public Formulier formulier(RepositoryService repositoryService, String processDefinitionId, String formulierId) {
    String deploymentId = deploymentPerDefinitie.computeIfAbsent(processDefinitionId,
        id -> repositoryService.getProcessDefinition(id).getDeploymentId());
    return formulieren(repositoryService, deploymentId).get(formulierId);
  }

  /** Every form of the deployment by its id, parsed once. */
  public Map<String, Formulier> formulieren(RepositoryService repositoryService, String deploymentId) {
    return perDeployment.computeIfAbsent(deploymentId, id -> lees(repositoryService, id));
  }

  private static Map<String, Formulier> lees(RepositoryService repositoryService, String deploymentId) {
    Map<String, Formulier> formulieren = new LinkedHashMap<>();
    for (String naam : repositoryService.getDeploymentResourceNames(deploymentId)) {
      if (naam.endsWith(".form")) {
        try (InputStream in = repositoryService.getResourceAsStream(deploymentId, naam)) {
          Formulier f = Formulier.lees(naam, in);
          formulieren.put(f.id(), f);
        } catch (IOException e) {
          throw new IllegalStateException("Formulier " + naam + " niet leesbaar", e);
        }
      }
    }
    return Map.copyOf(formulieren);
  }
}
