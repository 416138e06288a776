package io.celerity.internal.store;

import io.celerity.api.DefaultTaskMeta;
import io.celerity.api.TaskMeta;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.PreUpdate;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UpdateCallbacksTest {

    static class Plain extends TaskMeta {
    }

    static class Stamped extends TaskMeta {
        @PreUpdate
        void stamp() {
        }
    }

    static class BelowStamped extends Stamped {
    }

    @EntityListeners(Object.class)
    static class Listened extends TaskMeta {
    }

    @Retention(RetentionPolicy.RUNTIME)
    @interface Audited {
    }

    @Audited
    static class AuditedTask extends TaskMeta {
    }

    @Test
    void theEntitysOwnCallbacksListenersAndAuditing_areFound_butNotCeleritysListenerOnTaskMeta() {
        assertFalse(UpdateCallbacks.declaredBy(Plain.class));
        assertFalse(UpdateCallbacks.declaredBy(DefaultTaskMeta.class));
        assertTrue(UpdateCallbacks.declaredBy(Stamped.class));
        assertTrue(UpdateCallbacks.declaredBy(BelowStamped.class));
        assertTrue(UpdateCallbacks.declaredBy(Listened.class));
        assertTrue(UpdateCallbacks.declaredBy(AuditedTask.class));
    }
}
