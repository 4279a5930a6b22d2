package nl.deurwaarder.avg.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import nl.deurwaarder.avg.AvgSpringTest;
import nl.deurwaarder.avg.security.Rol;
import nl.deurwaarder.avg.termijn.Termijnberekening;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The shared Tasklist filters as a user meets them: present once, readable by the right groups only, and each
 * showing exactly the tasks it promises (executed as {@code coordinator}, with authorizations on).
 */
@AvgSpringTest
class TasklistFiltersTest {

  private static final String TESTPROCES = "testprocessen/termijntest.bpmn";

  @Autowired
  TasklistFilters tasklistFilters;
  @Autowired
  FilterService filterService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  IdentityService identityService;
  @Autowired
  RepositoryService repositoryService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  TaskService taskService;
  @Autowired
  Termijnberekening termijn;
  @Autowired
  Clock clock;

  private String deploymentId;

  @AfterEach
  void opruimen() {
    identityService.clearAuthentication();
    if (deploymentId != null) {
      repositoryService.deleteDeployment(deploymentId, true, true);
    }
  }

  private Filter filter(String naam) {
    List<Filter> filters = filterService.createFilterQuery().filterName(naam).list();
    assertThat(filters).as("filter '%s'", naam).hasSize(1);
    return filters.get(0);
  }

  @Test
  void everyFilterExistsExactlyOnceAlsoAfterUpdatingAgain() {
    List<String> namen = TasklistFilters.alleNamen();
    assertThat(namen).contains("Mijn taken", "Termijn verloopt binnen 3 werkdagen", "Termijn verlopen",
        "Groep: Privacycoördinator", "Groep: Functionaris Gegevensbescherming");
    namen.forEach(this::filter);
    Map<String, String> ids = namen.stream().collect(Collectors.toMap(n -> n, n -> filter(n).getId()));
    long aantalAutorisaties = authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).count();

    tasklistFilters.bijwerken();
    tasklistFilters.bijwerken();

    for (String naam : namen) {
      assertThat(filter(naam).getId()).as("id of '%s' after bijwerken()", naam).isEqualTo(ids.get(naam));
    }
    assertThat(filterService.createFilterQuery().count()).isEqualTo(namen.size());
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).count())
        .isEqualTo(aantalAutorisaties);
  }

  @Test
  void eachFilterIsReadableByTheRightGroupsOnly() {
    Set<String> alleGroepen = Arrays.stream(Rol.medewerkersrollen()).map(Rol::groepId).collect(Collectors.toSet());
    Map<String, Set<String>> verwacht = new HashMap<>();
    verwacht.put(TasklistFilters.MIJN_TAKEN, alleGroepen);
    verwacht.put(TasklistFilters.BINNEN_3_WERKDAGEN, alleGroepen);
    verwacht.put(TasklistFilters.VERLOPEN, alleGroepen);
    for (Rol rol : Rol.medewerkersrollen()) {
      verwacht.put(TasklistFilters.groepsfilterNaam(rol), Set.of(rol.groepId()));
    }
    assertThat(verwacht.keySet()).containsExactlyInAnyOrderElementsOf(TasklistFilters.alleNamen());

    for (Map.Entry<String, Set<String>> e : verwacht.entrySet()) {
      Filter filter = filter(e.getKey());
      assertThat(filter.getOwner()).as("owner of '%s'", e.getKey()).isNull();
      List<Authorization> autorisaties = authorizationService.createAuthorizationQuery()
          .resourceType(Resources.FILTER).resourceId(filter.getId()).list();
      assertThat(autorisaties).as("authorizations of '%s'", e.getKey())
          .allSatisfy(a -> {
            assertThat(a.getAuthorizationType()).isEqualTo(Authorization.AUTH_TYPE_GRANT);
            assertThat(a.getUserId()).isNull();
            assertThat(a.isPermissionGranted(Permissions.READ)).isTrue();
            assertThat(a.isPermissionGranted(Permissions.UPDATE)).isFalse();
            assertThat(a.isPermissionGranted(Permissions.DELETE)).isFalse();
          });
      assertThat(autorisaties).extracting(Authorization::getGroupId).as("groups that may read '%s'", e.getKey())
          .containsExactlyInAnyOrderElementsOf(e.getValue());
    }
    // no global grant on filters that would open them to everybody
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER)
        .authorizationType(Authorization.AUTH_TYPE_GLOBAL).count()).isZero();
    // only the administrators (camunda-admin: all rights on all resources) have a grant on every filter
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId("*")
        .list()).extracting(Authorization::getGroupId).containsOnly(Rol.BEHEERDER.groepId());

    // as the engine sees it for a user: medewerker sees its own group filter, not the coordinator's
    identityService.setAuthentication("medewerker", List.of(Rol.MEDEWERKER.groepId()));
    try {
      assertThat(filterService.createFilterQuery().list()).extracting(Filter::getName)
          .containsExactlyInAnyOrder(TasklistFilters.MIJN_TAKEN, TasklistFilters.BINNEN_3_WERKDAGEN,
              TasklistFilters.VERLOPEN, TasklistFilters.groepsfilterNaam(Rol.MEDEWERKER));
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void within3WorkingDaysEndsAtTheEndOfTheThirdWorkingDay() {
    tasklistFilters.bijwerken();
    LocalDate vandaag = LocalDate.now(clock);
    Date eindeDerdeWerkdag = Date.from(termijn.eindeVanDag(termijn.werkdagenNa(vandaag, 3)).toInstant());

    TaskQuery query = filter(TasklistFilters.BINNEN_3_WERKDAGEN).getQuery();
    // the stored query's boundary (the public API has no getter for it). Camunda compares DUE_DATE_ < dueBefore
    // strictly, and a deadline on the third working day is due at 23:59:59 of that day (eindeVanDag): the boundary
    // must be the first second after it, or exactly those tasks would be missing from the filter.
    Date grens = ((org.camunda.bpm.engine.impl.TaskQueryImpl) query).getDueBefore();
    assertThat(grens).isEqualTo(Date.from(eindeDerdeWerkdag.toInstant().plusSeconds(1)));
    assertThat(grens).isAfter(eindeDerdeWerkdag);
  }

  @Test
  void tasksAppearInExactlyTheRightFilterForTheCoordinator() {
    deploymentId = repositoryService.createDeployment().name("tasklistfilters-test")
        .addClasspathResource(TESTPROCES).deploy().getId();
    tasklistFilters.bijwerken();
    LocalDate vandaag = LocalDate.now(clock);

    String gisteren = startTaakMetTermijn(termijn.eindeVanDag(vandaag.minusDays(1)).toInstant());
    String over2Werkdagen = startTaakMetTermijn(termijn.eindeVanDag(termijn.werkdagenNa(vandaag, 2)).toInstant());
    String derdeWerkdag = startTaakMetTermijn(termijn.eindeVanDag(termijn.werkdagenNa(vandaag, 3)).toInstant());
    String vierdeWerkdag = startTaakMetTermijn(termijn.eindeVanDag(termijn.werkdagenNa(vandaag, 4)).toInstant());
    String over10Dagen = startTaakMetTermijn(termijn.eindeVanDag(vandaag.plusDays(10)).toInstant());
    taskService.claim(over10Dagen, "coordinator");
    Set<String> mijnTaken = Set.of(gisteren, over2Werkdagen, derdeWerkdag, vierdeWerkdag, over10Dagen);

    Map<String, Set<String>> verwacht = new HashMap<>();
    verwacht.put(TasklistFilters.VERLOPEN, Set.of(gisteren));
    verwacht.put(TasklistFilters.BINNEN_3_WERKDAGEN, Set.of(over2Werkdagen, derdeWerkdag));
    verwacht.put(TasklistFilters.MIJN_TAKEN, Set.of(over10Dagen));
    verwacht.put(TasklistFilters.groepsfilterNaam(Rol.PRIVACYCOORDINATOR), mijnTaken);
    verwacht.put(TasklistFilters.groepsfilterNaam(Rol.MEDEWERKER), Set.of());

    identityService.setAuthentication("coordinator",
        List.of(Rol.PRIVACYCOORDINATOR.groepId(), Rol.MEDEWERKER.groepId()));
    try {
      assertThat(filterService.createFilterQuery().list()).extracting(Filter::getName)
          .containsExactlyInAnyOrderElementsOf(verwacht.keySet());
      for (Map.Entry<String, Set<String>> e : verwacht.entrySet()) {
        List<Task> taken = filterService.list(filter(e.getKey()).getId());
        Set<String> gevonden = taken.stream().map(Task::getId).filter(mijnTaken::contains)
            .collect(Collectors.toSet());
        assertThat(gevonden).as("test tasks in filter '%s'", e.getKey())
            .containsExactlyInAnyOrderElementsOf(e.getValue());
      }
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Starts the test process (due date from the deadline component), then sets the task's due date. */
  private String startTaakMetTermijn(java.time.Instant termijnEinde) {
    String instance = runtimeService.startProcessInstanceByKey("Proces_Termijntest",
        Variables.createVariables().putValue("ontvangenOp", Date.from(clock.instant()))).getId();
    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    task.setDueDate(Date.from(termijnEinde));
    taskService.saveTask(task);
    return task.getId();
  }
}
