package org.passerelle.modelguard;

import java.util.List;
import java.util.Map;

/**
 * The inputs a lead types into a palette task (its element template's fields) are checked at deploy time: a
 * message that could not be sent is refused now, in French, instead of failing a journey later.
 */
public interface DelegateInputCheck {

    /** The delegate bean this check applies to, as in {@code ${name}}. */
    String delegateName();

    /**
     * French reasons the task's input parameters (name → text; null when not plain text: a list, a map, a script)
     * cannot be used; empty when they can.
     */
    List<String> problems(Map<String, String> inputParameters);
}
