package io.celerity.internal.web;

import io.celerity.internal.config.CelerityConfig;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.SecurityContext;

import java.security.Principal;
import java.util.function.Predicate;

/**
 * Who asks, as the web surface sees it: the principal's name, and whether they hold the admin role. Admins see
 * every task; everyone else sees only the tasks they own.
 *
 * @param name  the principal's name, {@code null} when anonymous (only in open mode)
 * @param admin holds {@code celerity.security.admin-role}, or the surface is open
 */
public record Caller(String name, boolean admin) {

    static Caller of(Principal principal, Predicate<String> inRole, CelerityConfig.Web web) {
        return new Caller(principal == null ? null : principal.getName(), web.open() || inRole.test(web.adminRole()));
    }

    /**
     * Who asks a resource of Celerity's REST API; outside Celerity's own JAX-RS application (an application's
     * catch-all one) nothing is there.
     */
    static Caller of(Configuration configuration, SecurityContext security, CelerityConfig.Web web) {
        if (!Boolean.TRUE.equals(configuration.getProperty(CelerityApplication.MARKER))) {
            throw new NotFoundException();
        }
        return of(security.getUserPrincipal(), security::isUserInRole, web);
    }

    /** As {@link #of(Configuration, SecurityContext, CelerityConfig.Web)}, for holders of the admin role only. */
    static Caller admin(Configuration configuration, SecurityContext security, CelerityConfig.Web web, String what) {
        Caller caller = of(configuration, security, web);
        if (!caller.admin()) {
            throw new ApiProblem(403, "Forbidden", what + " for holders of role " + web.adminRole());
        }
        return caller;
    }

    /** Whether this caller may see and act on a task with this owner. */
    public boolean sees(String owner) {
        return admin || (name != null && name.equals(owner));
    }
}
