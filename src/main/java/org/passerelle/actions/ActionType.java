package org.passerelle.actions;

/**
 * What a mediator can do with a youth, as a row of the "Types d'action" decision a programme lead edits:
 * its code (the value the planActions form submits), its label and its default delay in days.
 */
public record ActionType(String code, String label, int defaultDueDays) {
}
