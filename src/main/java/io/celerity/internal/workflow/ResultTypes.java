package io.celerity.internal.workflow;

import io.celerity.internal.message.WorkflowMessage;
import io.celerity.internal.registry.TaskDefinition;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a task's first parameter can take what the tasks it follows return, judged from the methods' declared
 * types when the workflow is built: results pass as JSON, so a number may widen.
 */
final class ResultTypes {

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(boolean.class, Boolean.class, byte.class, Byte.class,
            short.class, Short.class, int.class, Integer.class, long.class, Long.class, float.class, Float.class,
            double.class, Double.class, char.class, Character.class);
    private static final Set<Class<?>> INTEGRAL = Set.of(Byte.class, Short.class, Integer.class, Long.class,
            BigInteger.class);
    private static final Set<Class<?>> DECIMAL = Set.of(Float.class, Double.class, BigDecimal.class);

    private ResultTypes() {
    }

    /** What a part of a workflow returns, as types: one task's result type ({@code null}: void), or a list. */
    sealed interface Produced {

        static Produced of(Type type) {
            return new Single(type);
        }

        record Single(Type type) implements Produced {
            @Override
            public String toString() {
                return type == null ? "null (a void task's result)" : type.getTypeName();
            }
        }

        record ListOf(List<Produced> items) implements Produced {
            @Override
            public String toString() {
                return items.stream().map(Object::toString).collect(Collectors.joining(", ", "a list of [", "]"));
            }
        }
    }

    static Produced of(Output output, List<PlannedTask> tasks) {
        if (output instanceof Output.One<?> one) {
            return new Produced.Single(tasks.get((Integer) one.task()).signature.task().resultType());
        }
        List<Produced> items = new ArrayList<>();
        ((Output.Many) output).items().forEach(item -> items.add(of(item, tasks)));
        return new Produced.ListOf(items);
    }

    /** @throws IllegalArgumentException if the receiver's first parameter cannot take it */
    static void check(TaskDefinition receiver, Produced produced) {
        Type[] parameters = receiver.parameterTypes();
        if (parameters.length == 0) {
            throw new IllegalArgumentException(WorkflowMessage.NO_FIRST_PARAMETER.format(receiver.name()));
        }
        if (!accepts(parameters[0], produced)) {
            throw new IllegalArgumentException(WorkflowMessage.TYPE_MISMATCH.format(receiver.name(), produced,
                    parameters[0].getTypeName()));
        }
    }

    static boolean accepts(Type parameter, Produced produced) {
        Class<?> target = raw(parameter);
        if (produced instanceof Produced.ListOf list) {
            if (!target.isAssignableFrom(ArrayList.class)) {
                return false;
            }
            Type element = elementType(parameter);
            return list.items().stream().allMatch(item -> accepts(element, item));
        }
        Type result = ((Produced.Single) produced).type();
        if (result == null) {
            return !target.isPrimitive();
        }
        Class<?> to = box(target);
        Class<?> from = box(raw(result));
        if (to.isAssignableFrom(from)) {
            return true;
        }
        boolean toNumber = INTEGRAL.contains(to) || DECIMAL.contains(to);
        return toNumber && (INTEGRAL.contains(from) || DECIMAL.contains(from) && DECIMAL.contains(to));
    }

    private static Type elementType(Type listType) {
        if (listType instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
            return p.getActualTypeArguments()[0];
        }
        return Object.class;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?> v) {
            return raw(v.getBounds()[0]);
        }
        if (type instanceof GenericArrayType a) {
            return Array.newInstance(raw(a.getGenericComponentType()), 0).getClass();
        }
        return Object.class;
    }

    private static Class<?> box(Class<?> type) {
        return BOXES.getOrDefault(type, type);
    }
}
