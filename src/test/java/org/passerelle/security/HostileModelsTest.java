package org.passerelle.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.passerelle.testsupport.Http;
import org.passerelle.testsupport.ModelerDeploy;
import org.passerelle.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A programme lead's deployment is input, not code: each hostile model below, deployed the way Camunda
 * Modeler does, is refused with a 400 naming the element and the rule, and the lead gains nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HostileModelsTest {

    private static final String LEAD = "hostileLead";

    @LocalServerPort int port;
    @Autowired IdentityService identity;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired ProcessEngineConfiguration configuration;

    @BeforeEach
    void lead() {
        TestUsers.ensure(identity, LEAD, Roles.PROGRAMME_LEADS);
    }

    static Stream<Arguments> hostileModels() {
        return Stream.of(
                Arguments.of("reflection in a service task", "serviceReflection", "réflexion Java interdite",
                        "<bpmn:serviceTask id=\"steal\" camunda:expression=\"${execution.getClass().forName('java.lang.Runtime')}\" />"),
                Arguments.of("reflection on a string literal", "literalReflection", "réflexion Java interdite",
                        "<bpmn:serviceTask id=\"steal\" camunda:expression=\"${''.class.forName('java.lang.System')}\" />"),
                Arguments.of("bean reach-through", "beanReach", "composant interne",
                        "<bpmn:serviceTask id=\"steal\" camunda:expression=\"${youthRepository.findAll()}\" />"),
                Arguments.of("identity service through the execution", "identityThroughExecution", "services du moteur",
                        "<bpmn:serviceTask id=\"steal\" camunda:expression=\"${execution.processEngineServices.identityService.createMembership('hostileLead', 'camunda-admin')}\" />"),
                Arguments.of("identity service bean", "identityBean", "composant interne",
                        "<bpmn:serviceTask id=\"steal\" camunda:expression=\"${identityService.createMembership('hostileLead', 'camunda-admin')}\" />"),
                Arguments.of("bracket access to engine services", "bracketReach", "services du moteur",
                        "<bpmn:serviceTask id=\"steal\" camunda:expression=\"${execution['processEngineServices']}\" />"),
                Arguments.of("script task", "scriptTask", "scripts sont interdits",
                        "<bpmn:scriptTask id=\"steal\" scriptFormat=\"javascript\"><bpmn:script>java.lang.System.exit(1)</bpmn:script></bpmn:scriptTask>"),
                Arguments.of("script listener", "scriptListener", "scripts sont interdits",
                        "<bpmn:startEvent id=\"start\"><bpmn:extensionElements><camunda:executionListener event=\"start\"><camunda:script scriptFormat=\"groovy\">'id'.execute()</camunda:script></camunda:executionListener></bpmn:extensionElements></bpmn:startEvent>"),
                Arguments.of("external script resource", "externalScript", "ressources externes",
                        "<bpmn:scriptTask id=\"steal\" scriptFormat=\"groovy\" camunda:resource=\"deployment://evil.groovy\" />"),
                Arguments.of("class delegate", "classDelegate", "camunda:class",
                        "<bpmn:serviceTask id=\"steal\" camunda:class=\"org.passerelle.privacy.ApplyRetention\" />"),
                Arguments.of("unknown delegate", "unknownDelegate", "délégué inconnu",
                        "<bpmn:serviceTask id=\"steal\" camunda:delegateExpression=\"${processEngineConfiguration}\" />"),
                Arguments.of("expression in a timer", "timerReach", "services du moteur",
                        "<bpmn:intermediateCatchEvent id=\"wait\"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">${execution.getProcessEngine().getName()}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>"),
                Arguments.of("expression in a condition", "conditionReach", "réflexion Java interdite",
                        "<bpmn:startEvent id=\"start\" /><bpmn:endEvent id=\"end\" /><bpmn:sequenceFlow id=\"flow\" sourceRef=\"start\" targetRef=\"end\"><bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${execution.getClass() != null}</bpmn:conditionExpression></bpmn:sequenceFlow>"),
                Arguments.of("expression in an input mapping", "inputMappingReach", "« referralSettings » est un composant interne",
                        "<bpmn:userTask id=\"read\"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"secret\">${referralSettings.linkSecret}</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:userTask>"),
                Arguments.of("writing through the execution", "executionWrite", "seules les variables se lisent",
                        "<bpmn:userTask id=\"write\" camunda:assignee=\"${execution.setVariable('track', 'mentorat')}\" />"),
                Arguments.of("unknown function", "unknownFunction", "fonction « exec() » inconnue",
                        "<bpmn:userTask id=\"fn\" camunda:assignee=\"${exec('id')}\" />"),
                Arguments.of("embedded HTML form", "embeddedForm", "formulaire intégré refusé",
                        "<bpmn:userTask id=\"form\" camunda:formKey=\"embedded:deployment:evil.html\" />"),
                Arguments.of("shell task", "shellTask", "type de tâche « shell » refusé",
                        "<bpmn:serviceTask id=\"run\" camunda:type=\"shell\"><bpmn:extensionElements><camunda:field name=\"command\" stringValue=\"sh\" /></bpmn:extensionElements></bpmn:serviceTask>"),
                Arguments.of("class under the old Activiti namespace", "activitiClass", "camunda:class",
                        "<bpmn:serviceTask id=\"run\" xmlns:activiti=\"http://activiti.org/bpmn\" activiti:class=\"org.camunda.bpm.engine.impl.bpmn.behavior.ShellActivityBehavior\" />"),
                Arguments.of("embedded form under the old Activiti namespace", "activitiForm", "formulaire intégré refusé",
                        "<bpmn:userTask id=\"form\" xmlns:activiti=\"http://activiti.org/bpmn\" activiti:formKey=\"embedded:deployment:essai.bpmn\" />"),
                Arguments.of("Spin function hidden after a quoted brace", "quotedBrace", "fonction « JSON() » inconnue",
                        "<bpmn:userTask id=\"read\" camunda:assignee=\"${'}' == '}' ? JSON(referralSettings).prop('linkSecret').stringValue() : ''}\" />"),
                Arguments.of("expression split by a comment", "splitExpression", "fonction « JSON() » inconnue",
                        "<bpmn:userTask id=\"read\"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name=\"s\">$<!---->{JSON(referralSettings).prop('linkSecret').stringValue()}</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:userTask>"),
                Arguments.of("script element in another namespace", "foreignScript", "scripts sont interdits",
                        "<bpmn:userTask id=\"t\"><bpmn:extensionElements><script xmlns=\"urn:x\">alert(1)</script></bpmn:extensionElements></bpmn:userTask>"),
                Arguments.of("form that does not exist", "missingForm", "ni dans ce déploiement ni déjà déployé",
                        "<bpmn:userTask id=\"form\" camunda:formRef=\"formulaireFantome\" camunda:formRefBinding=\"latest\" />"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileModels")
    void aHostileModelIsRefusedWithTheElementAndTheRule(String description, String processId, String rule, String elements) {
        var response = ModelerDeploy.deploy(port, LEAD, Map.of("essai.bpmn", ModelerDeploy.process(processId, elements)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("Déploiement refusé", "essai.bpmn", rule);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(processId).count()).isZero();
        assertThat(identity.createGroupQuery().groupMember(LEAD).list()).extracting("id").containsExactly(Roles.PROGRAMME_LEADS);
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"webhookIntake", "webhookDelivery", "dataRetention"})
    void aLeadCannotReplaceOneOfPasserellesOwnProcesses(String processId) {
        long versions = repository.createProcessDefinitionQuery().processDefinitionKey(processId).count();

        var response = ModelerDeploy.deploy(port, LEAD, Map.of("remplace.bpmn", ModelerDeploy.minimalProcess(processId)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("Déploiement refusé", "remplace.bpmn", processId,
                "appartient à Passerelle lui-même");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(processId).count()).isEqualTo(versions);
        // The same model under another id is the lead's own process: it deploys.
        assertThat(ModelerDeploy.deploy(port, LEAD, Map.of("remplace.bpmn", ModelerDeploy.minimalProcess(processId + "DuProgramme")))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void filesOtherThanModelsAndFormsAreRefused() {
        var response = ModelerDeploy.deploy(port, LEAD, Map.of("evil.html", "<script>alert(1)</script>"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("evil.html", "type de fichier refusé");
    }

    @Test
    void aDecisionWithAScriptLanguageIsRefused() {
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="d" name="d" namespace="https://passerelle.org/dmn">
                  <decision id="hostileDecision" name="Essai" camunda:historyTimeToLive="P1D">
                    <decisionTable id="table">
                      <input id="in"><inputExpression id="inExpr" typeRef="string" expressionLanguage="javascript"><text>java.lang.System.exit(1)</text></inputExpression></input>
                      <output id="out" name="out" typeRef="string" />
                      <rule id="r"><inputEntry id="e"><text>-</text></inputEntry><outputEntry id="o"><text>"x"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """;
        var response = ModelerDeploy.deploy(port, LEAD, Map.of("essai.dmn", dmn));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("inExpr", "javascript");
        var juel = ModelerDeploy.deploy(port, LEAD, Map.of("essai.dmn", dmn.replace("javascript", "juel")));
        assertThat(juel.statusCode()).as("JUEL in a decision could hand FEEL any Java object").isEqualTo(400);
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("hostileDecision").count()).isZero();
    }

    @Test
    void aModelThatOnlyReadsVariablesAndExposedSettingsDeploys() {
        String elements = """
                <bpmn:startEvent id="start" />
                <bpmn:userTask id="read" camunda:assignee="${execution.getVariable('owner')}">
                  <bpmn:extensionElements><camunda:inputOutput>
                    <camunda:inputParameter name="delay">${programmeParameters.firstAnswerEscalation}</camunda:inputParameter>
                  </camunda:inputOutput></bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:sequenceFlow id="flow" sourceRef="start" targetRef="read" />
                """;
        var response = ModelerDeploy.deploy(port, LEAD, Map.of("essai.bpmn", ModelerDeploy.process("harmlessReader", elements)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void aLeadCannotDeleteADeploymentNorItsJourneys() {
        String deploymentId = repository.createDeploymentQuery().list().get(0).getId();

        var response = Http.send(Http.get(port, "/engine-rest/deployment/" + deploymentId + "?cascade=true")
                .DELETE().header("Authorization", Http.basic(LEAD, TestUsers.password(LEAD))));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(repository.createDeploymentQuery().deploymentId(deploymentId).count()).isOne();
    }

    @Test
    void javaSerializedVariablesAreRefused() {
        String start = """
                {"variables":{"payload":{"value":"rO0ABXQABGV2aWw=","type":"Object",
                  "valueInfo":{"objectTypeName":"java.lang.String","serializationDataFormat":"application/x-java-serialized-object"}}}}""";
        ModelerDeploy.deploy(port, LEAD, Map.of("essai.bpmn", ModelerDeploy.process("serializedStart",
                "<bpmn:startEvent id=\"start\" /><bpmn:userTask id=\"wait\" /><bpmn:sequenceFlow id=\"f\" sourceRef=\"start\" targetRef=\"wait\" />")));

        var response = Http.send(Http.postJson(port, "/engine-rest/process-definition/key/serializedStart/start", start)
                .header("Authorization", Http.basic(LEAD, TestUsers.password(LEAD))));

        assertThat(response.statusCode()).as(response.body()).isNotEqualTo(200);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("serializedStart").count()).isZero();
    }

    @Test
    void aServerErrorOfTheEngineRestApiQuotesNoSql() {
        String mediator = TestUsers.ensure(identity, "craftingMediator", Roles.MEDIATORS);
        String start = "{\"businessKey\":\"" + "0692123456-".repeat(40) + "\"}";

        var response = Http.send(Http.postJson(port, "/engine-rest/process-definition/key/youthJourney/start", start)
                .header("Authorization", Http.basic(mediator, TestUsers.password(mediator))));

        assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(response.body()).doesNotContainIgnoringCase("insert").doesNotContain("ACT_", "0692123456");
        if (response.statusCode() >= 500) {
            assertThat(response.body()).contains("Référence à donner à l'équipe technique");
        }
    }

    /** The evaluation guard holds even for an expression that never went through a deployment. */
    @Test
    void atEvaluationOnlyVariablesAndExposedSettingsAreReachable() {
        ModelerDeploy.deploy(port, LEAD, Map.of("essai.bpmn", ModelerDeploy.process("guardedEvaluation",
                "<bpmn:startEvent id=\"start\" /><bpmn:userTask id=\"wait\" /><bpmn:sequenceFlow id=\"f\" sourceRef=\"start\" targetRef=\"wait\" />")));
        String instance = runtime.startProcessInstanceByKey("guardedEvaluation", Variables.putValue("owner", "amina")).getId();

        assertThat(evaluate(instance, "${execution.getVariable('owner')}")).isEqualTo("amina");
        assertThat(evaluate(instance, "${owner.toUpperCase()}")).isEqualTo("AMINA");
        assertThat(evaluate(instance, "${programmeParameters.firstAnswerEscalation}")).isEqualTo("PT20H");
        for (String hostile : new String[] {"${JSON(referralSettings).prop('linkSecret').stringValue()}", "${S('{}')}",
                "${execution.getProcessEngineServices()}", "${execution.processEngine}",
                "${owner.getClass()}", "${referralSettings.linkSecret}", "${referralSettings.getLinkSecret()}",
                "${registerContact.toString()}", "${youthRepository}", "${identityService}", "${execution.setVariable('x', 1)}"}) {
            assertThatThrownBy(() -> evaluate(instance, hostile)).as(hostile).isNotNull();
        }
    }

    private Object evaluate(String processInstanceId, String expression) {
        ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;
        return engine.getCommandExecutorTxRequired().execute(context -> {
            ExecutionEntity execution = context.getExecutionManager().findExecutionById(processInstanceId);
            return engine.getExpressionManager().createExpression(expression).getValue(execution);
        });
    }
}
