package org.passerelle.security;

/** A secret that production must receive from its environment is missing or weak: the application does not start. */
public class MissingProductionSetting extends IllegalStateException {

    private final String variable;

    public MissingProductionSetting(String variable, String why) {
        this(variable, " is not set: ", why);
    }

    private MissingProductionSetting(String variable, String problem, String why) {
        super(variable + problem + why);
        this.variable = variable;
    }

    /** Set, but guessable: production refuses it too. */
    public static MissingProductionSetting tooWeak(String variable, String rule) {
        return new MissingProductionSetting(variable, " is too weak: ", rule);
    }

    public String variable() {
        return variable;
    }
}
