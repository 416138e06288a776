package io.celerity.internal.web;

import io.celerity.internal.config.CelerityConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Stands before the WebSocket feed's handshake: the caller must authenticate (401 with the application's challenge
 * otherwise), and a browser's Origin must be this server's own or an allowed one (403 otherwise), so that another
 * site cannot open the feed with a visitor's credentials.
 */
class SocketGuard extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        CelerityConfig.Web web = CelerityConfig.get().web();
        if (!web.open() && request.getUserPrincipal() == null && !request.authenticate(response)) {
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, request) && !web.allowedOrigins().contains(origin)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Origin not allowed");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        String host = request.getHeader("Host");
        try {
            URI uri = new URI(origin);
            return host != null && uri.getAuthority() != null && uri.getAuthority().equalsIgnoreCase(host)
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
