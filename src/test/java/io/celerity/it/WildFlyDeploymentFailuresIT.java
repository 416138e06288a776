package io.celerity.it;

import io.celerity.it.invalid.BadOptions;
import io.celerity.it.invalid.BadPeriodic;
import io.celerity.it.invalid.DirectResult;
import io.celerity.it.invalid.MisspelledField;
import io.celerity.it.invalid.NoEntityTask;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Wrong setups fail the deployment on WildFly too, and the message that says how to fix them reaches the deployer
 * (the management operation's failure). WildFly's Arquillian adapter reports a failed deployment, so each broken
 * application is deployed on demand and its failure read. The WildFly pass runs it; Payara's passes run
 * {@link DeploymentFailuresIT}, which reads Payara Micro's log instead.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WildFlyDeploymentFailuresIT {

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "invalid-signature", managed = false)
    static WebArchive invalidSignature() {
        return Deployments.war("invalid-signature", "<class>io.celerity.api.DefaultTaskMeta</class>")
                .addClass(DirectResult.class);
    }

    @Deployment(name = "no-task-entity", managed = false)
    static WebArchive noTaskEntity() {
        return Deployments.war("no-task-entity", "").addClass(NoEntityTask.class);
    }

    @Deployment(name = "misspelled-field", managed = false)
    static WebArchive misspelledField() {
        return Deployments.war("misspelled-field", "<class>io.celerity.api.DefaultTaskMeta</class>")
                .addClass(MisspelledField.class);
    }

    @Deployment(name = "bad-options", managed = false)
    static WebArchive badOptions() {
        return Deployments.war("bad-options", "<class>io.celerity.api.DefaultTaskMeta</class>")
                .addClass(BadOptions.class);
    }

    @Deployment(name = "bad-periodic", managed = false)
    static WebArchive badPeriodic() {
        return Deployments.war("bad-periodic", "<class>io.celerity.api.DefaultTaskMeta</class>")
                .addClass(BadPeriodic.class);
    }

    @Deployment(name = "bad-config", managed = false)
    static WebArchive badConfig() {
        return Deployments.war("bad-config", "<class>io.celerity.api.DefaultTaskMeta</class>")
                .addClass(NoEntityTask.class)
                .addAsResource(new StringAsset("celerity.worker.lease=soon\n"), "META-INF/microprofile-config.properties");
    }

    @Test
    void aTaskReturningAValueDirectly_failsItsDeployment_sayingWhatToReturn() {
        assertDeploymentFails("invalid-signature", "CELERITY-0002: " + DirectResult.class.getName()
                + ".add returns int; a @BackgroundTask returns at once, so it must return void or TaskHandle<T>");
    }

    @Test
    void anApplicationWithoutTaskEntity_failsItsDeployment_sayingWhatToAdd() {
        assertDeploymentFails("no-task-entity", "CELERITY-0023: no entity of the persistence unit extends TaskMeta");
    }

    @Test
    void aFieldDefaultTheEntityDoesNotHave_failsTheDeployment_listingTheFields() {
        assertDeploymentFails("misspelled-field", "CELERITY-0025: task " + MisspelledField.class.getName()
                + ".work sets field 'ownr', but DefaultTaskMeta has no such field; its fields are");
    }

    @Test
    void badTaskOptions_andAQueueNoWorkerConsumes_failTheDeployment_listingEveryProblem() {
        String failure = assertDeploymentFails("bad-options",
                "CELERITY-0030: task too-fast has bad settings in @BackgroundTask of");
        for (String problem : new String[] {"rate-limit 'fast': 'fast' is not a rate limit; write N/s, N/m or N/h",
                "priority 12 is not between 0 and 9",
                "CELERITY-0014: task nowhere names queue 'celerity.nowhere', which no worker consumes"}) {
            assertTrue(failure.contains(problem), "no '" + problem + "' in:\n" + failure);
        }
    }

    @Test
    void badSchedules_failTheDeployment_listingEveryProblem() {
        String failure = assertDeploymentFails("bad-periodic",
                "CELERITY-0703: schedule bad-cron: minute field '61' is out of range 0-59");
        for (String problem : List.of("CELERITY-0704: schedule bad-zone names zone 'Mars/Olympus'",
                "CELERITY-0707: schedule bad-arguments: the arguments [1] do not fit task bad-arguments",
                "CELERITY-0712: public void " + BadPeriodic.class.getName() + ".notATask() has @Periodic")) {
            assertTrue(failure.contains(problem), "no '" + problem + "' in:\n" + failure);
        }
    }

    @Test
    void aBadConfigurationValue_failsTheDeployment_namingTheKey() {
        assertDeploymentFails("bad-config", "CELERITY-0031: celerity.worker.lease: 'soon' is not a duration");
    }

    /** Deploys the application, expects the deployment to fail with the message, and returns the whole failure. */
    private String assertDeploymentFails(String application, String message) {
        Exception failed = assertThrows(Exception.class, () -> deployer.deploy(application),
                application + " was deployed");
        StringBuilder failure = new StringBuilder();
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            failure.append(cause).append('\n');
        }
        assertTrue(failure.toString().contains(message), "no '" + message + "' in:\n" + failure);
        return failure.toString();
    }
}
