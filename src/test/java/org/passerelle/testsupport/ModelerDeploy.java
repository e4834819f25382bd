package org.passerelle.testsupport;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** The multipart request Camunda Modeler sends when a programme lead presses "Deploy". */
public final class ModelerDeploy {

    private static final String BOUNDARY = "----passerelle" + UUID.randomUUID();

    private ModelerDeploy() {
    }

    /** A one-element process with the given id, enough for access checks. */
    public static String minimalProcess(String processId) {
        return process(processId, "<bpmn:startEvent id=\"start\" />");
    }

    /** A process holding the given BPMN elements, with the namespaces Modeler writes. */
    public static String process(String processId, String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="https://passerelle.org/test">
                  <bpmn:process id="%s" name="Essai" isExecutable="true" camunda:historyTimeToLive="P1D">
                    %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(processId, elements);
    }

    public static HttpResponse<String> deploy(int port, String user, Map<String, String> files) {
        StringBuilder body = new StringBuilder(part("deployment-name", "essai-modeler"))
                .append(part("deployment-source", "Camunda Modeler"))
                .append(part("enable-duplicate-filtering", "true"));
        files.forEach((name, content) -> body.append("--").append(BOUNDARY)
                .append("\r\nContent-Disposition: form-data; name=\"").append(name).append("\"; filename=\"").append(name)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content).append("\r\n"));
        body.append("--").append(BOUNDARY).append("--\r\n");
        return Http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/deployment/create"))
                .header("Authorization", Http.basic(user, TestUsers.password(user)))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
    }

    private static String part(String name, String value) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }
}
