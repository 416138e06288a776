package io.celerity.internal.dispatch;

import io.celerity.api.TaskHandle;
import io.celerity.api.Tasks;
import io.celerity.internal.store.TaskStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.lang.reflect.Type;
import io.celerity.api.CelerityException;

import java.util.Map;

/** Creates handles, and implements the public {@link Tasks} entry point. */
@ApplicationScoped
public class HandleFactory implements Tasks {

    @Inject
    TaskStore store;

    @Inject
    TaskWaiters waiters;

    <T> StoredTaskHandle<T> stored(String id, Type resultType) {
        return new StoredTaskHandle<>(id, resultType, store, waiters);
    }

    @Override
    public <T> TaskHandle<T> handle(String id, Class<T> resultType) {
        StoredTaskHandle<T> handle = stored(id, resultType == Void.class ? null : resultType);
        handle.state();
        return handle;
    }

    @Override
    public Call with(Map<String, ?> fields) {
        return new OptionsCall(fields);
    }

    private record OptionsCall(Map<String, ?> fields) implements Call {

        @Override
        @SuppressWarnings("unchecked")
        public <T> TaskHandle<T> call(TaskCall<T> call) {
            return (TaskHandle<T>) enqueue(call::call);
        }

        @Override
        @SuppressWarnings("unchecked")
        public TaskHandle<Void> run(VoidTaskCall call) {
            return (TaskHandle<Void>) enqueue(call);
        }

        private TaskHandle<?> enqueue(VoidTaskCall call) {
            CallOptions options = CallOptions.open(fields);
            try {
                call.call();
                return options.handle();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CelerityException("CELERITY-0113: the task call failed: " + e, e);
            } finally {
                options.close();
            }
        }
    }
}
