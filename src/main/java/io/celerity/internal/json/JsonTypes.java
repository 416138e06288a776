package io.celerity.internal.json;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides, from a declared type alone, whether JSON-B can write and read back a value of it. Used at deployment to
 * refuse task signatures that could not travel as JSON.
 */
public final class JsonTypes {

    private static final Set<Class<?>> SCALARS = Set.of(String.class, Boolean.class, Character.class, Byte.class,
            Short.class, Integer.class, Long.class, Float.class, Double.class, BigDecimal.class, BigInteger.class,
            UUID.class, java.time.Duration.class, java.time.Period.class, java.time.ZoneId.class);

    private JsonTypes() {
    }

    /** Why a type cannot round-trip, or empty if it can. */
    public static Optional<String> problem(Type type) {
        return problem(type, 0);
    }

    private static Optional<String> problem(Type type, int depth) {
        if (depth > 16) {
            return Optional.empty();
        }
        if (type instanceof Class<?> c) {
            return classProblem(c, depth);
        }
        if (type instanceof GenericArrayType g) {
            return problem(g.getGenericComponentType(), depth + 1);
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (List.class == raw || Set.class == raw || Collection.class == raw) {
                return problem(args[0], depth + 1);
            }
            if (Map.class == raw) {
                if (args[0] != String.class) {
                    return Optional.of(type.getTypeName() + ": map keys must be String");
                }
                return problem(args[1], depth + 1);
            }
            return Optional.of(type.getTypeName() + ": only List, Set, Collection and Map<String, ?> may be generic");
        }
        return Optional.of(type.getTypeName() + ": type variables and wildcards cannot be read back");
    }

    private static Optional<String> classProblem(Class<?> c, int depth) {
        if (c.isPrimitive() || SCALARS.contains(c) || c.isEnum()) {
            return c == void.class ? Optional.of("void is not a value") : Optional.empty();
        }
        if (Temporal.class.isAssignableFrom(c) && !c.isInterface() && c.getName().startsWith("java.time.")) {
            return Optional.empty();
        }
        if (c.isArray()) {
            return problem(c.getComponentType(), depth + 1);
        }
        if (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)) {
            return Optional.of(c.getName() + ": give collections their element type, such as List<String>");
        }
        if (c == Object.class || c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
            return Optional.of(c.getName() + ": an interface, abstract class or Object cannot be read back; "
                    + "use a concrete class");
        }
        if (c.getName().startsWith("java.") || c.getName().startsWith("jakarta.")) {
            return Optional.of(c.getName() + ": not a JSON value type");
        }
        if (c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                Optional<String> inner = problem(component.getGenericType(), depth + 1);
                if (inner.isPresent()) {
                    return Optional.of(c.getName() + "." + component.getName() + ": " + inner.get());
                }
            }
            return Optional.empty();
        }
        if (c.isMemberClass() && !Modifier.isStatic(c.getModifiers())) {
            return Optional.of(c.getName() + ": an inner class cannot be created by JSON-B; make it static");
        }
        if (!hasPublicNoArgConstructor(c) && !hasJsonbCreator(c)) {
            return Optional.of(c.getName() + ": needs a public no-argument constructor or a @JsonbCreator");
        }
        return Optional.empty();
    }

    private static boolean hasPublicNoArgConstructor(Class<?> c) {
        try {
            return Modifier.isPublic(c.getConstructor().getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static boolean hasJsonbCreator(Class<?> c) {
        for (var constructor : c.getDeclaredConstructors()) {
            if (constructor.isAnnotationPresent(jakarta.json.bind.annotation.JsonbCreator.class)) {
                return true;
            }
        }
        for (var method : c.getDeclaredMethods()) {
            if (method.isAnnotationPresent(jakarta.json.bind.annotation.JsonbCreator.class)) {
                return true;
            }
        }
        return false;
    }

    /** The default value of a type: what a JSON {@code null} reads back as for a primitive parameter. */
    static Object defaultValue(Class<?> c) {
        return c.isPrimitive() ? Array.get(Array.newInstance(c, 1), 0) : null;
    }
}
