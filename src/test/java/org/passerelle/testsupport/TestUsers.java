package org.passerelle.testsupport;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Throwaway accounts for tests (the test profile seeds no demo users). Password: "pw-" + id. */
public final class TestUsers {

    private TestUsers() {
    }

    public static String ensure(IdentityService identity, String id, String groupId) {
        if (identity.createUserQuery().userId(id).singleResult() == null) {
            User user = identity.newUser(id);
            user.setFirstName(id);
            user.setLastName("Essai");
            user.setPassword(password(id));
            identity.saveUser(user);
            identity.createMembership(id, groupId);
        }
        return id;
    }

    public static String password(String id) {
        return "pw-" + id;
    }
}
