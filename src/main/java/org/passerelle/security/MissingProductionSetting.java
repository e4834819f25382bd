package org.passerelle.security;

/** A secret that production must receive from its environment is missing: the application does not start. */
public class MissingProductionSetting extends IllegalStateException {

    private final String variable;

    public MissingProductionSetting(String variable, String why) {
        super(variable + " is not set: " + why);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
