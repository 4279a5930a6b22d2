package nl.deurwaarder.avg.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.AvgSpringTest;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The process owners' files as the engine holds them: {@code bpmn/} and {@code forms/} in one deployment named
 * {@code avg-procesapplicatie}, deployed once, every process with a history time-to-live, every form reference
 * resolvable.
 */
@AvgSpringTest
class ProcesDeploymentTest {

  @Autowired
  ProcesDeployment procesDeployment;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  FormService formService;

  private List<String> bronnamen() throws IOException {
    return procesDeployment.bronbestanden().stream().map(ProcesDeployment::resourceNaam).toList();
  }

  private Deployment laatsteDeployment() {
    return repositoryService.createDeploymentQuery().deploymentName(ProcesDeployment.DEPLOYMENT_NAAM)
        .orderByDeploymentTime().desc().listPage(0, 1).stream().findFirst().orElse(null);
  }

  /** The other tests of this class need the real files; while bpmn/ is empty they are skipped, and THIS fails. */
  private void vereisProcesmodellen() throws IOException {
    assumeTrue(bronnamen().stream().anyMatch(n -> n.startsWith("bpmn/") && n.endsWith(".bpmn")),
        "bpmn/ is empty: see bpmnContainsTheProcessModels");
  }

  // ====================================================================================================
  // THE assertion that fails while bpmn/ is still empty (the first real BPMNs come from another branch).
  // ====================================================================================================
  @Test
  void bpmnContainsTheProcessModels() throws IOException {
    assertThat(bronnamen()).as("BPMN files in bpmn/ on the classpath (bpmn/ must not be empty)")
        .anyMatch(n -> n.startsWith("bpmn/") && n.endsWith(".bpmn"));
  }

  @Test
  void theDeploymentHoldsExactlyTheFilesOfBpmnAndForms() throws IOException {
    vereisProcesmodellen();
    List<String> bronnen = bronnamen();
    assertThat(bronnen).allMatch(n -> n.startsWith("bpmn/") || n.startsWith("forms/"));
    Deployment deployment = laatsteDeployment();
    assertThat(deployment).as("deployment '%s'", ProcesDeployment.DEPLOYMENT_NAAM).isNotNull();
    assertThat(repositoryService.getDeploymentResources(deployment.getId())).extracting(Resource::getName)
        .containsExactlyInAnyOrderElementsOf(bronnen);
    // and with the same content
    Map<String, byte[]> inhoud = ProcesDeployment.inhoud(procesDeployment.bronbestanden());
    for (Map.Entry<String, byte[]> e : inhoud.entrySet()) {
      try (InputStream in = repositoryService.getResourceAsStream(deployment.getId(), e.getKey())) {
        assertThat(in.readAllBytes()).as("content of %s", e.getKey()).isEqualTo(e.getValue());
      }
    }
  }

  @Test
  void deployingAgainWithoutChangesCreatesNoNewDeployment() throws IOException {
    vereisProcesmodellen();
    Deployment voor = laatsteDeployment();
    long aantal = repositoryService.createDeploymentQuery().count();

    Deployment opnieuw = procesDeployment.deploy();

    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(aantal);
    assertThat(opnieuw.getId()).isEqualTo(voor.getId());
    assertThat(laatsteDeployment().getId()).isEqualTo(voor.getId());
  }

  @Test
  void everyProcessHasAHistoryTimeToLive() throws IOException {
    vereisProcesmodellen();
    List<ProcessDefinition> definities = repositoryService.createProcessDefinitionQuery()
        .deploymentId(laatsteDeployment().getId()).list();
    assertThat(definities).isNotEmpty().allSatisfy(d ->
        assertThat(d.getHistoryTimeToLive()).as("historyTimeToLive of %s", d.getKey()).isNotNull().isPositive());
  }

  /**
   * Every user task with a form: start an instance right before the task (listeners and input mappings skipped)
   * and fetch the task's deployed form the way Tasklist does. A task that cannot be created without process data
   * (e.g. its due date needs a variable) is reported, and its formRef is checked against the deployed forms.
   */
  @Test
  void everyFormRefOfAUserTaskResolvesToADeployedForm() throws IOException {
    vereisProcesmodellen();
    Deployment deployment = laatsteDeployment();
    List<String> fouten = new ArrayList<>();
    int opgehaald = 0;
    for (ProcessDefinition definitie : repositoryService.createProcessDefinitionQuery()
        .deploymentId(deployment.getId()).list()) {
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(definitie.getId());
      for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
        if (userTask.getCamundaFormRef() == null || !definitie.getKey().equals(procesVan(userTask).getId())) {
          continue; // no form, or a task of another process in the same file
        }
        ProcessInstance instance;
        try {
          instance = runtimeService.createProcessInstanceById(definitie.getId())
              .startBeforeActivity(userTask.getId()).execute(true, true);
        } catch (ProcessEngineException e) {
          continue; // cannot be created without process data; the static check below still covers its formRef
        }
        try {
          for (Task task : taskService.createTaskQuery().processInstanceId(instance.getId())
              .taskDefinitionKey(userTask.getId()).list()) {
            try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
              assertThat(form).isNotNull();
              assertThat(new String(form.readAllBytes())).contains("\"" + userTask.getCamundaFormRef() + "\"");
              opgehaald++;
            } catch (ProcessEngineException e) {
              fouten.add(definitie.getKey() + "/" + userTask.getId() + ": " + e.getMessage());
            }
          }
        } finally {
          runtimeService.deleteProcessInstance(instance.getId(), "formuliertest", true, true);
        }
      }
    }
    assertThat(fouten).as("forms Tasklist could not load").isEmpty();
    // every formRef (also of tasks that could not be started cheaply) names a form of the same deployment
    Map<String, byte[]> inhoud = ProcesDeployment.inhoud(procesDeployment.bronbestanden());
    assertThat(new ModelVerwijzingen(inhoud).fouten()).isEmpty();
    System.out.println("ProcesDeploymentTest: " + opgehaald + " taakformulieren opgehaald via formService");
  }

  private static Process procesVan(UserTask task) {
    ModelElementInstance e = task;
    while (!(e instanceof Process)) {
      e = e.getParentElement();
    }
    return (Process) e;
  }
}
