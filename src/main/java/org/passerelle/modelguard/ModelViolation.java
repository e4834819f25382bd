package org.passerelle.modelguard;

/** One rule a deployed resource breaks, located for the programme lead who deployed it. */
record ModelViolation(String resource, String element, String rule) {

    String inFrench() {
        return "« " + resource + " »" + (element == null ? "" : ", élément « " + element + " »") + " : " + rule;
    }
}
