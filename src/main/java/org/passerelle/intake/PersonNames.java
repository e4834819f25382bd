package org.passerelle.intake;

import java.text.Normalizer;

/**
 * A name a youth gives (a WhatsApp profile name, a form field) is shown in Tasklist form headers, which render
 * markdown: only letters, marks, digits, spaces, hyphens and apostrophes are kept, never markup, links
 * (not even a bare www.), control or direction-override characters.
 */
public final class PersonNames {

    public static final int MAX_LENGTH = 40;

    private PersonNames() {
    }

    /** The name as plain text, or null when nothing readable is left. */
    public static String clean(String name) {
        if (name == null) {
            return null;
        }
        String normalized = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder kept = new StringBuilder();
        normalized.codePoints().forEach(c -> {
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                    || Character.getType(c) == Character.COMBINING_SPACING_MARK) {
                kept.appendCodePoint(c);
            } else if (c == '-' || c == '\'' || c == '’') {
                kept.appendCodePoint(c);
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                kept.append(' ');
            }
        });
        String cleaned = kept.toString().replaceAll("\\s+", " ").strip();
        if (cleaned.length() > MAX_LENGTH) {
            cleaned = cleaned.substring(0, MAX_LENGTH).strip();
        }
        return cleaned.isEmpty() ? null : cleaned;
    }
}
