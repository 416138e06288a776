package io.celerity.internal.web;

import io.celerity.api.TaskMeta;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.store.Ownership;
import io.celerity.internal.store.TaskColumn;
import io.celerity.internal.store.TaskEntityModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads tasks for a caller: what a list filter selects, narrowed to the caller's own tasks unless they are an admin.
 * Another owner's task is never read into a list, a count or a lookup.
 */
@ApplicationScoped
public class TaskBrowser {

    @PersistenceContext
    EntityManager em;

    @Inject
    TaskEntityModel model;

    @Inject
    Ownership ownership;

    @Inject
    CelerityConfig config;

    private volatile Map<String, TaskColumn> columns;

    /** The columns lists may filter and sort on: sensitive fields are not among them. */
    public Map<String, TaskColumn> columns() {
        if (columns == null) {
            columns = model.columns(config.web().sensitiveFields());
        }
        return columns;
    }

    /** One page of the caller's tasks that match the filter, and how many match in all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page list(TaskFilter requested, Caller caller) {
        TaskFilter filter = searchable(requested);
        Scope scope = scope(caller);
        if (scope == Scope.NOTHING) {
            return new Page(List.of(), 0);
        }
        long first = (long) filter.page() * filter.size();
        if (first > Integer.MAX_VALUE) {
            throw ApiProblem.badRequest("page " + filter.page() + " of size " + filter.size() + " lies beyond any list");
        }
        String where = where(filter, scope);
        TypedQuery<TaskMeta> select = em.createQuery("SELECT t FROM " + model.entityName() + " t" + where + " ORDER BY "
                + filter.orderBy(), TaskMeta.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(t) FROM " + model.entityName() + " t" + where, Long.class);
        filter.parameters().forEach((name, value) -> {
            select.setParameter(name, value);
            count.setParameter(name, value);
        });
        if (scope.owner() != null) {
            select.setParameter("owner", scope.owner());
            count.setParameter("owner", scope.owner());
        }
        List<TaskMeta> tasks = select.setFirstResult((int) first).setMaxResults(filter.size()).getResultList();
        return new Page(tasks, count.getSingleResult());
    }

    /** How many of the caller's tasks that match the filter are in each state, in one grouped query. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Long> countByState(TaskFilter requested, Caller caller) {
        TaskFilter filter = searchable(requested);
        Scope scope = scope(caller);
        if (scope == Scope.NOTHING) {
            return Map.of();
        }
        TypedQuery<Object[]> count = em.createQuery("SELECT t.state, COUNT(t) FROM " + model.entityName() + " t"
                + where(filter, scope) + " GROUP BY t.state", Object[].class);
        filter.parameters().forEach(count::setParameter);
        if (scope.owner() != null) {
            count.setParameter("owner", scope.owner());
        }
        Map<String, Long> counts = new TreeMap<>();
        for (Object[] row : count.getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    /** The task, if it exists and the caller may see it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<TaskMeta> find(String id, Caller caller) {
        TaskMeta task = em.find(model.entityClass(), id);
        return task != null && caller.sees(ownership.ownerOf(task)) ? Optional.of(task) : Optional.empty();
    }

    /** A search never looks in the arguments when they are sensitive: a count would give their text away. */
    private TaskFilter searchable(TaskFilter filter) {
        return config.web().sensitiveFields().contains("arguments") ? filter.searchingNamesOnly() : filter;
    }

    private Scope scope(Caller caller) {
        if (caller.admin()) {
            return Scope.EVERYTHING;
        }
        Object owner = caller.name() == null || !ownership.enabled() ? null : ownership.parameter(caller.name());
        return owner == null ? Scope.NOTHING : new Scope(owner);
    }

    private String where(TaskFilter filter, Scope scope) {
        String conditions = scope.owner() != null ? ownership.path() + " = :owner" : "";
        if (!filter.where().isEmpty()) {
            conditions = conditions.isEmpty() ? filter.where() : conditions + " AND " + filter.where();
        }
        return conditions.isEmpty() ? "" : " WHERE " + conditions;
    }

    /** What a caller's reads are narrowed to: the tasks of one owner, everything (admins) or nothing. */
    private record Scope(Object owner) {
        static final Scope EVERYTHING = new Scope(null);
        static final Scope NOTHING = new Scope(null);
    }

    /** A page of tasks and the number of all that match. */
    public record Page(List<TaskMeta> tasks, long total) {
    }
}
