package nl.deurwaarder.avg.security;

import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DECISION_REQUIREMENTS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.DEPLOYMENT;
import static org.camunda.bpm.engine.authorization.Resources.GROUP;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.HISTORIC_TASK;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.TASK;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the role groups and gives each exactly the rights its role needs (idempotent; runs at every start):
 * <ul>
 *   <li>every staff group: Tasklist, read process diagrams, see user and group names;</li>
 *   <li>{@code privacycoordinator}: start every procedure (registering requests, breaches, register changes);</li>
 *   <li>every staff group: start the breach report ("Datalek melden");</li>
 *   <li>{@code fg} and {@code directie}: Cockpit, read-only (definitions, instances, history, decisions);</li>
 *   <li>{@code camunda-admin}: everything, Admin included (created by the Camunda starter for the admin user).</li>
 * </ul>
 * Task rights come from the task itself: Camunda grants candidate groups and assignees access to their tasks.
 */
@Component
@Order(10)
public class RollenEnRechten implements ApplicationRunner {

  public static final String TASKLIST = "tasklist";
  public static final String COCKPIT = "cockpit";
  /** The breach procedure every employee may start (issue: datalek). */
  public static final String DATALEK_PROCES = "avg-datalek";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  public RollenEnRechten(IdentityService identityService, AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (Rol rol : Rol.values()) {
      maakGroep(rol);
    }
    for (Rol rol : Rol.medewerkersrollen()) {
      sta(rol, APPLICATION, TASKLIST, ACCESS);
      sta(rol, PROCESS_DEFINITION, "*", READ);
      sta(rol, USER, "*", READ);
      sta(rol, GROUP, "*", READ);
      sta(rol, PROCESS_DEFINITION, DATALEK_PROCES, READ, CREATE_INSTANCE);
      sta(rol, PROCESS_INSTANCE, "*", CREATE);
    }
    sta(Rol.PRIVACYCOORDINATOR, PROCESS_DEFINITION, "*", READ, CREATE_INSTANCE);
    // the coordinator handles every request and breach: Tasklist shows their reference and data subject in the
    // task lists (filter variables are process variables, read under PROCESS_INSTANCE READ)
    sta(Rol.PRIVACYCOORDINATOR, PROCESS_INSTANCE, "*", READ, CREATE);
    sta(Rol.ICT, PROCESS_DEFINITION, "avg-herstel-na-backup", READ, CREATE_INSTANCE); // restore after a backup
    // the FG starts the half-yearly privacy report by hand when needed (PH-ORG-01 §7.3; issue 17.2)
    sta(Rol.FG, PROCESS_DEFINITION, "avg-privacyrapportage", READ, CREATE_INSTANCE);
    for (Rol rol : List.of(Rol.FG, Rol.DIRECTIE)) {
      sta(rol, APPLICATION, COCKPIT, ACCESS);
      sta(rol, PROCESS_DEFINITION, "*", READ, READ_INSTANCE, READ_HISTORY, READ_TASK);
      sta(rol, PROCESS_INSTANCE, "*", READ);
      sta(rol, TASK, "*", READ);
      sta(rol, HISTORIC_TASK, "*", HistoricTaskPermissions.READ);
      sta(rol, HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
      sta(rol, DECISION_DEFINITION, "*", READ, READ_HISTORY);
      sta(rol, DECISION_REQUIREMENTS_DEFINITION, "*", READ);
      sta(rol, DEPLOYMENT, "*", READ);
    }
  }

  private void maakGroep(Rol rol) {
    Group bestaand = identityService.createGroupQuery().groupId(rol.groepId()).singleResult();
    if (bestaand == null) {
      Group group = identityService.newGroup(rol.groepId());
      group.setName(rol.naam());
      group.setType(rol == Rol.BEHEERDER ? "SYSTEM" : "WORKFLOW");
      identityService.saveGroup(group);
    } else if (!rol.naam().equals(bestaand.getName())) {
      bestaand.setName(rol.naam());
      identityService.saveGroup(bestaand);
    }
  }

  /** Grants the permissions to the group on the resource (adds to an existing grant). */
  void sta(Rol rol, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization = authorizationService.createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(rol.groepId())
        .resourceType(resource)
        .resourceId(resourceId)
        .singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      authorization.setGroupId(rol.groepId());
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    } else if (Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
      return;
    }
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizationService.saveAuthorization(authorization);
  }
}
