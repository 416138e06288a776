package io.celerity.internal.web;

import io.celerity.internal.config.CelerityConfig;

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

    /** Whether this caller may see and act on a task with this owner. */
    public boolean sees(String owner) {
        return admin || (name != null && name.equals(owner));
    }
}
