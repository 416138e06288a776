package io.celerity.it;

import io.celerity.demo.Account;
import io.celerity.demo.AsyncTask;
import io.celerity.demo.Provider;
import io.celerity.it.invalid.BadOptions;
import io.celerity.it.invalid.BadPeriodic;
import io.celerity.it.invalid.MediumTask;
import io.celerity.it.invalid.DirectResult;
import io.celerity.it.invalid.MisspelledField;
import io.celerity.it.invalid.NoEntityTask;
import io.celerity.it.invalid.SecondTaskEntity;
import io.celerity.it.invalid.Team;
import io.celerity.it.invalid.TeamOwnedTask;
import io.celerity.it.invalid.ThirdTaskEntity;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Wrong setups fail the deployment with a message that says how to fix them. Payara Micro keeps running when an
 * application fails to deploy, which its Arquillian adapter cannot report, so this test starts Payara Micro itself
 * with several broken applications and reads what each deployment said.
 */
class DeploymentFailuresIT {

    private static final File TARGET = new File(System.getProperty("celerity.test.target", "target"));
    private static final List<String> LOG = new ArrayList<>();
    private static Process payara;

    @BeforeAll
    static void deployBrokenApplications() throws Exception {
        File wars = new File(TARGET, "broken-wars");
        wars.mkdirs();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Dcelerity.broker.embedded=false", "-jar",
                new File(TARGET, "payara-micro.jar").getPath(), "--nocluster", "--autobindhttp",
                "--postbootcommandfile", new File(TARGET, "test-post-boot.asadmin").getPath()));
        for (WebArchive war : List.of(
                Deployments.war("invalid-signature", "<class>io.celerity.api.DefaultTaskMeta</class>")
                        .addClass(DirectResult.class),
                Deployments.war("no-task-entity", "").addClass(NoEntityTask.class),
                Deployments.war("misspelled-field", "<class>io.celerity.api.DefaultTaskMeta</class>")
                        .addClass(MisspelledField.class),
                Deployments.war("two-task-entities", "").addClasses(NoEntityTask.class, SecondTaskEntity.class,
                        ThirdTaskEntity.class),
                Deployments.war("bad-options", "<class>io.celerity.api.DefaultTaskMeta</class>")
                        .addClass(BadOptions.class),
                Deployments.war("bad-periodic", "<class>io.celerity.api.DefaultTaskMeta</class>")
                        .addClass(BadPeriodic.class),
                Deployments.war("unnamed-owner", "").addClasses(NoEntityTask.class, TeamOwnedTask.class, Team.class),
                Deployments.war("bad-task-type", "").addClasses(MediumTask.class, AsyncTask.class, Account.class,
                        Provider.class),
                Deployments.war("bad-config", "<class>io.celerity.api.DefaultTaskMeta</class>")
                        .addClass(NoEntityTask.class)
                        .addAsResource(new StringAsset("celerity.worker.lease=soon\n"),
                                "META-INF/microprofile-config.properties"))) {
            File file = new File(wars, war.getName());
            war.as(ZipExporter.class).exportTo(file, true);
            command.addAll(List.of("--deploy", file.getPath()));
        }
        payara = new ProcessBuilder(command).redirectErrorStream(true).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        try (BufferedReader output = new BufferedReader(new InputStreamReader(payara.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (System.nanoTime() < deadline && (line = output.readLine()) != null) {
                LOG.add(line);
                if (line.contains("Payara Micro") && line.contains("ready in")) {
                    return;
                }
            }
        }
        throw new AssertionError("Payara Micro did not finish starting:\n" + String.join("\n", LOG));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (payara != null) {
            payara.destroy();
            if (!payara.waitFor(30, TimeUnit.SECONDS)) {
                payara.destroyForcibly();
            }
        }
    }

    @Test
    void aTaskReturningAValueDirectly_failsItsDeployment_sayingWhatToReturn() {
        assertDeploymentFailed("invalid-signature", "CELERITY-0002: " + DirectResult.class.getName()
                + ".add returns int; a @BackgroundTask returns at once, so it must return void or TaskHandle<T>");
    }

    @Test
    void anApplicationWithoutTaskEntity_failsItsDeployment_sayingWhatToAdd() {
        assertDeploymentFailed("no-task-entity", "CELERITY-0023: no entity of the persistence unit extends TaskMeta");
    }

    @Test
    void aFieldDefaultTheEntityDoesNotHave_failsTheDeployment_listingTheFields() {
        assertDeploymentFailed("misspelled-field", "CELERITY-0025: task " + MisspelledField.class.getName()
                + ".work sets field 'ownr', but DefaultTaskMeta has no such field; its fields are");
    }

    @Test
    void twoTaskEntities_failTheDeployment_namingTheKeyToSet() {
        assertDeploymentFailed("two-task-entities", "CELERITY-0022: several entities extend TaskMeta: "
                + SecondTaskEntity.class.getName() + ", " + ThirdTaskEntity.class.getName()
                + "; set celerity.task-entity");
    }

    @Test
    void badTaskOptions_andAQueueNoWorkerConsumes_failTheDeployment() {
        assertDeploymentFailed("bad-options", "CELERITY-0030: task too-fast has bad settings in @BackgroundTask of");
        String log = String.join("\n", LOG);
        for (String problem : List.of("rate-limit 'fast': 'fast' is not a rate limit; write N/s, N/m or N/h",
                "priority 12 is not between 0 and 9",
                "CELERITY-0014: task nowhere names queue 'celerity.nowhere', which no worker consumes")) {
            assertTrue(log.contains(problem), "no '" + problem + "' in the log");
        }
    }

    @Test
    void badSchedules_failTheDeployment_listingEveryProblem() {
        assertDeploymentFailed("bad-periodic", "CELERITY-0703: schedule bad-cron: minute field '61' is out of range 0-59");
        String log = String.join("\n", LOG);
        for (String problem : List.of("CELERITY-0704: schedule bad-zone names zone 'Mars/Olympus'",
                "CELERITY-0707: schedule bad-arguments: the arguments [1] do not fit task bad-arguments",
                "CELERITY-0712: public void " + BadPeriodic.class.getName() + ".notATask() has @Periodic")) {
            assertTrue(log.contains(problem), "no '" + problem + "' in the log");
        }
    }

    @Test
    void anOwnerAssociationWithoutUserName_failsTheDeployment_namingTheKeyToSet() {
        assertDeploymentFailed("unnamed-owner", "CELERITY-0042: the task entity TeamOwnedTask's owner field 'owner' is an "
                + "association to Team, which has no text attribute named login, username, userName to compare "
                + "with the signed-in user's name; set celerity.security.owner-field to owner.<attribute holding the "
                + "user name> (or owner.id to compare by its id)");
    }

    @Test
    void aTaskTypeOutsideTheEntitysChoices_failsTheDeployment() {
        assertDeploymentFailed("bad-task-type", "CELERITY-0027: task medium has type 'MEDIUM', which breaks the task "
                + "entity's constraints: taskType must be LONG or SHORT");
    }

    @Test
    void aBadConfigurationValue_failsTheDeployment_namingTheKey() {
        assertDeploymentFailed("bad-config", "CELERITY-0031: celerity.worker.lease: 'soon' is not a duration");
    }

    private static void assertDeploymentFailed(String application, String message) {
        String log = String.join("\n", LOG);
        assertTrue(log.contains(message), "no '" + message + "' in:\n" + log);
        // one problem is quoted on the line; several are announced as a list
        boolean failed = LOG.stream().anyMatch(line -> line.contains("Exception while loading the app")
                && (line.contains(message.substring(0, 13)) || line.contains("Exception List with")));
        assertTrue(failed, application + " did not fail to deploy");
        assertTrue(LOG.stream().noneMatch(line -> line.contains("Loading application [" + application + "]")
                && line.contains("successfully")), application + " was deployed");
    }

    private static String javaBinary() throws IOException {
        return new File(System.getProperty("java.home"), "bin/java").getCanonicalPath();
    }
}
