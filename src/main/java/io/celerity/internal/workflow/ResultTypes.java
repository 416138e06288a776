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
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a task's first parameter can take what the tasks it follows return, judged from the methods' declared
 * types when the workflow is built: results pass as JSON, so a number may widen where no value is lost, and
 * collections are checked element by element.
 */
final class ResultTypes {

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(boolean.class, Boolean.class, byte.class, Byte.class,
            short.class, Short.class, int.class, Integer.class, long.class, Long.class, float.class, Float.class,
            double.class, Double.class, char.class, Character.class);
    /** The number types each number type widens to without loss (Java's widening, and the big types). */
    private static final Map<Class<?>, Set<Class<?>>> WIDENING = Map.of(
            Byte.class, Set.of(Short.class, Integer.class, Long.class, BigInteger.class, Float.class, Double.class,
                    BigDecimal.class),
            Short.class, Set.of(Integer.class, Long.class, BigInteger.class, Float.class, Double.class,
                    BigDecimal.class),
            Integer.class, Set.of(Long.class, BigInteger.class, Double.class, BigDecimal.class),
            Long.class, Set.of(BigInteger.class, BigDecimal.class),
            BigInteger.class, Set.of(BigDecimal.class),
            Float.class, Set.of(Double.class, BigDecimal.class),
            Double.class, Set.of(BigDecimal.class));

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
        if (produced instanceof Produced.ListOf list) {
            Class<?> target = raw(parameter);
            if (!takesList(target)) {
                return false;
            }
            Type element = elementType(parameter);
            return list.items().stream().allMatch(item -> accepts(element, item));
        }
        Type result = ((Produced.Single) produced).type();
        return result == null ? !raw(parameter).isPrimitive() : fits(result, parameter);
    }

    /** Whether a value of type {@code from}, written as JSON, reads back as type {@code to}. */
    private static boolean fits(Type from, Type to) {
        Class<?> source = box(raw(from));
        Class<?> target = box(raw(to));
        if (Collection.class.isAssignableFrom(source) || source.isArray()) {
            return takesList(target) && fits(elementType(from), elementType(to));
        }
        if (target.isAssignableFrom(source)) {
            return true;
        }
        return WIDENING.getOrDefault(source, Set.of()).contains(target);
    }

    /** Whether a parameter of this type takes a JSON array: a list, a set, an array. */
    private static boolean takesList(Class<?> target) {
        return target.isArray() || target.isAssignableFrom(ArrayList.class)
                || target.isAssignableFrom(LinkedHashSet.class);
    }

    private static Type elementType(Type listType) {
        if (listType instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
            return p.getActualTypeArguments()[0];
        }
        if (listType instanceof GenericArrayType a) {
            return a.getGenericComponentType();
        }
        if (listType instanceof Class<?> c && c.isArray()) {
            return c.getComponentType();
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
