package org.passerelle.modelguard;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a settings bean that BPMN expressions may read, e.g. {@code ${journeySettings.firstAnswerEscalation}}.
 * Only the listed properties are readable: a lead's model must not reach the bean's other values (secrets).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadableFromModels {

    /** Property names a model may read. */
    String[] value();
}
