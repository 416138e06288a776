package io.celerity.internal.store;

/**
 * A column of the task entity that lists may filter and sort on: its attribute name, its JPQL path from the alias
 * {@code t} (an association is compared by its id) and the Java type of the compared value.
 */
public record TaskColumn(String name, String path, Class<?> type) {

    /** Whether values of this column have an order, so that ranges make sense. */
    public boolean ordered() {
        return Comparable.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class;
    }
}
