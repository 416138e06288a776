package ${package};

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Map;
import java.util.Set;

/**
 * The users, over HTTP basic: two owners, alice and bob, who see only their own tasks, and admin, who holds
 * Celerity's admin role and sees every task. The password is the user name. Replace it with your own identity store
 * (database, LDAP, OpenID Connect): Celerity only needs the caller's name and roles.
 */
@BasicAuthenticationMechanismDefinition(realmName = "celerity-app")
@ApplicationScoped
public class Users implements IdentityStore {

    private static final Map<String, Set<String>> GROUPS = Map.of(
            "alice", Set.of("owner"), "bob", Set.of("owner"), "admin", Set.of("owner", "celerity-admin"));

    /** Called by the container for the user name and password of each request (IdentityStore's validate). */
    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        Set<String> groups = GROUPS.get(credential.getCaller());
        if (groups == null || !credential.compareTo(credential.getCaller(), credential.getCaller())) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(credential.getCaller(), groups);
    }
}
