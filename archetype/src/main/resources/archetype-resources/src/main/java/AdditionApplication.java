package ${package};

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The application's own REST API, under {@code /api}; Celerity's is under {@code /celerity/api}. */
@ApplicationPath("/api")
public class AdditionApplication extends Application {
}
