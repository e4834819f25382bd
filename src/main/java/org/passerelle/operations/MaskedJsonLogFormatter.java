package org.passerelle.operations;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.time.Instant;
import org.passerelle.privacy.Masking;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLogFormatter;

/**
 * Production logs as one JSON object per line (for a log collector), with the same masking as the console pattern:
 * long numbers (a phone, a WhatsApp id quoted by a database error) never leave the process. The MDC carries the
 * correlation: Camunda's process instance, business key (the journey's id) and activity; the webhook's request id.
 */
public class MaskedJsonLogFormatter implements StructuredLogFormatter<ILoggingEvent> {

    private final JsonWriter<ILoggingEvent> writer = JsonWriter.<ILoggingEvent>of(members -> {
        members.add("@timestamp", event -> Instant.ofEpochMilli(event.getTimeStamp()).toString());
        members.add("level", event -> event.getLevel().toString());
        members.add("logger", ILoggingEvent::getLoggerName);
        members.add("thread", ILoggingEvent::getThreadName);
        members.add("message", event -> Masking.mask(event.getFormattedMessage()));
        members.add("mdc", ILoggingEvent::getMDCPropertyMap).whenNotEmpty();
        members.add("error", event -> event.getThrowableProxy() == null ? null
                : Masking.mask(ThrowableProxyUtil.asString(event.getThrowableProxy()))).whenNotNull();
    }).withNewLineAtEnd();

    @Override
    public String format(ILoggingEvent event) {
        return writer.writeToString(event);
    }
}
