package io.celerity.it.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Map;
import java.util.Set;

/** Three users over HTTP basic: two owners and an admin. The password is the login followed by "-pw". */
@BasicAuthenticationMechanismDefinition(realmName = "celerity-it")
@ApplicationScoped
public class WebUsers implements IdentityStore {

    private static final Map<String, Set<String>> GROUPS = Map.of(
            "alice", Set.of("owner"), "bob", Set.of("owner"), "admin", Set.of("celerity-admin"));

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        Set<String> groups = GROUPS.get(credential.getCaller());
        if (groups == null || !credential.compareTo(credential.getCaller(), credential.getCaller() + "-pw")) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(credential.getCaller(), groups);
    }
}
