package org.passerelle.web;

/** One choice of a select on a page drawn from a template (templates/fragments.html, "options"). */
public record Option(String value, String label, boolean selected) {
}
