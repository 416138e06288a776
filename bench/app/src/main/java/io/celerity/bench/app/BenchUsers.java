package io.celerity.bench.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Set;

/**
 * The benchmark's callers of Celerity's REST API: every owner-N with the password "bench", so lists are per owner,
 * and bench-admin, who sees every task as the dashboard's admin does.
 */
@BasicAuthenticationMechanismDefinition(realmName = "celerity-bench")
@ApplicationScoped
public class BenchUsers implements IdentityStore {

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        if (!credential.getCaller().matches("owner-\\d+|bench-admin")
                || !credential.compareTo(credential.getCaller(), "bench")) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(credential.getCaller(),
                credential.getCaller().equals("bench-admin") ? Set.of("owner", "celerity-admin") : Set.of("owner"));
    }
}
