package org.passerelle.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints Spring Boot's "APPLICATION FAILED TO START" with what to set, instead of a long stack trace. */
class MissingProductionSettingAnalyzer extends AbstractFailureAnalyzer<MissingProductionSetting> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingProductionSetting cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set the environment variable " + cause.variable() + ", or run the demo (profile \"demo\").", cause);
    }
}
