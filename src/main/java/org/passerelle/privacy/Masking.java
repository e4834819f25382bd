package org.passerelle.privacy;

import java.util.regex.Pattern;

/**
 * What an error text may quote of a youth (a phone number, a WhatsApp user id, a database key) is replaced
 * before it is kept in a log or the engine's job log. The same rule as the log pattern in application.yaml.
 */
public final class Masking {

    private static final Pattern LONG_NUMBER = Pattern.compile("\\d{6,}");

    private Masking() {
    }

    public static String mask(String text) {
        return text == null ? null : LONG_NUMBER.matcher(text).replaceAll("[numéro masqué]");
    }
}
