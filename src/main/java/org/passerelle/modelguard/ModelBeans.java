package org.passerelle.modelguard;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * The Spring beans a deployed model may name: Passerelle's delegates (only as a whole, in
 * {@code camunda:delegateExpression}) and settings beans marked {@link ReadableFromModels} (listed properties only).
 * Names are read from bean definitions without creating beans, so this works while the engine starts.
 */
public class ModelBeans {

    private static final String OWN_PACKAGE = "org.passerelle.";

    private final ApplicationContext context;
    private volatile Map<String, Set<String>> settings;
    private volatile Set<String> delegates;
    private volatile Set<String> allBeans;

    public ModelBeans(ApplicationContext context) {
        this.context = context;
    }

    public boolean isDelegate(String name) {
        return delegates().contains(name);
    }

    public boolean isSettings(String name) {
        return settings().containsKey(name);
    }

    public Set<String> readableProperties(String settingsName) {
        return settings().getOrDefault(settingsName, Set.of());
    }

    /** Any bean of the application, exposed to models or not (to name a refused reach-through). */
    public boolean isAnyBean(String name) {
        if (allBeans == null) {
            allBeans = Set.copyOf(Arrays.asList(context.getBeanDefinitionNames()));
        }
        return allBeans.contains(name) || context.containsBean(name);
    }

    public Set<String> delegateNames() {
        return delegates();
    }

    /** The bean behind a settings name, if {@code candidate} is one: null otherwise. */
    String settingsNameOf(Object candidate) {
        for (String name : settings().keySet()) {
            if (context.getBean(name) == candidate) {
                return name;
            }
        }
        return null;
    }

    /** What the expression resolver sees at top level: exposed names only, beans fetched on use. */
    Map<Object, Object> exposed() {
        return new AbstractMap<>() {
            @Override
            public boolean containsKey(Object key) {
                return key instanceof String name && (isDelegate(name) || isSettings(name));
            }

            @Override
            public Object get(Object key) {
                return containsKey(key) ? context.getBean((String) key) : null;
            }

            @Override
            public Set<Entry<Object, Object>> entrySet() {
                return Stream.concat(delegates().stream(), settings().keySet().stream())
                        .map(name -> Map.entry((Object) name, context.getBean(name)))
                        .collect(Collectors.toSet());
            }
        };
    }

    private Set<String> delegates() {
        if (delegates == null) {
            delegates = Stream.of(JavaDelegate.class, ExecutionListener.class, TaskListener.class)
                    .flatMap(type -> Arrays.stream(context.getBeanNamesForType(type, true, false)))
                    .filter(this::isOwnBean)
                    .collect(Collectors.toUnmodifiableSet());
        }
        return delegates;
    }

    private Map<String, Set<String>> settings() {
        if (settings == null) {
            Map<String, Set<String>> found = new TreeMap<>();
            for (String name : context.getBeanNamesForAnnotation(ReadableFromModels.class)) {
                Class<?> type = context.getType(name, false);
                ReadableFromModels readable = type == null ? null : AnnotationUtils.findAnnotation(type, ReadableFromModels.class);
                if (readable != null && isOwnBean(name)) {
                    found.put(name, Set.of(readable.value()));
                }
            }
            settings = Map.copyOf(found);
        }
        return settings;
    }

    private boolean isOwnBean(String name) {
        Class<?> type = context.getType(name, false);
        return type != null && type.getName().startsWith(OWN_PACKAGE);
    }
}
