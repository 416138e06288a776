package io.celerity.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Map;
import java.util.Set;

/**
 * The demo's users, over HTTP basic: two owners, alice and bob, who see only their own tasks, and admin, who holds
 * Celerity's admin role and sees every task. The password is the user name. A real application plugs in its own
 * identity store (database, LDAP, OpenID Connect); Celerity only needs the caller principal and its roles.
 */
@BasicAuthenticationMechanismDefinition(realmName = "celerity-demo")
@ApplicationScoped
public class DemoUsers implements IdentityStore {

    private static final Map<String, Set<String>> GROUPS = Map.of(
            "alice", Set.of("owner"), "bob", Set.of("owner"), "admin", Set.of("owner", "celerity-admin"));

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        Set<String> groups = GROUPS.get(credential.getCaller());
        if (groups == null || !credential.compareTo(credential.getCaller(), credential.getCaller())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(credential.getCaller(), groups);
    }
}
