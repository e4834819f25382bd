package org.passerelle.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.Test;

/**
 * The conventions a programme lead relies on in Modeler and a mediator in Tasklist, checked on
 * every model in processes/ and every form in forms/.
 */
class ModelConventionsTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");
    private static final Path TEMPLATES = PROCESSES.resolve(".camunda/element-templates");
    private static final Pattern CAMEL_CASE_ID = Pattern.compile("[a-z][a-zA-Z0-9]*");
    private static final Pattern EXPRESSION_VARIABLE = Pattern.compile("\\$\\{\\s*([a-zA-Z][a-zA-Z0-9]*)");

    private final ObjectMapper json = new ObjectMapper();

    private static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> paths = Files.list(dir)) {
            return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static List<BpmnModelInstance> models() throws IOException {
        List<BpmnModelInstance> models = new ArrayList<>();
        for (Path file : files(PROCESSES, ".bpmn")) {
            models.add(Bpmn.readModelFromFile(file.toFile()));
        }
        return models;
    }

    private Map<String, JsonNode> formsById() throws IOException {
        Map<String, JsonNode> forms = new HashMap<>();
        for (Path file : files(FORMS, ".form")) {
            JsonNode form = json.readTree(file.toFile());
            assertThat(forms.put(form.path("id").asText(), form)).as("duplicate form id in " + file).isNull();
        }
        return forms;
    }

    @Test
    void everyProcessIsExecutableWithHistoryTimeToLiveAndAFrenchName() throws IOException {
        for (BpmnModelInstance model : models()) {
            for (Process process : model.getModelElementsByType(Process.class)) {
                assertThat(process.isExecutable()).as(process.getId()).isTrue();
                assertThat(process.getCamundaHistoryTimeToLiveString()).as(process.getId()).isNotBlank();
                assertThat(process.getName()).as(process.getId()).isNotBlank();
                assertThat(process.getId()).matches(CAMEL_CASE_ID);
            }
        }
    }

    @Test
    void everyFlowNodeIsLaidOutAndHasACamelCaseId() throws IOException {
        for (BpmnModelInstance model : models()) {
            Set<String> shapes = new HashSet<>();
            model.getModelElementsByType(BpmnShape.class).forEach(s -> shapes.add(s.getBpmnElement().getId()));
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                assertThat(node.getId()).matches(CAMEL_CASE_ID);
                assertThat(shapes).as("diagram shape for " + node.getId()).contains(node.getId());
            }
        }
    }

    @Test
    void everyUserTaskHasADeployedFormAndACandidateGroup() throws IOException {
        Map<String, JsonNode> forms = formsById();
        for (BpmnModelInstance model : models()) {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                assertThat(task.getName()).as(task.getId()).isNotBlank();
                assertThat(task.getCamundaCandidateGroups()).as("candidate group of " + task.getId()).isNotBlank();
                assertThat(task.getCamundaFormRef()).as("form of " + task.getId()).isNotBlank();
                assertThat(task.getCamundaFormRefBinding()).as("form binding of " + task.getId()).isNotBlank();
                assertThat(forms).as("form " + task.getCamundaFormRef()).containsKey(task.getCamundaFormRef());
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                if (start.getCamundaFormRef() != null) {
                    assertThat(start.getCamundaFormRefBinding()).isNotBlank();
                    assertThat(forms).containsKey(start.getCamundaFormRef());
                }
            }
        }
    }

    @Test
    void everyFormIsForCamunda7WithUniqueComponentIds() throws IOException {
        for (var entry : formsById().entrySet()) {
            JsonNode form = entry.getValue();
            assertThat(entry.getKey()).matches(CAMEL_CASE_ID);
            assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
            assertThat(form.path("schemaVersion").asInt()).as(entry.getKey()).isBetween(1, 16);
            Set<String> ids = new HashSet<>();
            for (JsonNode component : form.path("components")) {
                assertThat(ids.add(component.path("id").asText())).as("unique id in " + entry.getKey()).isTrue();
            }
        }
    }

    @Test
    void everyFormIsUsedByAUserTaskOrStartEvent() throws IOException {
        Set<String> used = new HashSet<>();
        for (BpmnModelInstance model : models()) {
            model.getModelElementsByType(UserTask.class).forEach(t -> used.add(t.getCamundaFormRef()));
            model.getModelElementsByType(StartEvent.class).forEach(s -> used.add(s.getCamundaFormRef()));
        }
        assertThat(used).containsAll(formsById().keySet());
    }

    @Test
    void everyDelegateHasAnElementTemplateForTheModelerPalette() throws IOException {
        Set<String> templated = new HashSet<>();
        for (Path file : files(TEMPLATES, ".json")) {
            JsonNode template = json.readTree(file.toFile());
            for (JsonNode property : template.path("properties")) {
                if ("camunda:delegateExpression".equals(property.path("binding").path("name").asText())) {
                    templated.add(property.path("value").asText());
                }
            }
        }
        for (BpmnModelInstance model : models()) {
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                assertThat(task.getCamundaClass()).as("no camunda:class on " + task.getId()).isNull();
                assertThat(task.getCamundaDelegateExpression()).as("delegate of " + task.getId()).isNotBlank();
                assertThat(templated).as("element template for " + task.getId()).contains(task.getCamundaDelegateExpression());
            }
        }
    }

    /** Every key a form writes must be a variable the process reads: a contract constant used in code, or an expression. */
    @Test
    void everyKeyAFormWritesIsReadByTheProcess() throws IOException {
        String mainCode = allText(Path.of("src/main/java"), ".java");
        String bpmnText = allText(PROCESSES, ".bpmn") + allText(PROCESSES, ".dmn");
        Set<String> readInModels = new HashSet<>();
        Matcher m = EXPRESSION_VARIABLE.matcher(bpmnText);
        while (m.find()) {
            readInModels.add(m.group(1));
        }
        for (var entry : formsById().entrySet()) {
            for (String key : writtenKeys(entry.getValue())) {
                boolean readByCode = isUsedConstant(mainCode, key);
                boolean readByModel = readInModels.contains(key) || bpmnText.contains("<text>" + key + "</text>")
                        || bpmnText.contains("source=\"" + key + "\"");
                assertThat(readByCode || readByModel).as("form " + entry.getKey() + " writes '" + key
                        + "' but no model or delegate reads it").isTrue();
            }
        }
    }

    /** The reverse: every variable a gateway routes on is written by a form or set by a delegate. */
    @Test
    void everyVariableAGatewayReadsIsWrittenByAFormOrADelegate() throws IOException {
        String mainCode = allText(Path.of("src/main/java"), ".java");
        Set<String> formKeys = new HashSet<>();
        formsById().values().forEach(form -> formKeys.addAll(writtenKeys(form)));
        for (BpmnModelInstance model : models()) {
            for (var flow : model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.ConditionExpression.class)) {
                Matcher m = EXPRESSION_VARIABLE.matcher(flow.getTextContent());
                while (m.find()) {
                    String variable = m.group(1);
                    assertThat(formKeys.contains(variable) || isSetByCode(mainCode, variable))
                            .as("gateway reads '" + variable + "' that no form or delegate writes").isTrue();
                }
            }
        }
    }

    private static boolean isSetByCode(String code, String key) {
        Matcher declaration = Pattern.compile("String\\s+(\\w+)\\s*=\\s*\"" + Pattern.quote(key) + "\"").matcher(code);
        while (declaration.find()) {
            if (Pattern.compile("setVariable(Local)?\\(\\s*(\\w+\\.)*" + declaration.group(1) + "\\b").matcher(code).find()) {
                return true;
            }
        }
        return false;
    }

    /** A contract constant holding the key, referenced somewhere else than its declaration. */
    private static boolean isUsedConstant(String code, String key) {
        Matcher declaration = Pattern.compile("String\\s+(\\w+)\\s*=\\s*\"" + Pattern.quote(key) + "\"").matcher(code);
        while (declaration.find()) {
            if (Pattern.compile("\\." + declaration.group(1) + "\\b").matcher(code).find()) {
                return true;
            }
        }
        return false;
    }

    private static List<String> writtenKeys(JsonNode form) {
        List<String> keys = new ArrayList<>();
        for (JsonNode component : form.path("components")) {
            if (component.hasNonNull("key") && !component.path("readonly").asBoolean(false)
                    && !component.path("disabled").asBoolean(false)) {
                keys.add(component.path("key").asText());
            }
        }
        return keys;
    }

    private static String allText(Path dir, String suffix) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.filter(p -> p.toString().endsWith(suffix)).toList()) {
                text.append(Files.readString(p)).append('\n');
            }
        }
        return text.toString();
    }
}
