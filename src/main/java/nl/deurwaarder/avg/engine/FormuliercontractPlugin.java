package nl.deurwaarder.avg.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The deployed form is the task's contract: every user task with a {@code camunda:formRef} gets one built-in
 * {@code complete} listener (it runs before the diagram's own listeners) that checks the completion against that
 * form ({@link Formuliercontrole}: required, types, choices, lengths, patterns, hidden fields) and then the task's
 * {@link Taakcontrole} guard, if one exists for its task definition key. Over REST and Tasklist alike a broken rule
 * refuses the completion with a Dutch message naming the field ({@link OngeldigeInvoerException}, 400 through
 * {@link OngeldigeInvoerFilter}); the transaction rolls back, so nothing changes. Every user task also gets one
 * built-in {@code create} listener that runs its procedure's {@link Taakbijhouding} (register bookkeeping that
 * belongs to every task), instead of the same listener on each task in the diagram.
 *
 * <p>Only the parse hook uses the engine's {@code impl} API (there is no public one for it); the check itself uses
 * the public {@code DelegateTask} and {@code RepositoryService}.
 */
@Component
public class FormuliercontractPlugin extends AbstractProcessEnginePlugin {

  private final Formuliercontract contract = new Formuliercontract();
  private final ObjectProvider<Taakcontrole> controles;
  private final ObjectProvider<Taakbijhouding> bijhoudingen;

  public FormuliercontractPlugin(ObjectProvider<Taakcontrole> controles,
      ObjectProvider<Taakbijhouding> bijhoudingen) {
    this.controles = controles;
    this.bijhoudingen = bijhoudingen;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior gedrag)) {
          return;
        }
        gedrag.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, FormuliercontractPlugin
            .this::bijhouden);
        String formRef = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
        if (formRef != null) {
          gedrag.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
              new Controle(formRef));
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  public Formuliercontract contract() {
    return contract;
  }

  /** The create hook of every user task: the {@link Taakbijhouding} of its procedure, if any. */
  private void bijhouden(DelegateTask taak) {
    String proces = taak.getProcessDefinitionId().split(":")[0];
    bijhoudingen.orderedStream().filter(b -> b.proces().equals(proces)).forEach(b -> b.taakAangemaakt(taak));
  }

  /** The complete listener of one user task. */
  private final class Controle implements TaskListener {
    private final String formRef;

    Controle(String formRef) {
      this.formRef = formRef;
    }

    @Override
    public void notify(DelegateTask taak) {
      Formulier formulier = contract.formulier(taak.getProcessEngineServices().getRepositoryService(),
          taak.getProcessDefinitionId(), formRef);
      if (formulier == null) {
        throw new IllegalStateException("Formulier '" + formRef + "' van taak " + taak.getTaskDefinitionKey()
            + " staat niet in de deployment");
      }
      Formuliercontrole.controleer(formulier, taak::getVariable);
      String proces = taak.getProcessDefinitionId().split(":")[0];
      controles.orderedStream().filter(c -> c.taken().contains(taak.getTaskDefinitionKey())
              || c.taken().contains(proces + ":" + taak.getTaskDefinitionKey()))
          .forEach(c -> c.controleer(taak));
    }
  }
}
