package io.celerity.internal.web;

import io.celerity.internal.config.CelerityConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Stands before the REST API: an unauthenticated caller gets the application's challenge (401), as a security
 * constraint would give it, but through the Servlet API alone, so that the guard holds on every server whatever
 * registered the API's servlet.
 */
class ApiGuard extends HttpFilter {

    private final CelerityConfig.Web web;

    ApiGuard(CelerityConfig.Web web) {
        this.web = web;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (web.open() || request.getUserPrincipal() != null || request.authenticate(response)) {
            chain.doFilter(request, response);
        }
    }
}
