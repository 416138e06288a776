package io.celerity.internal.web;

import io.celerity.internal.config.CelerityConfig;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code <celerity.ui.path>/*}: the dashboard, static files of the library jar (package {@value #FILES}), and
 * {@value #CONFIG}, generated, which tells the page where the REST API and the feed are and who the caller is. Only file names of
 * that one folder are served, so no request reaches another resource of the class path.
 */
class DashboardServlet extends HttpServlet {

    private static final String FILES = "io/celerity/internal/web/ui/";
    private static final String CONFIG = "config.json";

    private static final Pattern FILE_NAME = Pattern.compile("[a-z0-9-]+\\.(html|css|js|svg)");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=UTF-8",
            "css", "text/css;charset=UTF-8",
            "js", "text/javascript;charset=UTF-8",
            "svg", "image/svg+xml",
            "json", "application/json");

    private final transient CelerityConfig.Web web;

    DashboardServlet(CelerityConfig.Web web) {
        this.web = web;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        // the container's constraint asks for a caller already; this holds if a server lets an anonymous one through
        if (!web.open() && request.getUserPrincipal() == null && !request.authenticate(response)) {
            return;
        }
        String path = request.getPathInfo();
        if (path == null) {
            // the page's relative links resolve below the folder only with its trailing slash
            response.sendRedirect(request.getRequestURI() + "/");
            return;
        }
        String name = path.equals("/") ? "index.html" : path.substring(1);
        if (name.equals(CONFIG)) {
            secure(request, response, "no-store");
            response.setContentType(TYPES.get("json"));
            response.getWriter().write(config(request).toString());
            return;
        }
        InputStream file = FILE_NAME.matcher(name).matches()
                ? DashboardServlet.class.getClassLoader().getResourceAsStream(FILES + name) : null;
        if (file == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (file) {
            secure(request, response, "no-cache");
            response.setContentType(TYPES.get(name.substring(name.lastIndexOf('.') + 1)));
            file.transferTo(response.getOutputStream());
        }
    }

    /**
     * What the page learns: the API's base path and the feed's path (both with the context root), the largest page and
     * the sortable columns, and who the caller is.
     */
    private JsonObject config(HttpServletRequest request) {
        Caller caller = Caller.of(request.getUserPrincipal(), request::isUserInRole, web);
        String context = request.getContextPath();
        JsonObjectBuilder config = Json.createObjectBuilder()
                .add("api", context + "/" + web.apiPath() + "/")
                .add("feed", context + TaskSocketEndpoint.PATH)
                .add("maxPageSize", web.maxPageSize())
                .add("sortable", Json.createArrayBuilder(web.sortable()))
                .add("admin", caller.admin())
                .add("open", web.open());
        return (caller.name() == null ? config.addNull("user") : config.add("user", caller.name())).build();
    }

    /** The headers of every answer: the page runs only its own scripts and talks only to its own server. */
    private static void secure(HttpServletRequest request, HttpServletResponse response, String cacheControl) {
        String host = request.getHeader("Host");
        String sockets = host != null && HOST.matcher(host).matches() ? " ws://" + host + " wss://" + host : "";
        response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data:; connect-src 'self'" + sockets + "; object-src 'none'; base-uri 'none'; "
                + "form-action 'none'; frame-ancestors 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", cacheControl);
    }
}
