package io.celerity.internal.web;

import io.celerity.internal.message.DeploymentMessage;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import java.util.Arrays;

/**
 * The servlet of the server's JAX-RS implementation that serves {@link CelerityApplication}. Jakarta REST maps an
 * application without {@code @ApplicationPath} only through a descriptor, and a descriptor cannot follow
 * {@code celerity.api.path}; so Celerity adds the implementation's own servlet, named by its class name (no
 * compile-time dependency), with the standard {@code jakarta.ws.rs.Application} init parameter.
 */
enum JaxRsServlet {

    /** Payara, GlassFish. */
    JERSEY("org.glassfish.jersey.servlet.ServletContainer"),
    /** WildFly; it must also be told the mapping's prefix to match paths below it. */
    RESTEASY("org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher");

    private final String servletClass;

    JaxRsServlet(String servletClass) {
        this.servletClass = servletClass;
    }

    /** Adds the servlet of {@link CelerityApplication} at {@code /<apiPath>/*}, started with the deployment. */
    static ServletRegistration.Dynamic register(ServletContext context, String apiPath) {
        JaxRsServlet servlet = Arrays.stream(values()).filter(candidate -> candidate.present(context.getClassLoader()))
                .findFirst().orElseThrow(() -> new IllegalStateException(DeploymentMessage.NO_JAX_RS_SERVLET.format(
                        Arrays.stream(values()).map(known -> known.servletClass).toList())));
        ServletRegistration.Dynamic registration = context.addServlet("celerity-api", servlet.servletClass);
        registration.setInitParameter("jakarta.ws.rs.Application", CelerityApplication.class.getName());
        if (servlet == RESTEASY) {
            registration.setInitParameter("resteasy.servlet.mapping.prefix", "/" + apiPath);
        }
        registration.addMapping("/" + apiPath + "/*");
        // Jersey must start during deployment: Payara wires its security features into Jersey only then
        registration.setLoadOnStartup(1);
        return registration;
    }

    private boolean present(ClassLoader loader) {
        try {
            Class.forName(servletClass, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
