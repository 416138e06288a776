package io.celerity.internal.web;

import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.message.WebMessage;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.HttpConstraintElement;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.annotation.ServletSecurity;
import org.eclipse.microprofile.config.ConfigProvider;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;

import java.util.Set;
import java.util.logging.Logger;

/**
 * Adds Celerity's web surface to the application: the REST API (a Jersey servlet of its own at
 * {@code celerity.api.path}) and the guard of the WebSocket feed. Both require an authenticated caller, through the
 * application's own authentication mechanism, unless {@code celerity.security.open} says otherwise.
 */
public class CelerityWebInit implements ServletContainerInitializer {

    /** Set on Celerity's own Jersey application only: its resources answer nowhere else. */
    static final String MARKER = "io.celerity.api";

    private static final Logger LOG = Logger.getLogger(CelerityWebInit.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        // the servlet container calls this outside CDI, at a moment of the deployment that differs between servers:
        // it reads the web keys itself, through the same checks as the extension
        CelerityConfig.Web web =
                CelerityConfig.Web.read(ConfigProvider.getConfig(CelerityWebInit.class.getClassLoader()));
        ResourceConfig api = new ResourceConfig(TaskResource.class, ProblemMapper.class)
                .register(new BodyLimit(web.maxBodySize()))
                .property(MARKER, true)
                .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        ServletRegistration.Dynamic servlet = context.addServlet("celerity-api", new ServletContainer(api));
        servlet.addMapping("/" + web.apiPath() + "/*");
        // Jersey must start during deployment: Payara wires its security features into Jersey only then
        servlet.setLoadOnStartup(1);
        FilterRegistration.Dynamic socketGuard = context.addFilter("celerity-socket-guard", new SocketGuard(web));
        socketGuard.addMappingForUrlPatterns(null, false, TaskSocketEndpoint.PATH);
        if (web.open()) {
            LOG.warning(WebMessage.OPEN_TO_ANYONE.format(web.apiPath(), TaskSocketEndpoint.PATH));
            return;
        }
        servlet.setServletSecurity(new ServletSecurityElement(
                new HttpConstraintElement(ServletSecurity.TransportGuarantee.NONE, "**")));
        context.declareRoles(web.adminRole());
    }
}
