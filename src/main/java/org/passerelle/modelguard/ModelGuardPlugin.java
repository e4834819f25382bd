package org.passerelle.modelguard;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Treats deployed models as untrusted input: a deploy-time check of every resource and an expression
 * manager that cannot reach reflection, engine services or unexposed beans. Java-serialized variables
 * and external script resources stay off whatever the configuration says.
 */
@Component
public class ModelGuardPlugin extends AbstractProcessEnginePlugin {

    private final ModelBeans beans;
    private final ApplicationContext context;

    public ModelGuardPlugin(ApplicationContext context) {
        this.beans = new ModelBeans(context);
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new GuardedExpressionManager(beans));
        List<Deployer> preDeployers = new ArrayList<>();
        preDeployers.add(new ModelValidationDeployer(new ModelRules(beans,
                () -> context.getBeansOfType(DelegateInputCheck.class).values()),
                () -> context.getBeansOfType(DecisionCheck.class).values(), () -> ApplicationProcesses.idsOf(context.getBeansOfType(ApplicationProcesses.class).values())));
        if (configuration.getCustomPreDeployers() != null) {
            preDeployers.addAll(configuration.getCustomPreDeployers());
        }
        configuration.setCustomPreDeployers(preDeployers);
        configuration.setJavaSerializationFormatEnabled(false);
        configuration.setEnableScriptEngineLoadExternalResources(false);
    }
}
