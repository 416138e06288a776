package io.celerity.internal.store;

import io.celerity.api.DefaultTaskMeta;
import io.celerity.api.TaskMeta;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntityChoiceTest {

    static class Invoice {
    }

    static class MyTask extends TaskMeta {
    }

    static class OtherTask extends TaskMeta {
    }

    abstract static class AbstractTask extends TaskMeta {
    }

    @Test
    void theApplicationsOwnEntity_winsOverTheDefault() {
        assertEquals(MyTask.class, EntityChoice.choose(List.of(Invoice.class, DefaultTaskMeta.class, MyTask.class,
                AbstractTask.class), Optional.empty()));
    }

    @Test
    void withoutAnEntityOfItsOwn_theDefaultIsUsed() {
        assertEquals(DefaultTaskMeta.class, EntityChoice.choose(List.of(Invoice.class, DefaultTaskMeta.class),
                Optional.empty()));
    }

    @Test
    void severalCandidates_failWithTheKeyToSet() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> EntityChoice.choose(List.of(MyTask.class, OtherTask.class), Optional.empty()));
        assertTrue(error.getMessage().startsWith("CELERITY-0022"));
        assertTrue(error.getMessage().contains("celerity.task-entity"));
        assertEquals(OtherTask.class, EntityChoice.choose(List.of(MyTask.class, OtherTask.class),
                Optional.of(OtherTask.class.getName())));
    }

    @Test
    void aConfiguredClassThatIsNoCandidate_failsNamingTheCandidates() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> EntityChoice.choose(List.of(MyTask.class), Optional.of(Invoice.class.getName())));
        assertTrue(error.getMessage().startsWith("CELERITY-0021"));
        assertTrue(error.getMessage().contains(MyTask.class.getName()));
    }

    @Test
    void noEntityAtAll_failsSayingHowToFixIt() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> EntityChoice.choose(List.of(Invoice.class), Optional.empty()));
        assertTrue(error.getMessage().startsWith("CELERITY-0023"));
        assertTrue(error.getMessage().contains("<class>io.celerity.api.DefaultTaskMeta</class>"));
    }
}
