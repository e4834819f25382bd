package org.passerelle.modelguard;

import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;

/**
 * The engine's expression manager (BPMN and JUEL in DMN): variables, the exposed beans, read-only
 * collections, and member access through {@link GuardedMemberResolver} instead of unrestricted reflection.
 */
class GuardedExpressionManager extends JuelExpressionManager {

    private final ModelBeans modelBeans;

    GuardedExpressionManager(ModelBeans beans) {
        super(beans.exposed());
        this.modelBeans = beans;
    }

    /** The only functions a model may call; others (Spin's S, JSON, XML would serialise any bean) are never added. */
    static final java.util.Set<String> FUNCTIONS = java.util.Set.of("currentUser", "currentUserGroups", "dateTime", "now");

    @Override
    public void addFunction(String name, java.lang.reflect.Method function) {
        if (FUNCTIONS.contains(name)) {
            super.addFunction(name, function);
        }
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new VariableScopeElResolver());
        resolver.add(new VariableContextElResolver());
        resolver.add(new ReadOnlyMapELResolver(modelBeans.exposed()));
        resolver.add(new ArrayELResolver(true));
        resolver.add(new ListELResolver(true));
        resolver.add(new MapELResolver(true));
        resolver.add(new GuardedMemberResolver(modelBeans));
        return resolver;
    }
}
