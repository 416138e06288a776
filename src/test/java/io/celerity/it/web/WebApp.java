package io.celerity.it.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The test application's own JAX-RS application: empty, so it serves every resource it finds. */
@ApplicationPath("app")
public class WebApp extends Application {
}
