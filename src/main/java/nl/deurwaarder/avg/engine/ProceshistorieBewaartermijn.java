package nl.deurwaarder.avg.engine;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import nl.deurwaarder.avg.bewaartermijn.PersoonsgegevensOpruimer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Retention of Camunda's history of a request or breach (every process instance whose business key is the reference;
 * call activities carry the same key): activities, tasks, variables, byte arrays, comments, decisions, job log and
 * user operation log of every <b>ended</b> instance are deleted with {@code deleteHistoricProcessInstancesIfExists}.
 *
 * <p>A procedure that still runs after its retention period keeps its variables (it needs them to go on), but never
 * silently: the privacy coordinator gets a task "Bewaartermijn verstreken: procedure loopt nog" for the reference.
 * Every night the job looks at these open tasks; once the procedure has ended (finished in Tasklist or cancelled in
 * Cockpit), its history is deleted and the task closes itself.
 */
@Component
@Order(50)
public class ProceshistorieBewaartermijn implements PersoonsgegevensOpruimer {

  private static final Logger LOG = LoggerFactory.getLogger(ProceshistorieBewaartermijn.class);
  static final String TAAKNAAM = "Bewaartermijn verstreken: procedure loopt nog";
  static final String REFERENTIE = "bewaartermijnReferentie";
  static final String GROEP = "privacycoordinator";

  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final Clock clock;

  public ProceshistorieBewaartermijn(HistoryService historyService, RuntimeService runtimeService,
      TaskService taskService, Clock clock) {
    this.clock = clock;
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
  }

  @Override
  public int ruimOp(String referentie) {
    int verwijderd = verwijderBeeindigde(referentie);
    if (wachtend(referentie) > 0 && openTaak(referentie) == null) {
      Task taak = taskService.newTask();
      taak.setName(TAAKNAAM);
      taak.setDescription("De bewaartermijn van " + referentie + " is verstreken (PH-ALG-05 §6). Het registeritem is "
          + "geanonimiseerd, maar de procedure loopt nog en bewaart zolang de gegevens die zij nodig heeft. Rond de "
          + "procedure af of beëindig haar in Cockpit; daarna verwijdert de nachtelijke bewaartermijntaak haar "
          + "historie en sluit deze taak vanzelf.");
      taak.setDueDate(Date.from(clock.instant()));
      taak.setPriority(80);
      taskService.saveTask(taak);
      taskService.addCandidateGroup(taak.getId(), GROEP);
      taskService.setVariableLocal(taak.getId(), REFERENTIE, referentie);
    }
    return verwijderd;
  }

  @Override
  public int wachtend(String referentie) {
    return (int) runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(referentie).count();
  }

  /** The procedures that were still running when their period passed: removed once they have ended. */
  @Override
  public int ruimOpVoor(OffsetDateTime grens) {
    int n = 0;
    for (Task taak : taskService.createTaskQuery().taskName(TAAKNAAM).list()) {
      Object ref = taskService.getVariableLocal(taak.getId(), REFERENTIE);
      if (ref != null && wachtend(ref.toString()) == 0) {
        n += verwijderBeeindigde(ref.toString());
        taskService.deleteTask(taak.getId(), true);
        LOG.info("Bewaartermijn {}: procedure beëindigd, historie verwijderd, taak gesloten", ref);
      }
    }
    return n;
  }

  private Task openTaak(String referentie) {
    return taskService.createTaskQuery().taskName(TAAKNAAM).list().stream()
        .filter(t -> referentie.equals(taskService.getVariableLocal(t.getId(), REFERENTIE))).findFirst()
        .orElse(null);
  }

  private int verwijderBeeindigde(String referentie) {
    List<String> beeindigd = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(referentie).finished().list().stream().map(HistoricProcessInstance::getId)
        .toList();
    if (!beeindigd.isEmpty()) {
      historyService.deleteHistoricProcessInstancesIfExists(beeindigd);
    }
    return beeindigd.size();
  }
}
