package io.celerity.internal.store;

import io.celerity.api.TaskMeta;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PreUpdate;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Finds out from its annotations whether an application's task entity reacts to updates of its rows: a
 * {@code @PreUpdate} or {@code @PostUpdate} method, {@code @EntityListeners}, or auditing (an annotation named
 * {@code Audited}, as Hibernate Envers's) on the entity or a superclass below {@link TaskMeta}. Listeners declared in
 * {@code orm.xml} are not seen (docs/reference.adoc says so).
 */
final class UpdateCallbacks {

    private UpdateCallbacks() {
    }

    static boolean declaredBy(Class<? extends TaskMeta> entity) {
        for (Class<?> type = entity; type != null && type != TaskMeta.class; type = type.getSuperclass()) {
            if (type.isAnnotationPresent(EntityListeners.class) || Arrays.stream(type.getDeclaredAnnotations())
                    .map(Annotation::annotationType).anyMatch(kind -> kind.getSimpleName().equals("Audited"))) {
                return true;
            }
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(PreUpdate.class) || method.isAnnotationPresent(PostUpdate.class)) {
                    return true;
                }
            }
        }
        return false;
    }
}
