package io.celerity.internal.store;

import io.celerity.api.TaskMeta;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.message.DeploymentMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;
import jakarta.security.enterprise.SecurityContext;

import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Who owns a task: the field named by {@code celerity.security.owner-field}, compared with a caller's principal
 * name. The field is a basic attribute ({@code owner}), or an association compared by an attribute of the associated
 * entity: the one the key names ({@code owner.id}), else its {@code login}, {@code username} or {@code userName};
 * an association with none of those fails the deployment rather than match no one. When a task is enqueued without an
 * explicit owner, the caller's principal becomes its owner.
 */
@ApplicationScoped
public class Ownership {

    private static final Logger LOG = Logger.getLogger(Ownership.class.getName());

    /** The attributes of an owner entity compared with the principal name when the key names the association only. */
    private static final List<String> PRINCIPAL_NAMES = List.of("login", "username", "userName");

    @PersistenceUnit
    EntityManagerFactory emf;

    @Inject
    TaskEntityModel model;

    @Inject
    SecurityContext security;

    @Inject
    CelerityConfig config;

    private volatile Optional<Resolved> resolved;

    /** How the owner is found on a task: the field, the associated entity if any, and the attribute compared. */
    private record Resolved(String path, FieldAccess access, EntityType<?> target, SingularAttribute<?, ?> compared,
                            FieldAccess comparedAccess) {
    }

    /** The task entity's field that holds the owner. */
    public String field() {
        return config.web().ownerField().split("\\.", 2)[0];
    }

    /** Whether the task entity has an owner; without one, only admins see tasks over the web surface. */
    public boolean enabled() {
        return resolve() != null;
    }

    /**
     * Checks the configured owner field against the entity at startup.
     *
     * @throws IllegalStateException if it was configured and does not exist, or is an association with no attribute
     *                               that names a user
     */
    public void check() {
        if (resolve() == null) {
            String entity = model.entityClass().getSimpleName();
            String field = config.web().ownerField();
            if (config.web().ownerFieldConfigured()) {
                throw new IllegalStateException(
                        DeploymentMessage.CONFIGURED_OWNER_FIELD_MISSING.format(entity, field));
            }
            LOG.info(() -> DeploymentMessage.DEFAULT_OWNER_FIELD_MISSING.format(entity, field));
        }
    }

    /** The JPQL path of the compared attribute from a task alias {@code t}, such as {@code t.owner.login}. */
    public String path() {
        return "t." + resolve().path();
    }

    /** Whether the owner field itself holds the principal name (no association in between). */
    public boolean comparesField() {
        Resolved owner = resolve();
        return owner != null && owner.target() == null;
    }

    /**
     * The principal name converted to the type of the compared attribute; {@code null} if it cannot be one exactly
     * (a principal named {@code 07} is not owner {@code 7}).
     */
    public Object parameter(String principalName) {
        try {
            Object value = ValueConverter.convert(principalName, resolve().compared().getJavaType());
            return String.valueOf(value).equals(principalName) ? value : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The owner of a task as a principal name would name it, or {@code null}. */
    public String ownerOf(TaskMeta task) {
        Resolved owner = resolve();
        if (owner == null) {
            return null;
        }
        Object value = owner.access().get(task);
        if (value != null && owner.target() != null) {
            value = owner.compared().isId() ? emf.getPersistenceUnitUtil().getIdentifier(value)
                    : owner.comparedAccess().get(value);
        }
        return value == null ? null : value.toString();
    }

    /** Whether the owner field of a task holds a value (an entity, or a name). */
    public boolean ownerSet(TaskMeta task) {
        Resolved owner = resolve();
        return owner != null && owner.access().get(task) != null;
    }

    /** Gives a task the owner another task of the same enqueue was given by {@link #capture}. */
    void captureLike(TaskMeta task, TaskMeta captured) {
        Resolved owner = resolve();
        if (owner != null) {
            owner.access().set(task, owner.access().get(captured));
        }
    }

    /**
     * Makes the calling principal, if there is one, the owner of a task being enqueued; a task enqueued by a running
     * task's body gets that task's owner, whatever identity the server gives a message-driven bean (none on Payara,
     * "anonymous" on WildFly).
     */
    void capture(EntityManager em, TaskMeta task, String parentId) {
        Resolved owner = resolve();
        if (owner == null) {
            return;
        }
        if (parentId != null) {
            TaskMeta parent = em.find(model.entityClass(), parentId);
            if (parent != null) {
                owner.access().set(task, owner.access().get(parent));
            }
            return;
        }
        Principal caller = security.getCallerPrincipal();
        if (caller == null || caller.getName() == null) {
            return;
        }
        Object name = parameter(caller.getName());
        if (name == null) {
            return;
        }
        Object value = name;
        if (owner.target() != null) {
            List<?> found = em.createQuery("SELECT e FROM " + owner.target().getName() + " e WHERE e."
                            + owner.compared().getName() + " = :name")
                    .setParameter("name", name).setMaxResults(1).getResultList();
            if (found.isEmpty()) {
                return;
            }
            value = found.get(0);
        }
        owner.access().set(task, value);
    }

    private Resolved resolve() {
        if (resolved == null) {
            resolved = Optional.ofNullable(lookUp());
        }
        return resolved.orElse(null);
    }

    private Resolved lookUp() {
        String[] parts = config.web().ownerField().split("\\.");
        EntityType<?> entity = emf.getMetamodel().entity(model.entityClass());
        Attribute<?, ?> attribute = attribute(entity, parts[0]);
        if (!(attribute instanceof SingularAttribute<?, ?> field) || parts.length > 2) {
            return null;
        }
        FieldAccess access = new FieldAccess(model.entityClass(), field.getName(), field.getJavaType(),
                field.getJavaMember());
        if (!(field.getType() instanceof EntityType<?> target)) {
            return parts.length == 1 ? new Resolved(field.getName(), access, null, field, access) : null;
        }
        SingularAttribute<?, ?> compared = parts.length == 1 ? principalNameOf(target)
                : attribute(target, parts[1]) instanceof SingularAttribute<?, ?> s ? s : null;
        if (compared == null && parts.length == 1) {
            // never compared by nothing (an empty list for everyone): say which key to set
            throw new IllegalStateException(DeploymentMessage.OWNER_WITHOUT_NAME.format(
                    entity.getJavaType().getSimpleName(), field.getName(), target.getName(),
                    String.join(", ", PRINCIPAL_NAMES), field.getName(), field.getName(),
                    TaskEntityModel.idOf(target).getName()));
        }
        if (compared == null) {
            return null;
        }
        return new Resolved(field.getName() + "." + compared.getName(), access, target, compared,
                new FieldAccess(target.getJavaType(), compared.getName(), compared.getJavaType(), compared.getJavaMember()));
    }

    /**
     * The first text attribute of an owner entity that names a principal: login, username or userName; never a display
     * name, which need not be unique.
     */
    private static SingularAttribute<?, ?> principalNameOf(EntityType<?> owner) {
        for (String name : PRINCIPAL_NAMES) {
            if (attribute(owner, name) instanceof SingularAttribute<?, ?> s && s.getJavaType() == String.class) {
                return s;
            }
        }
        return null;
    }

    private static Attribute<?, ?> attribute(EntityType<?> entity, String name) {
        return entity.getAttributes().stream().filter(a -> a.getName().equals(name)).findFirst().orElse(null);
    }
}
