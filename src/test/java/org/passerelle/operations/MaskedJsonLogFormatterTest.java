package org.passerelle.operations;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A production log line is one JSON object, with its correlation, and no long number of a youth's. */
class MaskedJsonLogFormatterTest {

    private final MaskedJsonLogFormatter formatter = new MaskedJsonLogFormatter();

    private LoggingEvent event(String message, Throwable error, Object... arguments) {
        var logger = new LoggerContext().getLogger("org.passerelle.channels.inbox.InboxProcessor");
        LoggingEvent event = new LoggingEvent("fqcn", logger, Level.WARN, message, error, arguments);
        event.setMDCPropertyMap(Map.of("businessKey", "42", "processInstanceId", "abc-1"));
        return event;
    }

    @Test
    void aLineIsJsonWithLevelLoggerMessageAndCorrelation() throws Exception {
        String line = formatter.format(event("Delivery {} applied", null, 17));

        assertThat(line).endsWith("\n").doesNotContain("\n{");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("level").asText()).isEqualTo("WARN");
        assertThat(json.path("logger").asText()).isEqualTo("org.passerelle.channels.inbox.InboxProcessor");
        assertThat(json.path("message").asText()).isEqualTo("Delivery 17 applied");
        assertThat(json.path("mdc").path("businessKey").asText()).isEqualTo("42");
        assertThat(json.has("@timestamp")).isTrue();
    }

    @Test
    void phonesInTheMessageAndInTheStackTraceAreMasked() throws Exception {
        String line = formatter.format(event("Duplicate for {}", new IllegalStateException(
                "Unique index violation: VALUES ('262692000107')"), "33612345678"));

        assertThat(line).doesNotContain("33612345678", "262692000107");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("message").asText()).isEqualTo("Duplicate for [numéro masqué]");
        assertThat(json.path("error").asText()).contains("IllegalStateException", "[numéro masqué]");
    }
}
