package io.celerity.internal.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CelerityConfigTest {

    @Test
    void noKeysSet_givesTheDocumentedDefaults() {
        CelerityConfig config = CelerityConfig.read(MapConfig.of());

        assertTrue(config.node().matches(".+:\\d+"), "host:pid, not " + config.node());
        assertTrue(config.runner().startsWith(config.node() + "/"));
        assertEquals("jms/celerity", config.connectionFactory());
        assertTrue(config.embeddedBroker());
        assertEquals("127.0.0.1", config.embeddedBrokerHost());
        assertEquals(61616, config.embeddedBrokerPort());
        assertEquals(Path.of(System.getProperty("user.dir"), "celerity-data", "broker"),
                config.embeddedBrokerDataDir());
        assertEquals(Optional.empty(), config.taskEntity());
        assertEquals(Duration.ofSeconds(30), config.lease());
        assertEquals(Duration.ofSeconds(10), config.sweepInterval());
        assertEquals(Duration.ofSeconds(30), config.shutdownGrace());
        assertEquals(Duration.ofDays(2), config.statsKeep());
        assertTrue(config.outbox());
        assertEquals(Map.of(), config.taskSettings("add", Set.of("max-retries")));
    }

    @Test
    void noKeysSet_givesTheWebSurfacesDocumentedDefaults() {
        CelerityConfig.Web web = CelerityConfig.read(MapConfig.of()).web();

        assertEquals("celerity/api", web.apiPath());
        assertEquals("celerity/ui", web.uiPath());
        assertEquals(200, web.maxPageSize());
        assertEquals(65536, web.maxBodySize());
        assertEquals(List.of("createdAt", "changedAt", "startedAt", "finishedAt", "taskName", "state", "priority"),
                web.sortable());
        assertEquals(Set.of(), web.sensitiveFields());
        assertEquals("celerity-admin", web.adminRole());
        assertFalse(web.open());
        assertEquals("owner", web.ownerField());
        assertFalse(web.ownerFieldConfigured());
        assertEquals(List.of(), web.allowedOrigins());
    }

    @Test
    void setKeys_overrideTheDefaults() {
        CelerityConfig config = CelerityConfig.read(MapConfig.of(
                "celerity.node", "node-a",
                "celerity.enqueue", "xa",
                "celerity.broker.embedded", "off",
                "celerity.broker.embedded.port", "61700",
                "celerity.worker.lease", "PT1M",
                "celerity.sweeper.interval", "500ms",
                "celerity.stats.keep", "6h",
                "celerity.task-entity", "com.example.Job",
                "celerity.task.\"add\".max-retries", "5",
                "celerity.api.path", "/ops/tasks/",
                "celerity.ui.path", "/ops/dashboard/",
                "celerity.security.open", "YES",
                "celerity.security.owner-field", "owner.login",
                "celerity.websocket.allowed-origins", "https://app.example.com, http://localhost:8080/"));

        assertEquals("node-a", config.node());
        assertFalse(config.outbox());
        assertFalse(config.embeddedBroker());
        assertEquals(61700, config.embeddedBrokerPort());
        assertEquals(Duration.ofMinutes(1), config.lease());
        assertEquals(Duration.ofMillis(500), config.sweepInterval());
        assertEquals(Duration.ofHours(6), config.statsKeep());
        assertEquals(Optional.of("com.example.Job"), config.taskEntity());
        assertEquals(Map.of("max-retries", "5"), config.taskSettings("add", Set.of("max-retries", "priority")));
        assertEquals("ops/tasks", config.web().apiPath());
        assertEquals("ops/dashboard", config.web().uiPath());
        assertTrue(config.web().open());
        assertEquals("owner.login", config.web().ownerField());
        assertTrue(config.web().ownerFieldConfigured());
        assertEquals(List.of("https://app.example.com", "http://localhost:8080/"), config.web().allowedOrigins());
    }

    @ParameterizedTest(name = "{0}={1} fails with {2}")
    @CsvSource(delimiter = '|', value = {
            "celerity.worker.lease          | soon             | CELERITY-0031",
            "celerity.worker.lease          | 0s               | CELERITY-0031",
            "celerity.sweeper.interval      | -PT5S            | CELERITY-0031",
            "celerity.worker.shutdown-grace | 10 seconds       | CELERITY-0031",
            "celerity.stats.keep            | 0                | CELERITY-0031",
            "celerity.enqueue               | kafka            | CELERITY-0032",
            "celerity.api.path              | tasks api        | CELERITY-0033",
            "celerity.api.path              | /                | CELERITY-0033",
            "celerity.ui.path               | ui/<script>      | CELERITY-0033",
            "celerity.ui.path               | my dashboard     | CELERITY-0033",
            "celerity.api.max-page-size     | 0                | CELERITY-0034",
            "celerity.api.max-page-size     | lots             | CELERITY-0034",
            "celerity.api.max-body-size     | -1               | CELERITY-0034",
            "celerity.worker.concurrency    | eight            | CELERITY-0034",
            "celerity.broker.embedded.port  | 70000            | CELERITY-0035",
            "celerity.broker.embedded.port  | http             | CELERITY-0035",
            "celerity.broker.embedded       | maybe            | CELERITY-0036",
            "celerity.security.open         | ture             | CELERITY-0036",
            "celerity.websocket.allowed-origins | app.example.com | CELERITY-0038",
    })
    void aBadValue_failsWithItsId_namingTheKeyAndTheValue(String key, String value, String id) {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> CelerityConfig.read(MapConfig.of(key, value)));

        assertTrue(error.getMessage().startsWith(id + ": " + key), error.getMessage());
        assertTrue(error.getMessage().contains(value), error.getMessage());
    }

    @ParameterizedTest(name = "ui {0}, api {1}")
    @CsvSource({"celerity/api, celerity/api", "celerity/api/ui, celerity/api", "ops, ops/api"})
    void aDashboardPathOverlappingTheApis_failsWithItsId(String ui, String api) {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> CelerityConfig.read(MapConfig.of("celerity.ui.path", ui, "celerity.api.path", api)));

        assertTrue(error.getMessage().startsWith("CELERITY-0043: celerity.ui.path '" + ui + "'"), error.getMessage());
    }

    @Test
    void aDashboardPathBesideTheApis_isAccepted() {
        assertEquals("celerity/apiary", CelerityConfig.read(MapConfig.of("celerity.ui.path", "celerity/apiary"))
                .web().uiPath());
    }

    @Test
    void aDataDirThatIsNoPath_failsWithItsId() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> CelerityConfig.read(MapConfig.of("celerity.broker.embedded.data-dir", "data\0dir")));

        assertTrue(error.getMessage().startsWith("CELERITY-0037: celerity.broker.embedded.data-dir is"),
                error.getMessage());
    }

    @Test
    void theWebKeysAlone_areCheckedAsTheWholeConfiguration() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> CelerityConfig.Web.read(MapConfig.of("celerity.api.max-body-size", "1MB")));

        assertTrue(error.getMessage().startsWith("CELERITY-0034: celerity.api.max-body-size is 1MB"),
                error.getMessage());
    }
}
