package org.passerelle.diagnostic;

import org.passerelle.intake.YouthStatuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.journey.YouthJourney.Vars;

/** forms/diagnostic.form and recordDiagnostic speak the same words: keys, options, required answers. */
class DiagnosticFormTest {

    private static final Map<String, JsonNode> FIELDS = new LinkedHashMap<>();

    @BeforeAll
    static void readForm() throws Exception {
        try (InputStream form = DiagnosticFormTest.class.getClassLoader().getResourceAsStream("forms/diagnostic.form")) {
            JsonNode schema = new ObjectMapper().readTree(form);
            assertThat(schema.path("id").asText()).isEqualTo("diagnostic");
            for (JsonNode component : schema.path("components")) {
                if (component.hasNonNull("key")) {
                    FIELDS.put(component.path("key").asText(), component);
                }
            }
        }
    }

    private static Set<String> varsConstants() throws IllegalAccessException {
        Set<String> names = new HashSet<>();
        for (Field field : Vars.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                names.add((String) field.get(null));
            }
        }
        return names;
    }

    /** The variables recordDiagnostic asks the engine for, with answers a mediator could give. */
    private static Set<String> variablesReadByRecordDiagnostic() {
        Map<String, Object> answers = Map.of(Vars.JOURNEY_ID, 1L, Vars.BIRTH_DATE, "2005-02-14", Vars.DEPARTEMENT, "93",
                Vars.DIPLOMA_LEVEL, "bac", Vars.SITUATION, "chomeur", Vars.BARRIERS, "[]", Vars.HAS_PROJECT, false,
                Vars.CONSENT_CONTACT, true);
        Set<String> read = new HashSet<>();
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable(anyString())).thenAnswer(call -> {
            String name = call.getArgument(0);
            read.add(name);
            return answers.get(name);
        });
        DiagnosticService service = mock(DiagnosticService.class);
        when(service.record(any(), any())).thenReturn(new DiagnosticService.Facts(21, 0, false, false, ""));

        new RecordDiagnostic(service).execute(execution);
        return read;
    }

    private static List<String> values(String key) {
        List<String> values = new ArrayList<>();
        FIELDS.get(key).path("values").forEach(option -> values.add(option.path("value").asText()));
        return values;
    }

    @Test
    void everyKeyOfTheFormIsAContractVariableThatRecordDiagnosticReads() throws Exception {
        Set<String> read = variablesReadByRecordDiagnostic();
        read.remove(Vars.JOURNEY_ID);

        assertThat(varsConstants()).containsAll(FIELDS.keySet());
        assertThat(FIELDS.keySet()).as("form keys = variables recordDiagnostic reads").isEqualTo(read);
    }

    @Test
    void theSelectOptionsAreTheCodesTheServiceAccepts() {
        assertThat(values(Vars.DIPLOMA_LEVEL)).containsExactlyInAnyOrderElementsOf(DiagnosticService.DIPLOMA_LEVELS);
        assertThat(values(Vars.SITUATION)).containsExactlyInAnyOrderElementsOf(DiagnosticService.SITUATIONS);
        assertThat(values(Vars.BARRIERS)).containsExactlyInAnyOrderElementsOf(DiagnosticService.BARRIERS);
        assertThat(values(Vars.BARRIERS)).containsAll(Diagnostic.URGENT_BARRIERS);
        assertThat(YouthStatuses.LABELS.keySet()).containsAll(values(Vars.STATUSES)).as("the situation says 'etudiant'")
                .containsAll(List.of("rqth", "ase", "qpv", "demandeurEmploi"));
    }

    @Test
    void theDepartementsAreTheReferenceListInOrderAsCodeDashName() {
        assertThat(values(Vars.DEPARTEMENT)).containsExactlyElementsOf(Departements.codes());
        for (JsonNode option : FIELDS.get(Vars.DEPARTEMENT).path("values")) {
            String code = option.path("value").asText();
            assertThat(option.path("label").asText()).isEqualTo(code + " — " + Departements.nameOf(code));
        }
    }

    @Test
    void theAnswersTheServiceInsistsOnAreRequiredInTheForm() {
        for (String key : List.of(Vars.BIRTH_DATE, Vars.DEPARTEMENT, Vars.DIPLOMA_LEVEL, Vars.SITUATION, Vars.CONSENT_CONTACT)) {
            assertThat(FIELDS.get(key).path("validate").path("required").asBoolean()).as(key + " required").isTrue();
        }
        assertThat(FIELDS.get(Vars.BIRTH_DATE).path("subtype").asText()).isEqualTo("date");
    }

    @Test
    void theProjectIsAskedOnlyWhenTheYouthHasOne() {
        for (String key : List.of(Vars.PROJECT, Vars.PROJECT_SECTOR)) {
            assertThat(FIELDS.get(key).path("conditional").path("hide").asText()).as(key).isEqualTo("=not(hasProject)");
        }
        assertThat(values(Vars.PROJECT_SECTOR)).containsExactly("numerique", "sante", "btp", "commerce", "tourisme",
                "industrie", "transport", "social", "agriculture", "autre");
    }
}
