package org.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Passerelle's French files for Camunda's webapps cover every key of the English file shipped in the
 * webjar: a Camunda upgrade that adds a key turns this red instead of bringing English back unnoticed.
 */
class WebappFrenchLocaleTest {

    private static final String APP = "META-INF/resources/webjars/camunda/app/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}");
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyEnglishKeyHasAFrenchValueWithTheSamePlaceholders(String app) throws IOException {
        Map<String, String> english = flatten(read(APP + app + "/locales/en.json"));
        Map<String, String> french = flatten(read(APP + app + "/locales/fr.json"));

        assertThat(french.keySet()).as("keys of %s/locales/en.json without French", app).containsAll(english.keySet());
        for (Map.Entry<String, String> entry : english.entrySet()) {
            String value = french.get(entry.getKey());
            assertThat(value).as(entry.getKey()).isNotNull();
            if (!entry.getValue().isBlank()) {
                assertThat(value).as(entry.getKey()).isNotBlank();
            }
            assertThat(placeholders(value)).as(entry.getKey()).isEqualTo(placeholders(entry.getValue()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theWebappOffersFrenchOnly(String app) throws IOException {
        String config = new String(resource(APP + app + "/scripts/config.js").readAllBytes(), StandardCharsets.UTF_8);

        assertThat(config).contains("availableLocales: ['fr']", "fallbackLocale: 'fr'");
    }

    @org.junit.jupiter.api.Test
    void theMainWordsOfTasklistAreFrench() throws IOException {
        Map<String, String> french = flatten(read(APP + "tasklist/locales/fr.json"));

        assertThat(french).containsEntry("labels.CLAIM_TASK", "Prendre en charge").containsEntry("labels.COMPLETE", "Terminer")
                .containsEntry("dateLocales.months.0", "janvier").containsEntry("dateLocales.week.dow", "1");
    }

    private JsonNode read(String path) throws IOException {
        String text = new String(resource(path).readAllBytes(), StandardCharsets.UTF_8);
        return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private static InputStream resource(String path) {
        InputStream stream = WebappFrenchLocaleTest.class.getClassLoader().getResourceAsStream(path);
        assertThat(stream).as(path).isNotNull();
        return stream;
    }

    private static Map<String, String> flatten(JsonNode node) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", node, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> flat) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> flatten(prefix + field.getKey() + ".", field.getValue(), flat));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + i + ".", node.get(i), flat);
            }
        } else {
            flat.put(prefix.substring(0, prefix.length() - 1), node.asText());
        }
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        found.sort(String::compareTo);
        return found;
    }
}
