package io.celerity.internal.store;

import io.celerity.api.TaskMeta;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.message.DeploymentMessage;
import io.celerity.internal.message.StoreMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The application's task entity: which class it is, and its application-defined fields (everything beyond the
 * columns of {@link TaskMeta}), written with conversion and read for events.
 */
@ApplicationScoped
public class TaskEntityModel {

    private static final Logger LOG = Logger.getLogger(TaskEntityModel.class.getName());

    private static final Set<String> MANAGED = Arrays.stream(TaskMeta.class.getDeclaredFields())
            .filter(f -> !Modifier.isStatic(f.getModifiers()))
            .map(Field::getName)
            .collect(Collectors.toUnmodifiableSet());

    private static final Set<String> UNLISTED = Set.of("arguments", "result", "errorMessage", "errorTrace",
            "version", "history", "heartbeatAt", "abortRequestedAt", "softTimeLimitMillis", "timeLimitMillis");

    @PersistenceUnit
    EntityManagerFactory emf;

    @Inject
    CelerityConfig config;

    @Inject
    Validator validator;

    private Class<? extends TaskMeta> entityClass;
    private Map<String, FieldAccess> fields;
    private Map<String, EntityType<?>> associations;
    private boolean updateCallbacks;
    private volatile Boolean constrained;

    public synchronized Class<? extends TaskMeta> entityClass() {
        if (entityClass == null) {
            resolve();
        }
        return entityClass;
    }

    private void resolve() {
        Map<Class<?>, EntityType<?>> entities = emf.getMetamodel().getEntities().stream()
                .collect(Collectors.toMap(EntityType::getJavaType, e -> e, (a, b) -> a));
        Class<? extends TaskMeta> chosen = EntityChoice.choose(entities.keySet(), config.taskEntity());
        EntityType<?> type = entities.get(chosen);
        Map<String, FieldAccess> found = new LinkedHashMap<>();
        Map<String, EntityType<?>> assoc = new LinkedHashMap<>();
        for (Attribute<?, ?> attribute : type.getAttributes()) {
            if (MANAGED.contains(attribute.getName()) || attribute.isCollection()) {
                continue;
            }
            found.put(attribute.getName(), new FieldAccess(chosen, attribute.getName(), attribute.getJavaType(),
                    attribute.getJavaMember()));
            if (attribute.isAssociation() && attribute instanceof SingularAttribute<?, ?> singular
                    && singular.getType() instanceof EntityType<?> target) {
                assoc.put(attribute.getName(), target);
            }
        }
        fields = Map.copyOf(found);
        associations = Map.copyOf(assoc);
        updateCallbacks = UpdateCallbacks.declaredBy(chosen);
        entityClass = chosen;
        LOG.info(() -> DeploymentMessage.TASK_ENTITY_CHOSEN.format(chosen.getName(), found.keySet()));
    }

    /**
     * Whether the application's entity reacts to its updates (callbacks, listeners, auditing): then every change is
     * written through the entity, never by a statement that would pass them by.
     */
    public boolean updateCallbacks() {
        entityClass();
        return updateCallbacks;
    }

    /**
     * Fails if a task's default fields do not exist on the entity or do not fit their types.
     *
     * @throws IllegalStateException naming the task and the field
     */
    public void checkDefaults(String task, Map<String, String> defaults) {
        entityClass();
        defaults.forEach((name, value) -> {
            FieldAccess field = fields.get(name);
            if (field == null) {
                throw new IllegalStateException(DeploymentMessage.UNKNOWN_DEFAULT_FIELD.format(task, name,
                        entityClass.getSimpleName(), fields.keySet()));
            }
            if (!associations.containsKey(name)) {
                try {
                    ValueConverter.convert(value, field.type());
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(DeploymentMessage.UNFIT_DEFAULT_FIELD.format(task, name,
                            e.getMessage()), e);
                }
            }
        });
    }

    /**
     * Fails if a task's type breaks a constraint the entity declares on {@code taskType}, such as
     * {@code @Pattern(regexp = "LONG|SHORT")} on an overriding {@code getTaskType()}: the seed's choices.
     *
     * @throws IllegalStateException naming the task and the constraint
     */
    public void checkType(String task, String type) {
        String broken = violations(validator.validateValue(entityClass(), "taskType", type));
        if (!broken.isEmpty()) {
            throw new IllegalStateException(DeploymentMessage.UNFIT_TASK_TYPE.format(task, type, broken));
        }
    }

    /**
     * Fails if a task breaks a Bean Validation constraint of the entity: checked before a task is stored and after
     * each update, so a value outside a column's choices never reaches the table.
     *
     * @throws IllegalArgumentException listing every broken constraint
     */
    public void validate(TaskMeta task) {
        if (!constrained()) {
            return;
        }
        String broken = violations(validator.validate(task));
        if (!broken.isEmpty()) {
            throw new IllegalArgumentException(StoreMessage.CONSTRAINT_VIOLATED.format(
                    task.getClass().getSimpleName(), broken));
        }
    }

    /** Whether the entity declares any constraint: most do not, and then no task needs validating. */
    private boolean constrained() {
        Boolean known = constrained;
        if (known == null) {
            known = validator.getConstraintsForClass(entityClass()).isBeanConstrained();
            constrained = known;
        }
        return known;
    }

    private static String violations(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage()) // never the value: it may be sensitive
                .sorted().collect(Collectors.joining("; "));
    }

    /**
     * Replaces each association that code set to an entity this persistence context does not manage (a detached
     * one, from another transaction) by the managed one with its id, as the map form does.
     *
     * @throws IllegalArgumentException if the entity was never stored or no longer exists
     */
    public void attachAssociations(EntityManager em, TaskMeta task) {
        checkStored(task);
        associations.forEach((name, target) -> {
            FieldAccess field = fields.get(name);
            Object value = field.get(task);
            if (value != null && !em.contains(value)) {
                field.set(task, value(em, field, value));
            }
        });
    }

    /**
     * Fails if code set an association of the task to an entity that was never stored: it has no id to refer to.
     *
     * @throws IllegalArgumentException naming the field
     */
    public void checkStored(TaskMeta task) {
        entityClass();
        associations.forEach((name, target) -> {
            Object value = fields.get(name).get(task);
            if (value != null && emf.getPersistenceUnitUtil().getIdentifier(value) == null) {
                throw new IllegalArgumentException(StoreMessage.ATTACHED_NEW_ENTITY.format(name, target.getName()));
            }
        });
    }

    /** The task entity's name in JPQL (an FQN is not one, for a strict provider such as Hibernate). */
    public String entityName() {
        return emf.getMetamodel().entity(entityClass()).getName();
    }

    public TaskMeta newTask() {
        try {
            return entityClass().getDeclaredConstructor().newInstance();
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException | NoSuchMethodException e) {
            throw new IllegalStateException(DeploymentMessage.ENTITY_NOT_CONSTRUCTIBLE.format(entityClass.getName()),
                    e);
        }
    }

    /**
     * Sets application fields, converting each value to the field's type; an association takes an entity or its id.
     *
     * @throws IllegalArgumentException naming the field and what is wrong
     */
    public void apply(EntityManager em, TaskMeta task, Map<String, ?> values) {
        entityClass();
        for (Map.Entry<String, ?> entry : values.entrySet()) {
            String name = entry.getKey();
            FieldAccess field = fields.get(name);
            if (field == null) {
                throw new IllegalArgumentException(MANAGED.contains(name)
                        ? StoreMessage.MANAGED_FIELD.format(name)
                        : StoreMessage.UNKNOWN_FIELD.format(entityClass.getSimpleName(), name, fields.keySet()));
            }
            field.set(task, value(em, field, entry.getValue()));
        }
    }

    private Object value(EntityManager em, FieldAccess field, Object value) {
        EntityType<?> target = associations.get(field.name());
        if (target != null && value != null) {
            // a detached entity is replaced by the managed one, so that persisting the task never cascades to it
            Object id = target.getJavaType().isInstance(value)
                    ? emf.getPersistenceUnitUtil().getIdentifier(value)
                    : convert(field.name(), value, target.getIdType().getJavaType());
            Object entity = em.find(target.getJavaType(), id);
            if (entity == null) {
                throw new IllegalArgumentException(StoreMessage.NO_ASSOCIATED_ENTITY.format(field.name(),
                        target.getName(), id));
            }
            return entity;
        }
        return convert(field.name(), value, field.type());
    }

    private static Object convert(String name, Object value, Class<?> type) {
        try {
            return ValueConverter.convert(value, type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(StoreMessage.UNFIT_FIELD_VALUE.format(name, e.getMessage()), e);
        }
    }

    /**
     * Field values of an event from another node, which JSON gave back as numbers, strings and booleans, in the
     * types this node's events carry: the field's type, or the id type for an association. Unknown fields and
     * values that do not fit are kept as they came.
     */
    public Map<String, Object> typed(Map<String, Object> values) {
        entityClass();
        Map<String, Object> typed = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            FieldAccess field = fields.get(name);
            Class<?> type = field == null ? null
                    : associations.containsKey(name) ? associations.get(name).getIdType().getJavaType() : field.type();
            try {
                typed.put(name, type == null || value == null ? value : ValueConverter.convert(value, type));
            } catch (IllegalArgumentException e) {
                typed.put(name, value);
            }
        });
        return typed;
    }

    /** The names of the application's fields. */
    public Set<String> fieldNames() {
        entityClass();
        return fields.keySet();
    }

    /**
     * The columns a list may filter and sort on: Celerity's, except text blobs and bookkeeping, and the
     * application's, associations by their id, except {@code hidden} ones.
     */
    public Map<String, TaskColumn> columns(Set<String> hidden) {
        entityClass();
        Map<String, TaskColumn> columns = new LinkedHashMap<>();
        for (Attribute<?, ?> attribute : emf.getMetamodel().entity(entityClass).getAttributes()) {
            String name = attribute.getName();
            if (hidden.contains(name) || UNLISTED.contains(name) || attribute.isCollection() || isLob(attribute)) {
                continue;
            }
            EntityType<?> target = associations.get(name);
            if (target != null) {
                SingularAttribute<?, ?> id = idOf(target);
                columns.put(name, new TaskColumn(name, "t." + name + "." + id.getName(), id.getJavaType()));
            } else {
                columns.put(name, new TaskColumn(name, "t." + name, attribute.getJavaType()));
            }
        }
        return columns;
    }

    /** An entity's id attribute; looked up by flag, as EclipseLink's getId(Long.class) refuses a primitive id. */
    static SingularAttribute<?, ?> idOf(EntityType<?> entity) {
        return entity.getSingularAttributes().stream().filter(SingularAttribute::isId).findFirst()
                .orElseThrow(() -> new IllegalStateException(entity.getName() + " has no single id attribute"));
    }

    /** Text and binary blobs cannot be compared or ordered in every database. */
    private static boolean isLob(Attribute<?, ?> attribute) {
        return attribute.getJavaMember() instanceof java.lang.reflect.AnnotatedElement member
                && member.isAnnotationPresent(jakarta.persistence.Lob.class);
    }

    /** The application fields of a task, associations by their id, for events. */
    public Map<String, Object> fieldsOf(TaskMeta task) {
        entityClass();
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach((name, field) -> {
            Object value = field.get(task);
            if (value != null && associations.containsKey(name)) {
                value = emf.getPersistenceUnitUtil().getIdentifier(value);
            }
            values.put(name, value);
        });
        return values;
    }
}
