package org.passerelle.security.seeding;

import org.passerelle.security.SecretStrength;
import org.passerelle.security.MissingProductionSetting;
import org.passerelle.security.Roles;
import org.passerelle.security.TaskAuthorizationsByProcess;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.TaskQuery;
import org.passerelle.demo.DemoProperties;
import org.passerelle.journey.YouthJourney;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Groups, what each role may do, and the Tasklist filters, on every start (idempotent).
 * Demo accounts only in the demo profile.
 */
@Component
public class IdentitySeeder extends AbstractProcessEnginePlugin {

    public static final String FILTER_MY_TASKS = "Mes tâches";
    public static final String FILTER_TO_DO = "À traiter";
    public static final String FILTER_OVERDUE = "En retard";
    public static final String FILTER_LATE_FIRST_ANSWERS = "Premiers messages en retard";

    private final DemoProperties demo;
    private final Environment environment;

    public IdentitySeeder(DemoProperties demo, Environment environment) {
        this.demo = demo;
        this.environment = environment;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (demo.enabled()) {
            return;
        }
        String adminPassword = environment.getProperty("camunda.bpm.admin-user.password");
        if (adminPassword == null || adminPassword.isBlank()) {
            throw new MissingProductionSetting("PASSERELLE_ADMIN_PASSWORD",
                    "outside the demo there is no default administrator account");
        }
        if (!SecretStrength.isStrong(adminPassword, 10, 5)) {
            throw MissingProductionSetting.tooWeak("PASSERELLE_ADMIN_PASSWORD",
                    "10 characters or more, at least 5 different ones");
        }
        String linkSecret = environment.getProperty("passerelle.referral.link-secret");
        if (linkSecret == null || linkSecret.isBlank()) {
            throw new MissingProductionSetting("PASSERELLE_LINK_SECRET",
                    "partner answer links are signed with it (16 characters or more)");
        }
        if (!SecretStrength.isStrong(linkSecret, 16, 8)) {
            throw MissingProductionSetting.tooWeak("PASSERELLE_LINK_SECRET",
                    "16 characters or more, at least 8 different ones (a long random value)");
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        AuthorizationService authorizations = engine.getAuthorizationService();
        group(identity, Roles.MEDIATORS, "Médiateurs", "WORKFLOW");
        group(identity, Roles.PROGRAMME_LEADS, "Responsables de programme", "WORKFLOW");
        group(identity, Roles.SUPERVISORS, "Superviseurs", "WORKFLOW");
        group(identity, Roles.OPERATORS, "Exploitation (métriques)", "SYSTEM");
        // Camunda creates this group with the admin user under an English name; Admin shows ours.
        group(identity, Roles.ADMINS, "Administrateurs", "SYSTEM");
        grantRoles(authorizations);
        forgetMediatorsTaskRows(authorizations);
        seedFilters(engine.getFilterService(), engine.getTaskService(), authorizations);
        if (demo.enabled()) {
            user(identity, "amina", "Amina", "Benali", Roles.MEDIATORS);
            user(identity, "karim", "Karim", "Dufour", Roles.MEDIATORS);
            user(identity, "lea", "Léa", "Martin", Roles.PROGRAMME_LEADS);
            user(identity, "sophie", "Sophie", "Lefèvre", Roles.SUPERVISORS);
        }
    }

    private void grantRoles(AuthorizationService authorizations) {
        // Mediators: Tasklist, the tasks of the processes they work in (granted on those processes, not task by task:
        // see TaskAuthorizationsByProcess), and starting a journey for a phone contact.
        grant(authorizations, Roles.MEDIATORS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        // Variables are read with their own permissions (enforceSpecificVariablePermission): mediators read those
        // of journeys and tasks, the youth's first name in task lists included; history without values (History tab).
        grant(authorizations, Roles.MEDIATORS, Resources.PROCESS_DEFINITION, YouthJourney.PROCESS_ID,
                ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_TASK_VARIABLE,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.CREATE_INSTANCE,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK);
        for (String called : List.of(org.passerelle.mentoring.MentorMatching.PROCESS_ID,
                org.passerelle.mentoring.MentorshipProcess.PROCESS_ID, org.passerelle.referral.PartnerReferral.PROCESS_ID)) {
            grant(authorizations, Roles.MEDIATORS, Resources.PROCESS_DEFINITION, called, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                    ProcessDefinitionPermissions.READ_TASK_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY,
                    ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.UPDATE_TASK);
        }
        grant(authorizations, Roles.MEDIATORS, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);

        // Programme leads: change the journey from Modeler, watch it in Cockpit, work tasks.
        grant(authorizations, Roles.PROGRAMME_LEADS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(authorizations, Roles.PROGRAMME_LEADS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        // Leads deploy; deleting a deployment would cascade over every journey and its history.
        grant(authorizations, Roles.PROGRAMME_LEADS, Resources.DEPLOYMENT, "*", Permissions.CREATE, Permissions.READ);
        grant(authorizations, Roles.PROGRAMME_LEADS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_TASK_VARIABLE,
                ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
                ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.RETRY_JOB,
                ProcessDefinitionPermissions.UPDATE_TASK);
        grant(authorizations, Roles.PROGRAMME_LEADS, Resources.DECISION_DEFINITION, "*", Permissions.READ,
                Permissions.READ_HISTORY);
        grant(authorizations, Roles.PROGRAMME_LEADS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
        grant(authorizations, Roles.PROGRAMME_LEADS, Resources.PROCESS_INSTANCE, "*", Permissions.READ, Permissions.CREATE,
                Permissions.UPDATE);
        grant(authorizations, Roles.PROGRAMME_LEADS, Resources.TASK, "*", Permissions.READ);

        // Supervisors: read-only Cockpit (journeys, incidents, history), without any variable's value.
        grant(authorizations, Roles.SUPERVISORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(authorizations, Roles.SUPERVISORS, Resources.DEPLOYMENT, "*", Permissions.READ);
        grant(authorizations, Roles.SUPERVISORS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_INSTANCE);
        grant(authorizations, Roles.SUPERVISORS, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
        grant(authorizations, Roles.SUPERVISORS, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
        grant(authorizations, Roles.SUPERVISORS, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
    }

    /** Rows Camunda wrote task by task before TaskAuthorizationsByProcess: the grants on the processes replace them. */
    private static void forgetMediatorsTaskRows(AuthorizationService authorizations) {
        authorizations.createAuthorizationQuery().resourceType(Resources.TASK).groupIdIn(Roles.MEDIATORS).list().stream()
                .filter(row -> !"*".equals(row.getResourceId()))
                .forEach(row -> authorizations.deleteAuthorization(row.getId()));
    }

    private void seedFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        String groups = "${currentUserGroups()}";
        filter(filters, authorizations, FILTER_MY_TASKS, -10, "Les tâches qui me sont assignées",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        filter(filters, authorizations, FILTER_TO_DO, 0, "Les tâches de mes groupes et les miennes",
                tasks.createTaskQuery().taskCandidateGroupInExpression(groups).includeAssignedTasks());
        filter(filters, authorizations, FILTER_OVERDUE, 10, "Tâches de mes groupes dont l'échéance est passée",
                tasks.createTaskQuery().taskCandidateGroupInExpression(groups).includeAssignedTasks()
                        .dueBeforeExpression("${now()}"));
        // Programme leads take over first messages that wait past the 24-hour promise.
        filter(filters, authorizations, FILTER_LATE_FIRST_ANSWERS, 20, "Premiers messages sans réponse au-delà de 24 heures",
                tasks.createTaskQuery().taskDefinitionKey(YouthJourney.Tasks.FIRST_ANSWER).dueBeforeExpression("${now()}"),
                Roles.PROGRAMME_LEADS);
    }

    private void filter(FilterService filters, AuthorizationService authorizations, String name, int priority,
            String description, TaskQuery query) {
        filter(filters, authorizations, name, priority, description, query, Roles.MEDIATORS, Roles.PROGRAMME_LEADS);
    }

    private void filter(FilterService filters, AuthorizationService authorizations, String name, int priority,
            String description, TaskQuery query, String... readers) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name).setQuery(query).setProperties(Map.of(
                    "priority", priority, "description", description, "refresh", true,
                    "variables", List.of(Map.of("name", YouthJourney.Vars.YOUTH_FIRST_NAME, "label", "Jeune"))));
            filters.saveFilter(filter);
        }
        for (String group : readers) {
            grant(authorizations, group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }

    private static void group(IdentityService identity, String id, String name, String type) {
        Group group = identity.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
            group = identity.newGroup(id);
        } else if (name.equals(group.getName()) && type.equals(group.getType())) {
            return;
        }
        group.setName(name);
        group.setType(type);
        identity.saveGroup(group);
    }

    private void user(IdentityService identity, String id, String firstName, String lastName, String groupId) {
        if (identity.createUserQuery().userId(id).singleResult() == null) {
            User user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(id + "@example.org");
            user.setPassword(demo.password());
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
            identity.createMembership(id, groupId);
        }
    }

    private static void grant(AuthorizationService authorizations, String groupId, Resource resource, String resourceId,
            Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery().groupIdIn(groupId)
                .resourceType(resource).resourceId(resourceId).authorizationType(AUTH_TYPE_GRANT).singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        // Exactly these permissions: a permission removed here is also taken back from an existing database.
        authorization.setPermissions(permissions);
        authorizations.saveAuthorization(authorization);
    }
}
