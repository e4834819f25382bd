package org.passerelle.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Camunda group ids and the Spring Security authorities they grant on /api. */
public final class Roles {

    public static final String MEDIATORS = "mediateurs";
    public static final String PROGRAMME_LEADS = "responsables-programme";
    public static final String SUPERVISORS = "superviseurs";
    public static final String ADMINS = "camunda-admin";
    /** Operators and their Prometheus: metrics only, no Camunda permission at all. */
    public static final String OPERATORS = "exploitation";

    private Roles() {
    }

    public static SimpleGrantedAuthority authorityOf(String groupId) {
        return new SimpleGrantedAuthority("GROUP_" + groupId);
    }
}
