package io.celerity.internal.dispatch;

import io.celerity.api.TaskHandle;
import io.celerity.api.TaskOptions;
import io.celerity.api.Tasks;
import io.celerity.internal.control.TaskControl;
import io.celerity.internal.message.ApiUseMessage;
import io.celerity.internal.store.TaskStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.lang.reflect.Type;


/** Creates handles, and implements the public {@link Tasks} entry point. */
@ApplicationScoped
public class HandleFactory implements Tasks {

    @Inject
    TaskStore store;

    @Inject
    TaskWaiters waiters;

    @Inject
    TaskControl control;

    @Inject
    TaskDispatcher dispatcher;

    public <T> StoredTaskHandle<T> stored(String id, Type resultType) {
        return new StoredTaskHandle<>(id, resultType, store, waiters);
    }

    @Override
    public <T> TaskHandle<T> handle(String id, Class<T> resultType) {
        StoredTaskHandle<T> handle = stored(id, resultType == Void.class ? null : resultType);
        handle.state();
        return handle;
    }

    @Override
    public Call with(TaskOptions options) {
        if (options == null) {
            throw new IllegalArgumentException(ApiUseMessage.NULL_OPTIONS.format());
        }
        return new OptionsCall(options);
    }

    @Override
    public boolean revoke(String id, boolean terminate) {
        return control.revoke(id, terminate);
    }

    @Override
    public boolean abort(String id) {
        return control.abort(id);
    }

    @Override
    public String retry(String id) {
        return dispatcher.enqueueAgain(id).id();
    }

    @Override
    public boolean delete(String id) {
        return control.delete(id);
    }

    private record OptionsCall(TaskOptions options) implements Call {

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
            CallOptions opened = CallOptions.open(options);
            opened.run(call);
            return opened.handle();
        }
    }
}
