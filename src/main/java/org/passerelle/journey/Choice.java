package org.passerelle.journey;

import java.util.List;
import java.util.Map;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/** One option of a Camunda Form select whose values come from a JSON variable ("valuesKey"). */
public record Choice(String label, String value) {

    public static SpinJsonNode asFormValues(List<Choice> choices) {
        return Spin.JSON(choices.stream().map(c -> Map.of("label", c.label(), "value", c.value())).toList());
    }
}
