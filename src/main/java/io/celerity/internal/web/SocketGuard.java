package io.celerity.internal.web;

import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.json.TaskJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Stands before the WebSocket feed's handshake: the caller must authenticate (401 with the application's challenge
 * otherwise) or bring a ticket from {@code POST <api>/feed-tickets}, and a browser's Origin must be this server's own or an allowed one (403 otherwise), so that another
 * site cannot open the feed with a visitor's credentials.
 */
class SocketGuard extends HttpFilter {

    private final CelerityConfig.Web web;

    SocketGuard(CelerityConfig.Web web) {
        this.web = web;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // a handshake with a ticket stands for the caller the ticket was issued to: the endpoint redeems it
        if (!web.open() && request.getUserPrincipal() == null && request.getParameter(TaskSocketEndpoint.TICKET) == null
                && !request.authenticate(response)) {
            return;
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !allowed(origin, request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType(Problem.MEDIA_TYPE);
            response.getWriter().write(TaskJson.jsonb().toJson(Problem.of(403, "Forbidden",
                    "this origin may not open the task feed (celerity.websocket.allowed-origins)",
                    request.getRequestURI())));
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean allowed(String origin, HttpServletRequest request) {
        String normalized = normalize(origin);
        if (normalized == null) {
            return false;
        }
        String own = normalize(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
        return normalized.equals(own) || web.allowedOrigins().stream().map(SocketGuard::normalize)
                .anyMatch(normalized::equals);
    }

    /** {@code scheme://host:port} in lower case with the port spelled out, or {@code null} if it is no origin. */
    static String normalize(String origin) {
        try {
            URI uri = new URI(origin.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                return null;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
