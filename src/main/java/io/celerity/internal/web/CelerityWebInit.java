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

import java.util.Set;
import java.util.logging.Logger;

/**
 * Adds Celerity's web surface to the application: the REST API ({@link CelerityApplication}, served by a servlet of
 * its own at {@code celerity.api.path}, see {@link JaxRsServlet}), the dashboard ({@link DashboardServlet} at
 * {@code celerity.ui.path}) and the guard of the WebSocket feed. All require an
 * authenticated caller, through the application's own authentication mechanism, unless {@code celerity.security.open}
 * says otherwise.
 */
public class CelerityWebInit implements ServletContainerInitializer {

    private static final Logger LOG = Logger.getLogger(CelerityWebInit.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        // the servlet container calls this outside CDI, at a moment of the deployment that differs between servers:
        // it reads the web keys itself, through the same checks as the extension
        CelerityConfig.Web web =
                CelerityConfig.Web.read(ConfigProvider.getConfig(CelerityWebInit.class.getClassLoader()));
        ServletRegistration.Dynamic servlet = JaxRsServlet.register(context, web.apiPath());
        ServletRegistration.Dynamic dashboard = context.addServlet("celerity-ui", new DashboardServlet(web));
        dashboard.addMapping("/" + web.uiPath() + "/*");
        FilterRegistration.Dynamic socketGuard = context.addFilter("celerity-socket-guard", new SocketGuard(web));
        socketGuard.addMappingForUrlPatterns(null, false, TaskSocketEndpoint.PATH);
        if (web.open()) {
            LOG.warning(WebMessage.OPEN_TO_ANYONE.format(web.apiPath(), web.uiPath(), TaskSocketEndpoint.PATH));
            return;
        }
        ServletSecurityElement callerRequired = new ServletSecurityElement(
                new HttpConstraintElement(ServletSecurity.TransportGuarantee.NONE, "**"));
        servlet.setServletSecurity(callerRequired);
        dashboard.setServletSecurity(callerRequired);
        context.declareRoles(web.adminRole());
    }
}
