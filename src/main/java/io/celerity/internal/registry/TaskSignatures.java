package io.celerity.internal.registry;

import io.celerity.api.BackgroundTask;
import io.celerity.api.TaskHandle;
import io.celerity.internal.json.JsonTypes;
import io.celerity.internal.message.DeploymentMessage;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns an annotated method into a {@link TaskDefinition}, or says what is wrong with it and how to fix it. */
public final class TaskSignatures {

    private TaskSignatures() {
    }

    /** The problems of a method as a task; empty when it is a valid task. */
    public static List<String> problems(Method method) {
        List<String> problems = new ArrayList<>();
        String where = method.getDeclaringClass().getName() + "." + method.getName();
        if (Modifier.isStatic(method.getModifiers()) || Modifier.isPrivate(method.getModifiers())) {
            problems.add(DeploymentMessage.STATIC_OR_PRIVATE.format(where));
        }
        Type returnType = method.getGenericReturnType();
        if (returnType != void.class && resultType(returnType).isEmpty()) {
            problems.add(DeploymentMessage.UNSUPPORTED_RETURN_TYPE.format(where, returnType.getTypeName()));
        }
        resultType(returnType).filter(type -> type != Void.class).flatMap(JsonTypes::problem).ifPresent(problem -> problems.add(
                DeploymentMessage.RESULT_NOT_JSON.format(where, problem)));
        Type[] parameters = method.getGenericParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            int index = i;
            JsonTypes.problem(parameters[i]).ifPresent(problem -> problems.add(
                    DeploymentMessage.PARAMETER_NOT_JSON.format(index, where, problem)));
        }
        return problems;
    }

    /** The {@code T} of a {@code TaskHandle<T>} return type. */
    static Optional<Type> resultType(Type returnType) {
        if (returnType instanceof ParameterizedType p && p.getRawType() == TaskHandle.class) {
            return Optional.of(p.getActualTypeArguments()[0]);
        }
        return Optional.empty();
    }

    /** The definition of a method that has no {@link #problems}. */
    public static TaskDefinition define(Class<?> beanClass, Method method, BackgroundTask task) {
        String name = task.name().isBlank()
                ? method.getDeclaringClass().getName() + "." + method.getName()
                : task.name().strip();
        Optional<Type> result = resultType(method.getGenericReturnType());
        TaskPolicy policy = TaskPolicy.parse(name, "@BackgroundTask of " + method, TaskPolicy.settings(task),
                List.of(task.retryOn()), List.of(task.dontRetryOn()));
        return new TaskDefinition(name, task.type().isBlank() ? null : task.type(), task.queue(),
                defaultFields(name, task.fields()), beanClass, method, method.getGenericParameterTypes(),
                result.isPresent(), result.filter(type -> type != Void.class).orElse(null), policy);
    }

    /**
     * Entity field values written as {@code "field=value"}, by field name.
     *
     * @throws IllegalArgumentException naming a value that is not of that form
     */
    public static Map<String, String> defaultFields(String task, String[] fields) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields) {
            int eq = field.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(DeploymentMessage.MALFORMED_FIELD_DEFAULT.format(field, task));
            }
            values.put(field.substring(0, eq).strip(), field.substring(eq + 1));
        }
        return Map.copyOf(values);
    }
}
