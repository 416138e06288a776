package io.celerity.internal.store;

import io.celerity.internal.message.StoreMessage;
import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;

/**
 * Reads and writes one persistent attribute of the task entity: through its setter when it has one (so that the
 * JPA provider's change tracking sees the write), else through the field, telling EclipseLink's woven change
 * tracker about it.
 */
final class FieldAccess {

    private static final String CHANGE_TRACKER = "org.eclipse.persistence.descriptors.changetracking.ChangeTracker";

    private final String name;
    private final Class<?> type;
    private final Field field;
    private final Method getter;
    private final Method setter;

    FieldAccess(Class<?> owner, String name, Class<?> type, Member member) {
        this.name = name;
        this.type = type;
        this.field = member instanceof Field f ? accessible(f) : findField(owner, name);
        this.getter = member instanceof Method m ? accessible(m) : findMethod(owner, "get" + capitalized(name));
        this.setter = findMethod(owner, "set" + capitalized(name), type);
    }

    String name() {
        return name;
    }

    Class<?> type() {
        return type;
    }

    Object get(Object entity) {
        try {
            return getter != null ? getter.invoke(entity) : field.get(entity);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(StoreMessage.FIELD_NOT_READ.format(name, e), e);
        }
    }

    void set(Object entity, Object value) {
        try {
            if (setter != null) {
                setter.invoke(entity, value);
                return;
            }
            Object old = field.get(entity);
            field.set(entity, value);
            notifyChangeTracker(entity, old, value);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(StoreMessage.FIELD_NOT_WRITTEN.format(name, e), e);
        }
    }

    private void notifyChangeTracker(Object entity, Object old, Object value) throws IllegalAccessException,
            InvocationTargetException {
        for (Class<?> i : allInterfaces(entity.getClass())) {
            if (i.getName().equals(CHANGE_TRACKER)) {
                try {
                    Object listener = i.getMethod("_persistence_getPropertyChangeListener").invoke(entity);
                    if (listener instanceof PropertyChangeListener l) {
                        l.propertyChange(new PropertyChangeEvent(entity, name, old, value));
                    }
                } catch (NoSuchMethodException e) {
                    return;
                }
            }
        }
    }

    /** The interfaces of a class and its superclasses: EclipseLink weaves its tracker into the topmost entity. */
    private static java.util.List<Class<?>> allInterfaces(Class<?> type) {
        java.util.List<Class<?>> interfaces = new java.util.ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            interfaces.addAll(java.util.List.of(c.getInterfaces()));
        }
        return interfaces;
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static Field findField(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return accessible(c.getDeclaredField(name));
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return null;
    }

    private static Method findMethod(Class<?> type, String name, Class<?>... parameters) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return accessible(c.getDeclaredMethod(name, parameters));
            } catch (NoSuchMethodException e) {
                // look in the superclass
            }
        }
        return null;
    }

    private static <T extends java.lang.reflect.AccessibleObject> T accessible(T member) {
        member.setAccessible(true);
        return member;
    }
}
