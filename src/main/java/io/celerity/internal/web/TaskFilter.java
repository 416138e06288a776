package io.celerity.internal.web;

import io.celerity.internal.store.TaskColumn;
import io.celerity.internal.store.ValueConverter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A list request's query parameters as a JPQL condition, order and page. A filter names a column:
 * {@code state=SUCCESS} (repeat it for any of several values), {@code state.not=REVOKED},
 * {@code createdAt.from=2026-11-21T10:00:00Z} (inclusive) and {@code createdAt.to=…} (exclusive). {@code sort}
 * names an allowed column, {@code -} first for descending; {@code page} counts from 0; {@code size} is capped.
 * {@code q} searches the task name (ignoring case) and the arguments (as they are) for a text.
 *
 * @param search            the text {@code q} looks for, or {@code null}
 * @param searchesArguments whether the search looks in the arguments too (not when they are a sensitive field)
 */
public record TaskFilter(List<Condition> conditions, String search, boolean searchesArguments, String orderBy, int page,
                         int size) {

    /** The parameter that searches the task name and the arguments. */
    static final String SEARCH = "q";
    static final Set<String> RESERVED = Set.of("page", "size", "sort", SEARCH);
    static final int MAX_SEARCH = 200;
    private static final char ESCAPE = '!';
    static final int DEFAULT_SIZE = 50;
    private static final int MAX_VALUES = 100;

    /**
     * @throws ApiProblem (400) naming what is wrong: an unknown column or operator, a value that does not fit its
     *                    column, a sort that is not allowed, a bad page or size
     */
    public static TaskFilter parse(Map<String, List<String>> query, Map<String, TaskColumn> columns,
                                   List<String> sortable, int maxSize) {
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            if (RESERVED.contains(entry.getKey())) {
                continue;
            }
            String[] parts = entry.getKey().split("\\.", 2);
            TaskColumn column = columns.get(parts[0]);
            if (column == null) {
                throw ApiProblem.badRequest("unknown filter '" + entry.getKey() + "': filter on one of "
                        + columns.keySet() + ", optionally followed by .not, .from or .to");
            }
            String operator = parts.length == 1 ? "is" : parts[1];
            List<String> values = entry.getValue();
            if (values.size() > MAX_VALUES) {
                throw ApiProblem.badRequest("filter '" + entry.getKey() + "' has " + values.size()
                        + " values; at most " + MAX_VALUES + " are allowed");
            }
            Operator op = switch (operator) {
                case "is" -> Operator.IS;
                case "not" -> Operator.NOT;
                case "from" -> Operator.FROM;
                case "to" -> Operator.TO;
                default -> throw ApiProblem.badRequest("unknown operator '." + operator + "' in filter '"
                        + entry.getKey() + "': use .not, .from or .to");
            };
            if ((op == Operator.FROM || op == Operator.TO) && (!column.ordered() || values.size() != 1)) {
                throw ApiProblem.badRequest("filter '" + entry.getKey() + "' needs exactly one value of an "
                        + "ordered column (numbers, times, text)");
            }
            conditions.add(new Condition(column, op, convert(entry.getKey(), values, column)));
        }
        String orderBy = orderBy(one(query, "sort", "-createdAt"), columns, sortable);
        int page = number(query, "page", 0, 0, Integer.MAX_VALUE);
        int size = number(query, "size", Math.min(DEFAULT_SIZE, maxSize), 1, maxSize);
        return new TaskFilter(List.copyOf(conditions), search(one(query, SEARCH, null)), true, orderBy, page, size);
    }

    /** The same filter, whose search looks in the task name only. */
    public TaskFilter searchingNamesOnly() {
        return new TaskFilter(conditions, search, false, orderBy, page, size);
    }

    private static String search(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > MAX_SEARCH || text.chars().anyMatch(Character::isISOControl)) {
            throw ApiProblem.badRequest("'" + SEARCH + "' is 1 to " + MAX_SEARCH + " printable characters");
        }
        return text.strip();
    }

    /**
     * The JPQL condition on the alias {@code t}, with parameters {@code :p0, :p1, …} (and {@code :q} for a search);
     * empty for no filter. A search reads every row the other conditions leave: narrow it with them on large tables.
     */
    public String where() {
        List<String> where = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            where.add(conditions.get(i).jpql("p" + i));
        }
        if (search != null) {
            // the arguments as they are: no function applies to a text that long on every database (Hibernate maps
            // it as a CLOB on H2, and refuses LOWER() there)
            String name = "LOWER(t.taskName) LIKE :qName ESCAPE '" + ESCAPE + "'";
            where.add(searchesArguments ? "(" + name + " OR t.arguments LIKE :q ESCAPE '" + ESCAPE + "')" : name);
        }
        return String.join(" AND ", where);
    }

    /** The values of the parameters in {@link #where()}. */
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < conditions.size(); i++) {
            Condition condition = conditions.get(i);
            parameters.put("p" + i, condition.operator().ranged() ? condition.values().get(0) : condition.values());
        }
        if (search != null) {
            String pattern = "%" + search.replace("" + ESCAPE, "" + ESCAPE + ESCAPE).replace("%", ESCAPE + "%")
                    .replace("_", ESCAPE + "_") + "%";
            if (searchesArguments) {
                parameters.put(SEARCH, pattern);
            }
            parameters.put("qName", pattern.toLowerCase(Locale.ROOT));
        }
        return parameters;
    }

    /** Whether a task with these column values passes every condition. */
    public boolean test(Map<String, Object> values) {
        return conditions.stream().allMatch(condition -> condition.test(values.get(condition.column().name())));
    }

    /** Whether the values match every condition except those on one column, whose value is not known. */
    public boolean testBesides(String column, Map<String, Object> values) {
        return conditions.stream().filter(condition -> !condition.column().name().equals(column))
                .allMatch(condition -> condition.test(values.get(condition.column().name())));
    }

    /** How a condition compares a column with its values. */
    public enum Operator {
        IS, NOT, FROM, TO;

        boolean ranged() {
            return this == FROM || this == TO;
        }
    }

    /** One filter: a column, an operator and the values, converted to the column's type. */
    public record Condition(TaskColumn column, Operator operator, List<Object> values) {

        String jpql(String parameter) {
            String path = column.path();
            return switch (operator) {
                case IS -> path + " IN :" + parameter;
                case NOT -> "(" + path + " IS NULL OR " + path + " NOT IN :" + parameter + ")";
                case FROM -> path + " >= :" + parameter;
                case TO -> path + " < :" + parameter;
            };
        }

        /** Whether a value passes; a value of another type than the column's passes no range. */
        @SuppressWarnings({"unchecked", "rawtypes"})
        boolean test(Object value) {
            return switch (operator) {
                case IS -> value != null && values.contains(value);
                case NOT -> value == null || !values.contains(value);
                case FROM -> sameType(value) && ((Comparable) value).compareTo(values.get(0)) >= 0;
                case TO -> sameType(value) && ((Comparable) value).compareTo(values.get(0)) < 0;
            };
        }

        private boolean sameType(Object value) {
            return value instanceof Comparable<?> && value.getClass() == values.get(0).getClass();
        }
    }

    private static List<Object> convert(String filter, List<String> values, TaskColumn column) {
        List<Object> converted = new ArrayList<>();
        for (String value : values) {
            try {
                converted.add(ValueConverter.convert(value, column.type()));
            } catch (IllegalArgumentException e) {
                throw ApiProblem.badRequest("filter '" + filter + "': " + e.getMessage());
            }
        }
        return converted;
    }

    private static String orderBy(String sort, Map<String, TaskColumn> columns, List<String> sortable) {
        List<String> order = new ArrayList<>();
        for (String key : sort.split(",")) {
            boolean descending = key.startsWith("-");
            String name = descending ? key.substring(1) : key;
            TaskColumn column = columns.get(name);
            if (column == null || !sortable.contains(name)) {
                throw ApiProblem.badRequest("cannot sort by '" + name + "': sort by one of " + sortable
                        + ", with '-' first for descending order");
            }
            order.add(column.path() + (descending ? " DESC" : " ASC"));
        }
        order.add("t.id ASC");
        return String.join(", ", order);
    }

    private static String one(Map<String, List<String>> query, String name, String fallback) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty()) {
            return fallback;
        }
        if (values.size() > 1) {
            throw ApiProblem.badRequest("'" + name + "' is given " + values.size() + " times; give it once");
        }
        return values.get(0);
    }

    private static int number(Map<String, List<String>> query, String name, int fallback, int min, int max) {
        String text = one(query, name, null);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw ApiProblem.badRequest("'" + name + "' is '" + text + "'; it must be a whole number from " + min
                + " to " + max);
    }
}
