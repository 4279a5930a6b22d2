package nl.deurwaarder.avg.tasklist;

import static org.camunda.bpm.engine.authorization.Permissions.READ;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.deurwaarder.avg.security.Rol;
import nl.deurwaarder.avg.termijn.Termijnberekening;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters (Tasklist shows no task at all without one): "Mijn taken", one per role group, and the
 * two deadline filters. Created or brought up to date at every start; "Termijn verloopt binnen 3 werkdagen" is
 * recomputed every night, because "3 working days from today" is a date the deadline component computes (weekends,
 * public holidays, office closing days), which a filter expression cannot.
 */
@Component
@Order(20)
public class TasklistFilters implements ApplicationRunner {

  public static final String MIJN_TAKEN = "Mijn taken";
  public static final String BINNEN_3_WERKDAGEN = "Termijn verloopt binnen 3 werkdagen";
  public static final String VERLOPEN = "Termijn verlopen";

  private final FilterService filterService;
  private final TaskService taskService;
  private final AuthorizationService authorizationService;
  private final Termijnberekening termijn;
  private final Clock clock;

  public TasklistFilters(FilterService filterService, TaskService taskService,
      AuthorizationService authorizationService, Termijnberekening termijn, Clock clock) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizationService = authorizationService;
    this.termijn = termijn;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    bijwerken();
  }

  /** Every night just after midnight (Amsterdam): the "within 3 working days" boundary moves with the calendar. */
  @Scheduled(cron = "0 1 0 * * *", zone = "Europe/Amsterdam")
  public void bijwerken() {
    Rol[] iedereen = Rol.medewerkersrollen();
    bewaar(MIJN_TAKEN, "Taken die aan mij zijn toegewezen", -20, "#1f6f8b",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc(), iedereen);
    int prioriteit = -10;
    for (Rol rol : iedereen) {
      bewaar(groepsfilterNaam(rol), "Taken voor de groep " + rol.naam(), prioriteit++, "#5b7083",
          taskService.createTaskQuery().taskCandidateGroup(rol.groepId()).includeAssignedTasks()
              .orderByDueDate().asc(), rol);
    }
    LocalDate vandaag = LocalDate.now(clock);
    // Camunda's dueBefore is strict (DUE_DATE_ < boundary) and deadlines end at 23:59:59 of their day: the
    // boundary is the first moment after the third working day, so a task due on that day is included
    Date grens = Date.from(termijn.eindeVanDag(termijn.werkdagenNa(vandaag, 3)).plusSeconds(1).toInstant());
    bewaar(BINNEN_3_WERKDAGEN, "Taken met een termijn die binnen 3 werkdagen verloopt (t/m "
            + termijn.werkdagenNa(vandaag, 3) + ")", 10, "#d98c00",
        taskService.createTaskQuery().dueAfterExpression("${now()}").dueBefore(grens).orderByDueDate().asc(),
        iedereen);
    bewaar(VERLOPEN, "Taken waarvan de termijn is verstreken", 20, "#b00020",
        taskService.createTaskQuery().dueBeforeExpression("${now()}").orderByDueDate().asc(), iedereen);
  }

  public static String groepsfilterNaam(Rol rol) {
    return "Groep: " + rol.naam();
  }

  private void bewaar(String naam, String omschrijving, int prioriteit, String kleur, TaskQuery query,
      Rol... zichtbaarVoor) {
    Filter filter = filterService.createFilterQuery().filterName(naam).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(naam);
    }
    filter.setOwner(null);
    filter.setQuery(query);
    filter.setProperties(eigenschappen(omschrijving, prioriteit, kleur));
    filter = filterService.saveFilter(filter);
    for (Rol rol : zichtbaarVoor) {
      leesrecht(filter.getId(), rol);
    }
  }

  private static Map<String, Object> eigenschappen(String omschrijving, int prioriteit, String kleur) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("description", omschrijving);
    p.put("priority", prioriteit);
    p.put("color", kleur);
    p.put("refresh", true);
    p.put("showUndefinedVariable", false);
    p.put("variables", List.of(
        Map.of("name", "referentie", "label", "Referentie"),
        Map.of("name", "betrokkeneNaam", "label", "Betrokkene")));
    return p;
  }

  private void leesrecht(String filterId, Rol rol) {
    boolean bestaat = authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT).resourceType(Resources.FILTER).resourceId(filterId)
        .groupIdIn(rol.groepId()).count() > 0;
    if (!bestaat) {
      Authorization a = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      a.setGroupId(rol.groepId());
      a.setResource(Resources.FILTER);
      a.setResourceId(filterId);
      a.addPermission(READ);
      authorizationService.saveAuthorization(a);
    }
  }

  static List<String> alleNamen() {
    return java.util.stream.Stream.concat(
        java.util.stream.Stream.of(MIJN_TAKEN, BINNEN_3_WERKDAGEN, VERLOPEN),
        Arrays.stream(Rol.medewerkersrollen()).map(TasklistFilters::groepsfilterNaam)).toList();
  }
}
