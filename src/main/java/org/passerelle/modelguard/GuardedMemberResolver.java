package org.passerelle.modelguard;

import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.MethodNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;

/**
 * Property and method access in expressions, limited to what a programme's model needs: reading values
 * (text, numbers, dates, JSON, lists) and variables of the current execution or task. Everything else
 * — reflection, engine services, Passerelle's beans and entities — is refused when evaluated.
 */
class GuardedMemberResolver extends BeanELResolver {

    /** Never reachable, whatever the object. */
    static final Set<String> REFLECTION = Set.of("class", "getClass", "forName", "classLoader", "getClassLoader",
            "module", "getModule", "declaredMethods", "getDeclaredMethod", "getDeclaredMethods", "getMethod", "getMethods",
            "declaredFields", "getDeclaredField", "getField", "newInstance", "invoke", "wait", "notify", "notifyAll",
            "mapTo", "getDeclaredConstructor", "getConstructor", "getRuntime", "exec");

    /** What a model may read from {@code execution} or {@code task}: variables and identifiers. */
    static final Set<String> SCOPE_READS = Set.of("getVariable", "getVariableLocal", "hasVariable", "hasVariableLocal",
            "getVariableTyped", "getVariableLocalTyped", "getId", "id", "getProcessInstanceId", "processInstanceId",
            "getBusinessKey", "businessKey", "getProcessBusinessKey", "processBusinessKey", "getCurrentActivityId",
            "currentActivityId", "getCurrentActivityName", "currentActivityName", "getEventName", "eventName",
            "getActivityInstanceId", "activityInstanceId", "getTaskDefinitionKey", "taskDefinitionKey", "getName", "name",
            "getAssignee", "assignee", "getDueDate", "dueDate", "getCreateTime", "createTime", "getPriority", "priority",
            "getProcessDefinitionId", "processDefinitionId");

    /** Spin JSON reads (no {@code mapTo}, which instantiates any class). */
    static final Set<String> JSON_READS = Set.of("prop", "hasProp", "stringValue", "numberValue", "boolValue", "isString",
            "isNumber", "isBoolean", "isNull", "isArray", "isObject", "isValue", "elements", "value", "fieldNames", "toString");

    private final ModelBeans beans;

    GuardedMemberResolver(ModelBeans beans) {
        super(true);
        this.beans = beans;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (base != null && property != null) {
            requirePermitted(base, property.toString(), false);
        }
        return super.getValue(context, base, property);
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base != null && method != null) {
            requirePermitted(base, method.toString(), true);
            // prop(name, value) would write into a JSON variable: reads only.
            if (base.getClass().getName().startsWith("org.camunda.spin.") && params != null && params.length > 1) {
                requirePermitted(base, "mapTo", true);
            }
        }
        return super.invoke(context, base, method, paramTypes, params);
    }

    private void requirePermitted(Object base, String member, boolean call) {
        if (!permitted(base, member)) {
            String message = "Expression refusée par Passerelle : « " + member + " » n'est pas accessible sur "
                    + describe(base) + " depuis un modèle.";
            throw call ? new MethodNotFoundException(message) : new PropertyNotFoundException(message);
        }
    }

    boolean permitted(Object base, String member) {
        if (REFLECTION.contains(member) || base instanceof Class<?> || base instanceof ClassLoader) {
            return false;
        }
        if (base instanceof VariableScope) {
            return SCOPE_READS.contains(member);
        }
        if (isPlainValue(base)) {
            return true;
        }
        if (base.getClass().getName().startsWith("org.camunda.spin.")) {
            return JSON_READS.contains(member);
        }
        String settings = base.getClass().getName().startsWith("org.passerelle.") ? beans.settingsNameOf(base) : null;
        if (settings != null) {
            Set<String> readable = beans.readableProperties(settings);
            return readable.contains(member) || readable.contains(propertyOfGetter(member));
        }
        return false;
    }

    private static boolean isPlainValue(Object base) {
        return base instanceof CharSequence || base instanceof Number || base instanceof Boolean || base instanceof Character
                || base instanceof Date || base instanceof TemporalAccessor || base instanceof TemporalAmount
                || base instanceof Collection<?> || base instanceof Map<?, ?>;
    }

    private static String propertyOfGetter(String member) {
        if (member.startsWith("get") && member.length() > 3) {
            return Character.toLowerCase(member.charAt(3)) + member.substring(4);
        }
        return member;
    }

    private static String describe(Object base) {
        if (base instanceof VariableScope) {
            return "l'exécution ou la tâche (seules les variables se lisent)";
        }
        return "un objet de type " + base.getClass().getSimpleName();
    }
}
