package io.celerity.internal.store;

/**
 * A column of the task entity that lists may filter and sort on: its attribute name, its JPQL path from the alias
 * {@code t} (an association is compared by its id) and the Java type of the compared value.
 */
public record TaskColumn(String name, String path, Class<?> type) {

    /** Whether ranges make sense on this column, in Java and in every database: numbers, times and text. */
    public boolean ordered() {
        return Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class && type != char.class
                || java.util.Date.class.isAssignableFrom(type) || java.time.temporal.Temporal.class.isAssignableFrom(type)
                || type == String.class;
    }
}
