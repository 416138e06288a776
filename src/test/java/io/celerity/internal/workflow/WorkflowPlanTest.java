package io.celerity.internal.workflow;

import io.celerity.api.BackgroundTask;
import io.celerity.api.Canvas;
import io.celerity.api.Signature;
import io.celerity.api.TaskFailure;
import io.celerity.api.TaskHandle;
import io.celerity.api.TaskOptions;
import io.celerity.internal.registry.TaskDefinition;
import io.celerity.internal.registry.TaskSignatures;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkflowPlanTest {

    @SuppressWarnings("unused")
    static class Methods {
        @BackgroundTask
        public TaskHandle<Integer> add(int a, int b) {
            return null;
        }

        @BackgroundTask
        public TaskHandle<Long> widen(long a) {
            return null;
        }

        @BackgroundTask
        public TaskHandle<Double> half(double a) {
            return null;
        }

        @BackgroundTask
        public TaskHandle<String> text(int a) {
            return null;
        }

        @BackgroundTask
        public TaskHandle<Integer> sum(List<Integer> values) {
            return null;
        }

        @BackgroundTask
        public TaskHandle<Integer> nested(List<List<Integer>> values) {
            return null;
        }

        @BackgroundTask
        public void anything(Object value) {
        }

        @BackgroundTask
        public void list(List<Object> values) {
        }

        @BackgroundTask
        public TaskHandle<List<String>> texts(int a) {
            return null;
        }

        @BackgroundTask
        public void set(java.util.Set<Long> values) {
        }

        @BackgroundTask
        public void array(int[] values) {
        }

        @BackgroundTask
        public void nothing() {
        }

        @BackgroundTask
        public void onError(TaskFailure failure) {
        }

        @BackgroundTask
        public void count(int count) {
        }
    }

    private static <T> Signature<T> sig(String method) {
        Method m = Arrays.stream(Methods.class.getMethods()).filter(x -> x.getName().equals(method)).findFirst()
                .orElseThrow();
        TaskDefinition task = TaskSignatures.define(Methods.class, m, m.getAnnotation(BackgroundTask.class));
        return new CapturedSignature<>(task, "[0,0]", TaskOptions.none(), false);
    }

    @Test
    void aChainLinksEachStepToTheNext_andPassesItsResult() {
        WorkflowPlan plan = WorkflowPlan.of(Canvas.chain(sig("add"), sig("add"), sig("widen")));
        List<PlannedTask> tasks = plan.tasks();
        assertEquals(3, tasks.size());
        assertEquals(0, tasks.get(0).waitsFor);
        assertFalse(tasks.get(0).waits());
        assertEquals(List.of(1), tasks.get(0).next);
        assertEquals(1, tasks.get(1).waitsFor);
        assertEquals(0, tasks.get(1).parent);
        assertEquals(new Output.One<>(0), tasks.get(1).input);
        assertEquals(new Output.One<>(2), plan.output());
    }

    @Test
    void aChordBodyWaitsForEveryMember_andReceivesTheirListInOrder() {
        WorkflowPlan plan = WorkflowPlan.of(Canvas.chord(Canvas.group(sig("add"), sig("add"), sig("add")), sig("sum")));
        PlannedTask body = plan.tasks().get(3);
        assertEquals(3, body.waitsFor);
        assertEquals(new Output.Many(List.of(new Output.One<>(0), new Output.One<>(1), new Output.One<>(2))),
                body.input);
        for (int i = 0; i < 3; i++) {
            assertEquals(List.of(3), plan.tasks().get(i).next);
        }
    }

    @Test
    void aGroupAfterATask_fansOut_andAGroupInAGroupNestsTheList() {
        WorkflowPlan plan = WorkflowPlan.of(Canvas.chain(sig("add"),
                Canvas.group(sig("add"), Canvas.group(sig("add"), sig("add"))), sig("list")));
        assertEquals(List.of(1, 2, 3), plan.tasks().get(0).next);
        assertEquals(3, plan.tasks().get(4).waitsFor);
        assertEquals(new Output.Many(List.of(new Output.One<>(1),
                new Output.Many(List.of(new Output.One<>(2), new Output.One<>(3))))), plan.tasks().get(4).input);
        // [Integer, [Integer, Integer]] is not a List<List<Integer>>
        assertThrows(IllegalArgumentException.class, () -> WorkflowPlan.of(Canvas.chain(
                Canvas.group(sig("add"), Canvas.group(sig("add"))), sig("nested"))));
        WorkflowPlan.of(Canvas.chain(Canvas.group(Canvas.group(sig("add")), Canvas.group(sig("add"))), sig("nested")));
    }

    @Test
    void anErrorCallbackGuardsEveryTaskOfWhatItIsAttachedTo() {
        WorkflowPlan plan = WorkflowPlan.of(Canvas.chain(sig("add"), sig("add")).onError(sig("onError")));
        PlannedTask errback = plan.tasks().get(2);
        assertTrue(errback.errback);
        assertTrue(errback.waits());
        assertEquals(2, errback.waitsFor);
        assertNull(errback.input);
        assertEquals(List.of(2), plan.tasks().get(0).onError);
        assertEquals(List.of(2), plan.tasks().get(1).onError);
        assertEquals(new Output.One<>(1), plan.output());
    }

    @Test
    void aLinkFollowsWithoutChangingWhatTheWorkflowReturns() {
        WorkflowPlan plan = WorkflowPlan.of(sig("add").link(sig("anything")));
        assertEquals(new Output.One<>(0), plan.output());
        assertEquals(List.of(1), plan.tasks().get(0).next);
    }

    @Test
    void typesAreCheckedAsJsonPassesThem() {
        WorkflowPlan.of(Canvas.chain(sig("add"), sig("widen")));
        WorkflowPlan.of(Canvas.chain(sig("add"), sig("half")));
        WorkflowPlan.of(Canvas.chain(Canvas.group(sig("add"), sig("add")), sig("set")));
        WorkflowPlan.of(Canvas.chain(Canvas.group(sig("add"), sig("add")), sig("array")));
        assertThrows(IllegalArgumentException.class, () -> WorkflowPlan.of(Canvas.chain(sig("widen"), sig("add"))),
                "a long does not narrow to an int");
        assertThrows(IllegalArgumentException.class, () -> WorkflowPlan.of(Canvas.chain(sig("widen"), sig("half"))),
                "a long may not fit a double");
        assertThrows(IllegalArgumentException.class, () -> WorkflowPlan.of(Canvas.chain(sig("texts"), sig("sum"))),
                "a List<String> is not a List<Integer>");
        assertThrows(IllegalArgumentException.class,
                () -> WorkflowPlan.of(Canvas.chain(Canvas.group(sig("half")), sig("set"))));
        WorkflowPlan.of(Canvas.chain(sig("text"), sig("anything")));
        WorkflowPlan.of(Canvas.chain(sig("text"), sig("nothing").immutable()));
        WorkflowPlan.of(Canvas.chain(sig("count"), sig("anything")));
        String text = assertThrows(IllegalArgumentException.class,
                () -> WorkflowPlan.of(Canvas.chain(sig("text"), sig("add")))).getMessage();
        assertTrue(text.startsWith("CELERITY-0804"), text);
        assertThrows(IllegalArgumentException.class, () -> WorkflowPlan.of(Canvas.chain(sig("half"), sig("add"))));
        assertThrows(IllegalArgumentException.class, () -> WorkflowPlan.of(Canvas.chain(sig("add"), sig("sum"))));
        assertThrows(IllegalArgumentException.class,
                () -> WorkflowPlan.of(Canvas.chain(Canvas.group(sig("add")), sig("add"))));
        String voidInt = assertThrows(IllegalArgumentException.class,
                () -> WorkflowPlan.of(Canvas.chain(sig("count"), sig("add")))).getMessage();
        assertTrue(voidInt.contains("void"), voidInt);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> WorkflowPlan.of(Canvas.chain(sig("add"), sig("nothing")))).getMessage()
                .startsWith("CELERITY-0803"));
        assertThrows(IllegalArgumentException.class, () -> WorkflowPlan.of(sig("add").onError(sig("add"))));
    }

    @Test
    void emptyAndForeignPartsAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WorkflowPlan.of(Canvas.group()))
                .getMessage().startsWith("CELERITY-0802"));
        assertThrows(IllegalArgumentException.class,
                () -> WorkflowPlan.of(Canvas.group().onError(sig("onError"))));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WorkflowPlan.of(Canvas.chain(sig("add"), null)))
                .getMessage().startsWith("CELERITY-0129"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WorkflowPlan.of(null)).getMessage()
                .startsWith("CELERITY-0807"));
        Signature<Integer> foreign = new Signature<>() {
            @Override
            public String taskName() {
                return "x";
            }

            @Override
            public Signature<Integer> immutable() {
                return this;
            }

            @Override
            public Signature<Integer> with(TaskOptions options) {
                return this;
            }
        };
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WorkflowPlan.of(foreign)).getMessage()
                .startsWith("CELERITY-0806"));
    }

    @Test
    void anEmptyGroupBeforeABody_letsTheBodyStartAtOnce_withAnEmptyList() {
        WorkflowPlan plan = WorkflowPlan.of(Canvas.chord(Canvas.group(), sig("sum")));
        PlannedTask body = plan.tasks().get(0);
        assertEquals(0, body.waitsFor);
        assertFalse(body.waits());
        assertEquals(new Output.Many(List.of()), body.input);
    }

    @Test
    void linksRoundTripThroughJson() {
        Links links = new Links(List.of("a", "b"), List.of("e"), new Output.Many(List.of(new Output.One<>("a"),
                new Output.Many(List.of(new Output.One<>("b"))))), true);
        assertEquals(links, Links.read(links.write()));
        Links none = new Links(List.of(), List.of(), null, false);
        assertEquals("{}", none.write());
        assertEquals(none, Links.read("{}"));
    }

    @Test
    void theFirstArgumentIsReplaced_andTheOthersKeepTheirJson() {
        assertEquals("[[1,2],\"x\",{\"a\":1}]", Inputs.withFirst("[null,\"x\",{\"a\":1}]", "[1,2]").json());
        assertEquals("[7]", Inputs.withFirst("[0]", "7").json());
    }
}
