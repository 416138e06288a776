package io.celerity.internal.workflow;

import io.celerity.api.TaskFailedException;
import io.celerity.api.TaskMeta;
import io.celerity.api.TaskState;
import io.celerity.api.WorkflowHandle;
import io.celerity.api.WorkflowState;
import io.celerity.internal.control.TaskControl;
import io.celerity.internal.dispatch.HandleFactory;
import io.celerity.internal.store.TaskStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/** Makes {@link WorkflowHandle}s, whose every read goes to the task store. */
@ApplicationScoped
class WorkflowHandles {

    @Inject
    HandleFactory tasks;

    @Inject
    TaskStore store;

    @Inject
    TaskControl control;

    <R> WorkflowHandle<R> handle(String root, Output output, Map<String, Type> resultTypes) {
        return new Stored<>(root, output, Collections.unmodifiableMap(new HashMap<>(resultTypes)));
    }

    private final class Stored<R> implements WorkflowHandle<R> {

        private final String root;
        private final Output output;
        private final Map<String, Type> resultTypes;

        Stored(String root, Output output, Map<String, Type> resultTypes) {
            this.root = root;
            this.output = output;
            this.resultTypes = resultTypes;
        }

        @Override
        public String id() {
            return root;
        }

        @Override
        public WorkflowState state() {
            return new WorkflowState(store.workflowCounts(root));
        }

        @Override
        @SuppressWarnings("unchecked")
        public R get(Duration timeout) throws TimeoutException, InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                return (R) value(output, deadline);
            } catch (TaskFailedException e) {
                throw firstFailure().orElse(e);
            }
        }

        private Object value(Output part, long deadline) throws TimeoutException, InterruptedException {
            if (part instanceof Output.One<?> one) {
                String id = (String) one.task();
                Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
                return tasks.stored(id, resultTypes.get(id)).get(left);
            }
            List<Object> values = new ArrayList<>();
            for (Output item : ((Output.Many) part).items()) {
                values.add(value(item, deadline));
            }
            return values;
        }

        /** The failure of the workflow's first task that ended without success other than by being skipped. */
        private java.util.Optional<TaskFailedException> firstFailure() {
            return store.firstUnsuccessful(root).map(task -> new TaskFailedException(task.getId(), task.getState(),
                    task.getErrorType(), task.getErrorMessage(), task.getErrorTrace()));
        }

        @Override
        public int revoke(boolean terminate) {
            return control.revokeWorkflow(root, terminate);
        }

        @Override
        public String toString() {
            return "WorkflowHandle[" + root + "]";
        }
    }
}
