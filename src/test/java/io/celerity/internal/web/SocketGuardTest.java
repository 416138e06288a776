package io.celerity.internal.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SocketGuardTest {

    @Test
    void origins_areComparedBySchemeHostAndEffectivePort() {
        assertEquals("https://app.example.com:443", SocketGuard.normalize("https://App.Example.com"));
        assertEquals("https://app.example.com:443", SocketGuard.normalize("HTTPS://app.example.com:443"));
        assertEquals("http://localhost:8080", SocketGuard.normalize("http://localhost:8080"));
        assertEquals("http://app.example.com:80", SocketGuard.normalize("http://app.example.com"));
    }

    @Test
    void whatIsNoOrigin_isNothing() {
        assertNull(SocketGuard.normalize("null"));
        assertNull(SocketGuard.normalize("file:///etc/passwd"));
        assertNull(SocketGuard.normalize("chrome-extension://abc"));
        assertNull(SocketGuard.normalize("http://"));
        assertNull(SocketGuard.normalize("not a uri"));
    }
}
