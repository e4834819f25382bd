package org.passerelle.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** "Orientation automatique" as shipped (a minor in immediate need, a partner with email) and switched on by a lead. */
class AutomaticReferralDecisionTest {

    private static final DmnEngine ENGINE = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private static boolean automatic(String xml, String track, Integer age, boolean email) {
        var decision = ENGINE.parseDecision(AutomaticReferral.DECISION, new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        return Boolean.TRUE.equals(ENGINE.evaluateDecisionTable(decision, Variables.createVariables().putValue("voie", track)
                .putValue("age", age).putValue("structureAvecCourriel", email)).getFirstResult().getEntry("automatique"));
    }

    @Test
    void shippedOnlyAMinorInImmediateNeedWithAPartnerThatTakesEmail() throws Exception {
        String shipped = Files.readString(Path.of("processes/automatic-referral.dmn"));
        assertThat(automatic(shipped, "relaisImmediat", 17, true)).isTrue();
        assertThat(automatic(shipped, "relaisImmediat", 19, true)).isFalse();
        assertThat(automatic(shipped, "relaisImmediat", 17, false)).isFalse();
        assertThat(automatic(shipped, "relaisImmediat", null, true)).as("age unknown: the mediator decides").isFalse();
        assertThat(automatic(shipped, "orientation", 16, true)).isFalse();
    }

    @Test
    void aLeadSwitchesItOnForTheOrientationTrack() throws Exception {
        String switched = Files.readString(Path.of("processes/automatic-referral.dmn")).replace("<rule id=\"ruleAutomatic2\">", """
                <rule id="ruleAutomaticOrientation">
                  <inputEntry id="ruleAutomaticOrientationTrack"><text>"orientation"</text></inputEntry>
                  <inputEntry id="ruleAutomaticOrientationAge"><text></text></inputEntry>
                  <inputEntry id="ruleAutomaticOrientationEmail"><text>true</text></inputEntry>
                  <outputEntry id="ruleAutomaticOrientationOutput"><text>true</text></outputEntry>
                </rule>
                <rule id="ruleAutomatic2">""");
        assertThat(automatic(switched, "orientation", 22, true)).isTrue();
        assertThat(automatic(switched, "mentorat", 22, true)).isFalse();
    }
}
