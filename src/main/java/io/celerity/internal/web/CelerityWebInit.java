package io.celerity.internal.web;

import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.message.DeploymentMessage;
import io.celerity.internal.message.WebMessage;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Set;
import java.util.logging.Logger;

/**
 * Guards Celerity's web surface: the REST API (the servlet of {@link CelerityApplication}, which
 * META-INF/web-fragment.xml declares) behind an {@link ApiGuard}, the WebSocket feed behind a {@link SocketGuard}.
 * Both require an authenticated caller, through the application's own authentication mechanism, unless
 * {@code celerity.security.open} says otherwise.
 */
public class CelerityWebInit implements ServletContainerInitializer {

    private static final Logger LOG = Logger.getLogger(CelerityWebInit.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        // the servlet container calls this outside CDI, at a moment of the deployment that differs between servers:
        // it reads the web keys itself, through the same checks as the extension
        CelerityConfig.Web web =
                CelerityConfig.Web.read(ConfigProvider.getConfig(CelerityWebInit.class.getClassLoader()));
        String api = CelerityApplication.class.getName();
        checkMapping(context.getServletRegistration(api), web.apiPath());
        context.addFilter("celerity-api-guard", new ApiGuard(web)).addMappingForServletNames(null, false, api);
        FilterRegistration.Dynamic socketGuard = context.addFilter("celerity-socket-guard", new SocketGuard(web));
        socketGuard.addMappingForUrlPatterns(null, false, TaskSocketEndpoint.PATH);
        if (web.open()) {
            LOG.warning(WebMessage.OPEN_TO_ANYONE.format(web.apiPath(), TaskSocketEndpoint.PATH));
            return;
        }
        context.declareRoles(web.adminRole());
    }

    /** The API's servlet must answer where celerity.api.path says, which is where links and the OpenAPI document point. */
    private static void checkMapping(ServletRegistration api, String apiPath) {
        String pattern = "/" + apiPath + "/*";
        if (api == null || !Set.copyOf(api.getMappings()).equals(Set.of(pattern))) {
            throw new IllegalStateException(DeploymentMessage.API_PATH_NOT_MAPPED.format(apiPath,
                    api == null ? "nothing" : api.getMappings(), CelerityApplication.class.getName(), pattern));
        }
    }
}
