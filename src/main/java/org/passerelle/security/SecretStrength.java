package org.passerelle.security;

/** The least a production secret must be: long enough and not one character repeated. */
public final class SecretStrength {

    private SecretStrength() {
    }

    public static boolean isStrong(String secret, int minLength, int minDistinctCharacters) {
        return secret != null && secret.length() >= minLength
                && secret.codePoints().distinct().count() >= minDistinctCharacters;
    }
}
