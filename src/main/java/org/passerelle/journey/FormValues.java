package org.passerelle.journey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads a multi-select answer of a Camunda Form. Tasklist submits it as a JSON array, older
 * versions as a string; tests may pass a Java collection.
 */
public final class FormValues {

    private FormValues() {
    }

    /** A date field gives "yyyy-MM-dd" (or a full date-time); the REST API and tests may give a Date. */
    public static java.time.LocalDate asDate(Object value) {
        if (value instanceof java.util.Date date) {
            return java.time.LocalDate.ofInstant(date.toInstant(), java.time.ZoneOffset.UTC);
        }
        return value == null || value.toString().isBlank() ? null
                : java.time.LocalDate.parse(value.toString().substring(0, 10));
    }

    public static List<String> asList(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof SpinJsonNode json) {
            return json.isArray() ? json.elements().stream().map(SpinJsonNode::stringValue).toList()
                    : asList(json.isString() ? json.stringValue() : json.toString());
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        String text = value.toString().trim();
        if (text.startsWith("[")) {
            return asList(org.camunda.spin.Spin.JSON(text));
        }
        List<String> values = new ArrayList<>();
        Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(values::add);
        return values;
    }
}
