package org.passerelle.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Camunda writes one authorization row per task for its candidate group, its assignee and its owner. On
 * PostgreSQL the task list's authorization check then grows with tasks × rows: "À traiter" took 300 ms with 2,000
 * open tasks (EngineCostBenchmark). Mediators get their tasks through permissions on the processes they work in
 * ({@code IdentitySeeder}), so no row is written for them or for any assignee; a programme lead's candidate group
 * keeps Camunda's row (few tasks).
 */
@Component
public class TaskAuthorizationsByProcess extends AbstractProcessEnginePlugin {

    private static final AuthorizationEntity[] NONE = new AuthorizationEntity[0];

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new Provider());
    }

    static final class Provider extends DefaultAuthorizationProvider {

        @Override
        public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
            return Roles.MEDIATORS.equals(groupId) ? NONE : super.newTaskGroupIdentityLink(task, groupId, type);
        }

        @Override
        public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
            return NONE;
        }

        @Override
        public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
            return Roles.MEDIATORS.equals(groupId) ? NONE : super.deleteTaskGroupIdentityLink(task, groupId, type);
        }
    }
}
