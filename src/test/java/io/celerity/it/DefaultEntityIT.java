package io.celerity.it;

import io.celerity.api.DefaultTaskMeta;
import io.celerity.api.TaskHandle;
import io.celerity.api.TaskState;
import io.celerity.api.Tasks;
import io.celerity.internal.store.TaskEntityModel;
import io.celerity.it.plain.Greeter;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** An application with no TaskMeta entity of its own: tasks go to the default entity, table celerity_task. */
@ExtendWith(ArquillianExtension.class)
class DefaultEntityIT {

    @Deployment
    static WebArchive deployment() {
        // this application enqueues with XA; the other suites use the default, the outbox
        return Deployments.war("celerity-default-entity", "<class>io.celerity.api.DefaultTaskMeta</class>")
                .addClasses(Greeter.class, DefaultEntityIT.class)
                .addAsResource(new StringAsset("celerity.enqueue=xa\n"), "META-INF/microprofile-config.properties");
    }

    @Inject
    Greeter greeter;

    @Inject
    Tasks tasks;

    @Inject
    TaskEntityModel model;

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Test
    void withXa_aRolledBackEnqueueLeavesNothing_andACommittedOneRuns() throws Exception {
        TestTransactions.begin(transaction);
        String rolledBack = tasks.with(Map.of("owner", "dave")).call(() -> greeter.greet("nobody")).id();
        transaction.rollback();
        assertNull(em.find(DefaultTaskMeta.class, rolledBack));

        TestTransactions.begin(transaction);
        TaskHandle<String> committed = tasks.with(Map.of("owner", "dave")).call(() -> greeter.greet("xa"));
        transaction.commit();
        assertEquals("Hello, xa", committed.get(Duration.ofSeconds(30)));
        assertNull(em.find(DefaultTaskMeta.class, rolledBack), "the rolled-back task never appeared");
    }

    @Test
    void tasksAreStoredInTheDefaultEntity_withOwnerAndProgress() throws Exception {
        TaskHandle<String> hello = tasks.with(Map.of("owner", "carol")).call(() -> greeter.greet("world"));

        assertEquals("Hello, world", hello.get(Duration.ofSeconds(30)));
        assertEquals(DefaultTaskMeta.class, model.entityClass());
        DefaultTaskMeta row = em.find(DefaultTaskMeta.class, hello.id());
        assertEquals(TaskState.SUCCESS, row.getState());
        assertEquals("carol", row.getOwner());
        assertEquals("GREETING", row.getTaskType());
        assertEquals(Greeter.class.getName() + ".greet", row.getTaskName());
        assertEquals(1, row.getCurrent());
        assertEquals(2, row.getTotal());
        assertEquals("\"Hello, world\"", row.getResult());
    }
}
