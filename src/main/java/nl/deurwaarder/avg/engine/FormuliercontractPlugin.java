package nl.deurwaarder.avg.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
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
 * belongs to every task), instead of the same listener on each task in the diagram. Register bookkeeping on
 * completion is one mechanism too ({@link Registerbijhouding}): each user task with a form gets a second built-in
 * {@code complete} listener, after the form check and the guard, that hands the procedure's registers the register
 * fields this task's form submitted; each business rule task with a {@code camunda:resultVariable} gets
 * an {@code end} listener that hands them its result when it is a register field.
 *
 * <p>Only the parse hook uses the engine's {@code impl} API (there is no public one for it); the check itself uses
 * the public {@code DelegateTask} and {@code RepositoryService}.
 */
@Component
public class FormuliercontractPlugin extends AbstractProcessEnginePlugin {

  private final Formuliercontract contract = new Formuliercontract();
  private final ObjectProvider<Taakcontrole> controles;
  private final ObjectProvider<Taakbijhouding> bijhoudingen;
  private final ObjectProvider<Registerbijhouding> registers;

  public FormuliercontractPlugin(ObjectProvider<Taakcontrole> controles,
      ObjectProvider<Taakbijhouding> bijhoudingen, ObjectProvider<Registerbijhouding> registers) {
    this.controles = controles;
    this.bijhoudingen = bijhoudingen;
    this.registers = registers;
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
          // after the form and the guard, before the diagram's own complete listeners: the same place the copy
          // listeners had (first in their list), so the register history keeps its order
          gedrag.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
              new Registerkopie(formRef));
        }
      }

      @Override
      public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        String resultaat = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "resultVariable");
        if (resultaat != null && !resultaat.isBlank()) {
          activity.addListener(ExecutionListener.EVENTNAME_END, (ExecutionListener) execution ->
              resultaatOvernemen(execution, resultaat));
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

  private static String proces(String processDefinitionId) {
    return processDefinitionId.split(":")[0];
  }

  /** End of a business rule task: its result, to every register of the procedure that keeps it. */
  private void resultaatOvernemen(DelegateExecution execution, String resultaat) {
    String proces = proces(execution.getProcessDefinitionId());
    registers.orderedStream().filter(r -> r.proces().equals(proces)).forEach(r -> {
      String veld = r.registervelden().get(resultaat);
      if (veld != null) {
        Map<String, Object> velden = new LinkedHashMap<>();
        velden.put(veld, execution.getVariable(resultaat));
        r.overnemen(execution, velden);
      }
    });
  }

  /**
   * Completion of a user task: the register fields among this task's form fields, to every register of the
   * procedure that keeps them. Only the form's own input fields count, never other variables in scope.
   */
  private final class Registerkopie implements TaskListener {
    private final String formRef;

    Registerkopie(String formRef) {
      this.formRef = formRef;
    }

    @Override
    public void notify(DelegateTask taak) {
      String proces = proces(taak.getProcessDefinitionId());
      List<Registerbijhouding> vanProces = registers.orderedStream().filter(r -> r.proces().equals(proces))
          .toList();
      if (vanProces.isEmpty()) {
        return;
      }
      Formulier formulier = contract.formulier(taak.getProcessEngineServices().getRepositoryService(),
          taak.getProcessDefinitionId(), formRef);
      for (Registerbijhouding register : vanProces) {
        Map<String, Object> velden = overTeNemen(formulier, register.registervelden(), taak);
        if (!velden.isEmpty()) {
          register.overnemen(taak, velden);
        }
      }
    }
  }

  /** Register field → value for the input fields of {@code formulier} that {@code registervelden} names. */
  static Map<String, Object> overTeNemen(Formulier formulier, Map<String, String> registervelden,
      VariableScope waarden) {
    Map<String, Object> velden = new LinkedHashMap<>();
    if (formulier == null) {
      return velden;
    }
    for (Formulierveld veld : formulier.velden()) {
      String registerveld = registervelden.get(veld.sleutel());
      if (registerveld != null && !veld.alleenLezen() && !velden.containsKey(registerveld)) {
        velden.put(registerveld, waarden.getVariable(veld.sleutel()));
      }
    }
    return velden;
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
