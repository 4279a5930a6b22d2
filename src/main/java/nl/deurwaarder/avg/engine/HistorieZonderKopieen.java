package nl.deurwaarder.avg.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Camunda's history (level FULL) without copies: it writes every variable value to ACT_HI_VARINST and ACT_HI_DETAIL,
 * and at the end of a request updates all those rows once more (removal time). Two kinds of variables hold nothing
 * that the history must prove, and are left out of it (the runtime variables stay, so forms and steps work as before):
 * <ul>
 *   <li><b>display copies</b> ({@link Weergavekopie}): e.g. the request's text and facts on each of its tasks
 *       ({@code verzoekInTaak}, read from the Register AVG-verzoeken, which keeps the text and every change of it).
 *       Besides the cost (three rows per task) this keeps seven extra copies of the
 *       requester's text out of the history: data minimisation.</li>
 *   <li><b>input parameters of service and send tasks</b> ({@code camunda:inputParameter}): the letter type and the
 *       values a letter step is handed, constants of the diagram or copies of process variables whose history is
 *       written when they are set. What the step did is recorded where it belongs (the letter in {@code avg_brief} and
 *       the archive, the activity in Camunda's activity history).</li>
 * </ul>
 * What a person entered in a form, what a step decided and every process variable stay in the history as before.
 * A plugin: it wraps the engine's history event handler after initialisation (the engine looks the handler up at each
 * event). The input parameters are read from the deployed BPMN (public model API), once per process definition and
 * activity.
 */
@Component
public class HistorieZonderKopieen extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(HistorieZonderKopieen.class);

  private final ObjectProvider<Weergavekopie> kopieen;

  public HistorieZonderKopieen(ObjectProvider<Weergavekopie> kopieen) {
    this.kopieen = kopieen;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    Set<String> namen = kopieen.orderedStream().flatMap(k -> k.variabelen().stream())
        .collect(Collectors.toCollection(TreeSet::new));
    configuration.setHistoryEventHandler(
        new Filter(configuration.getHistoryEventHandler(), namen, configuration::getRepositoryService));
    LOG.info("Historie: weergavekopieën {} en invoerparameters van servicetaken worden niet in de historie geschreven",
        namen);
  }

  /** The engine's handler, without the events of copies. */
  static final class Filter implements HistoryEventHandler {

    private final HistoryEventHandler achter;
    private final Set<String> kopieen;
    private final Supplier<RepositoryService> repository;
    /** Per process definition id and activity id: the names of the activity's input parameters (service/send task). */
    private final Map<String, Set<String>> invoer = new ConcurrentHashMap<>();

    Filter(HistoryEventHandler achter, Set<String> kopieen, Supplier<RepositoryService> repository) {
      this.achter = achter;
      this.kopieen = Set.copyOf(kopieen);
      this.repository = repository;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!weglaten(event)) {
        achter.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      for (HistoryEvent event : events) {
        handleEvent(event);
      }
    }

    boolean weglaten(HistoryEvent event) {
      if (!(event instanceof HistoricVariableUpdateEventEntity variabele)) {
        return false;
      }
      if (kopieen.contains(variabele.getVariableName())) {
        return true;
      }
      // a variable of a child scope execution (not of the process instance) that is an input parameter of the
      // activity that execution runs (the activity instance id does not always name the activity: a long activity
      // id gets a bare UUID)
      String uitvoering = variabele.getExecutionId();
      String definitie = variabele.getProcessDefinitionId();
      if (definitie == null || uitvoering == null || uitvoering.equals(variabele.getProcessInstanceId())
          || variabele.getTaskId() != null) {
        return false;
      }
      String activiteit = activiteit(uitvoering);
      return activiteit != null && invoer.computeIfAbsent(definitie + '\n' + activiteit,
          k -> invoerparameters(definitie, activiteit)).contains(variabele.getVariableName());
    }

    /** The activity the execution runs, from the command's entity cache (it is there: it set the variable). */
    private static String activiteit(String uitvoering) {
      CommandContext context = Context.getCommandContext();
      if (context == null) {
        return null;
      }
      ExecutionEntity execution = context.getExecutionManager().findExecutionById(uitvoering);
      return execution == null ? null : execution.getCurrentActivityId();
    }

    private Set<String> invoerparameters(String definitie, String activiteit) {
      BpmnModelInstance model = repository.get().getBpmnModelInstance(definitie);
      if (model == null || !(model.getModelElementById(activiteit) instanceof BaseElement element)
          || !(element instanceof ServiceTask || element instanceof SendTask)
          || element.getExtensionElements() == null) {
        return Set.of();
      }
      return element.getExtensionElements().getElementsQuery().filterByType(CamundaInputOutput.class).list().stream()
          .flatMap(io -> io.getCamundaInputParameters().stream())
          .map(CamundaInputParameter::getCamundaName)
          .collect(Collectors.toUnmodifiableSet());
    }
  }
}
