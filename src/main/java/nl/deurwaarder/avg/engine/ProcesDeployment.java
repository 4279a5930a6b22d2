package nl.deurwaarder.avg.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the process owners' files — every BPMN and DMN in {@code bpmn/} and every Camunda Form in {@code forms/} —
 * together as ONE deployment, so that {@code camunda:formRefBinding="deployment"} always finds its form.
 *
 * <p>Duplicate filtering compares the whole set with the previous deployment of the same name: when nothing changed,
 * nothing is deployed; when one file changed, the whole set is deployed again as a new version (deploying only the
 * changed file would leave a BPMN without its forms in its deployment). The engine takes a deployment lock, so two
 * nodes starting at once do not both deploy.
 *
 * <p>Before deploying, every {@link Formulierkeuzes} bean writes the choices of its decision table into the forms
 * (e.g. the grounds of {@code bpmn/verzoekgronden.dmn} into the four "Verzoek beoordelen" forms); see
 * {@link Formulierinvulling} and docs/formuliercontract.md.
 */
@Component
@Order(0)
public class ProcesDeployment implements ApplicationRunner {

  public static final String DEPLOYMENT_NAAM = "avg-procesapplicatie";
  public static final List<String> PATRONEN = List.of(
      "classpath*:bpmn/**/*.bpmn", "classpath*:bpmn/**/*.dmn", "classpath*:forms/**/*.form");

  private static final Logger LOG = LoggerFactory.getLogger(ProcesDeployment.class);

  private final RepositoryService repositoryService;
  private final ObjectProvider<Formulierkeuzes> keuzebronnen;
  private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  public ProcesDeployment(RepositoryService repositoryService, ObjectProvider<Formulierkeuzes> keuzebronnen) {
    this.repositoryService = repositoryService;
    this.keuzebronnen = keuzebronnen;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    deploy();
  }

  /** Deploys when something changed; returns the deployment in force. */
  public Deployment deploy() throws IOException {
    List<Resource> resources = bronbestanden();
    if (resources.isEmpty()) {
      LOG.warn("Geen procesmodellen gevonden in bpmn/ en forms/: niets gedeployed");
      return null;
    }
    Map<String, byte[]> inhoud = metKeuzes(inhoud(resources));
    List<String> fouten = new ModelVerwijzingen(inhoud).fouten();
    if (!fouten.isEmpty()) {
      throw new IllegalStateException("Procesmodellen niet gedeployed, verwijzingen kloppen niet: "
          + String.join("; ", fouten));
    }
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAAM)
        .source("bpmn/ en forms/")
        .enableDuplicateFiltering(false);
    inhoud.forEach((naam, bytes) -> builder.addInputStream(naam, new ByteArrayInputStream(bytes)));
    Deployment deployment = builder.deploy();
    LOG.info("Procesmodellen: {} bestanden in deployment {} ({})", resources.size(), deployment.getId(),
        deployment.getDeploymentTime());
    return deployment;
  }

  /** The files with the choices of every {@link Formulierkeuzes} written into the forms. */
  public Map<String, byte[]> metKeuzes(Map<String, byte[]> bestanden) throws IOException {
    Map<String, byte[]> uit = bestanden;
    for (Formulierkeuzes bron : keuzebronnen.orderedStream().toList()) {
      Map<String, byte[]> na = Formulierinvulling.vulIn(uit, bron);
      for (String naam : Formulierinvulling.gewijzigd(uit, na)) {
        LOG.warn("Formulier {}: keuzes uit {} overgenomen; het bestand in forms/ wijkt af van de tabel", naam,
            bron.bron());
      }
      uit = na;
    }
    return uit;
  }

  /** Deployment name to content, in a stable order. */
  public static Map<String, byte[]> inhoud(List<Resource> resources) throws IOException {
    Map<String, byte[]> inhoud = new LinkedHashMap<>();
    for (Resource resource : resources) {
      try (InputStream in = resource.getInputStream()) {
        inhoud.put(resourceNaam(resource), in.readAllBytes());
      }
    }
    return inhoud;
  }

  /** The files of bpmn/ and forms/ on the classpath, in a stable order. */
  public List<Resource> bronbestanden() throws IOException {
    List<Resource> all = new ArrayList<>();
    for (String pattern : PATRONEN) {
      for (Resource r : resolver.getResources(pattern)) {
        if (r.isReadable()) {
          all.add(r);
        }
      }
    }
    all.sort(Comparator.comparing(ProcesDeployment::resourceNaam));
    return all;
  }

  /** "bpmn/avg-inzageverzoek.bpmn", "forms/identiteit-verifieren.form": the name under which a file is deployed. */
  public static String resourceNaam(Resource resource) {
    try {
      String url = resource.getURL().toString();
      for (String root : List.of("/bpmn/", "/forms/")) {
        int i = url.lastIndexOf(root);
        if (i >= 0) {
          return url.substring(i + 1);
        }
      }
      return resource.getFilename();
    } catch (IOException e) {
      return resource.getFilename();
    }
  }
}
