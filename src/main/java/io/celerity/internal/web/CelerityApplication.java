package io.celerity.internal.web;

import io.celerity.internal.config.CelerityConfig;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Map;
import java.util.Set;

/**
 * Celerity's own JAX-RS application: the REST API, served at {@code celerity.api.path} by the servlet
 * {@link JaxRsServlet} adds. Its properties reach every resource's {@code Configuration}; {@link #MARKER} tells
 * Celerity's resources that they answer inside it and not inside an application's catch-all one (Jakarta REST gives
 * an application whose {@code getClasses()} is empty every resource class of the WAR, Celerity's included).
 */
public class CelerityApplication extends Application {

    /** Set in Celerity's own application only: its resources answer nowhere else. */
    static final String MARKER = "io.celerity.api";

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(TaskResource.class, ScheduleResource.class, NodeResource.class, MetricsResource.class,
                QueueResource.class, DeadLetterResource.class, StatsResource.class, FeedTicketResource.class,
                ProblemMapper.class);
    }

    @Override
    public Set<Object> getSingletons() {
        // made by the JAX-RS runtime, outside CDI: it reads the web keys itself, through the same checks as the extension
        CelerityConfig.Web web =
                CelerityConfig.Web.read(ConfigProvider.getConfig(CelerityApplication.class.getClassLoader()));
        return Set.of(new BodyLimit(web.maxBodySize()));
    }

    @Override
    public Map<String, Object> getProperties() {
        // Jersey (Payara) answers an error status with the servlet container's error page unless told otherwise;
        // other implementations ignore the key
        return Map.of(MARKER, true, "jersey.config.server.response.setStatusOverSendError", true);
    }
}
