package io.celerity.internal.workflow;

import io.celerity.api.Canvas;
import io.celerity.api.Signature;
import io.celerity.api.TaskOptions;
import io.celerity.api.Tasks;
import io.celerity.api.WorkflowHandle;
import io.celerity.api.Workflows;
import io.celerity.internal.dispatch.CallCapture;
import io.celerity.internal.message.WorkflowMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The public {@link Workflows} entry point: signatures from captured calls, and starting workflows. */
@ApplicationScoped
public class WorkflowService implements Workflows {

    @Inject
    WorkflowStarter starter;

    @Override
    public <T> Signature<T> signature(Tasks.TaskCall<T> call) {
        return capture(call::call);
    }

    @Override
    public Signature<Void> signatureOf(Tasks.VoidTaskCall call) {
        return capture(call);
    }

    @Override
    public <A, T> Canvas.Group<T> map(Collection<A> items, ItemCall<A, T> call) {
        List<Signature<T>> members = new ArrayList<>(items.size());
        for (A item : items) {
            members.add(capture(() -> call.call(item)));
        }
        return Canvas.group(members);
    }

    @Override
    public <R> WorkflowHandle<R> start(Canvas<R> canvas) {
        return starter.start(canvas);
    }

    private static <T> Signature<T> capture(Tasks.VoidTaskCall call) {
        CallCapture.Captured captured = CallCapture.capture(call, WorkflowMessage.NOTHING_CAPTURED.format());
        return new CapturedSignature<>(captured.task(), captured.arguments(), TaskOptions.none(), false);
    }
}
