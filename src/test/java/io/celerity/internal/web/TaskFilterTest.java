package io.celerity.internal.web;

import io.celerity.internal.store.TaskColumn;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskFilterTest {

    private static final Map<String, TaskColumn> COLUMNS = Map.of(
            "state", new TaskColumn("state", "t.state", String.class),
            "createdAt", new TaskColumn("createdAt", "t.createdAt", Timestamp.class),
            "provider", new TaskColumn("provider", "t.provider.id", Long.class),
            "current", new TaskColumn("current", "t.current", long.class),
            "urgent", new TaskColumn("urgent", "t.urgent", boolean.class));

    private static final List<String> SORTABLE = List.of("createdAt", "state");

    private static TaskFilter parse(Map<String, List<String>> query) {
        return TaskFilter.parse(query, COLUMNS, SORTABLE, 200);
    }

    private static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            query.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return query;
    }

    @Test
    void equalityNegationAndRanges_becomeJpqlWithTypedParameters() {
        TaskFilter filter = parse(query("provider", "7", "state.not", "REVOKED", "state.not", "FAILURE",
                "createdAt.from", "2026-11-21T10:00:00Z", "current.to", "50"));

        assertEquals("t.provider.id IN :p0 AND (t.state IS NULL OR t.state NOT IN :p1) AND t.createdAt >= :p2 "
                + "AND t.current < :p3", filter.where());
        assertEquals(List.of(7L), filter.parameters().get("p0"));
        assertEquals(List.of("REVOKED", "FAILURE"), filter.parameters().get("p1"));
        assertEquals(Timestamp.from(Instant.parse("2026-11-21T10:00:00Z")), filter.parameters().get("p2"));
        assertEquals(50L, filter.parameters().get("p3"));
    }

    @Test
    void aSearch_looksInTheNameIgnoringCase_andInTheArgumentsAsTheyAre_withItsWildcardsEscaped() {
        TaskFilter filter = parse(query("provider", "7", "q", "  Report_100%! "));

        assertEquals("t.provider.id IN :p0 AND (LOWER(t.taskName) LIKE :qName ESCAPE '!' OR t.arguments LIKE :q "
                + "ESCAPE '!')", filter.where());
        assertEquals("%Report!_100!%!!%", filter.parameters().get("q"));
        assertEquals("%report!_100!%!!%", filter.parameters().get("qName"));
        assertNull(parse(query("q", " ")).search(), "a blank search is none");
        assertEquals(400, assertThrows(ApiProblem.class, () -> parse(query("q", "x".repeat(201)))).status());
        assertEquals(400, assertThrows(ApiProblem.class, () -> parse(query("q", "a\nb"))).status());
    }

    @Test
    void defaults_newestFirstFirstPageOfFifty() {
        TaskFilter filter = parse(query());

        assertEquals("", filter.where());
        assertEquals("t.createdAt DESC, t.id ASC", filter.orderBy());
        assertEquals(0, filter.page());
        assertEquals(50, filter.size());
    }

    @Test
    void sortPageAndSize_areRead() {
        TaskFilter filter = parse(query("sort", "state,-createdAt", "page", "3", "size", "200"));

        assertEquals("t.state ASC, t.createdAt DESC, t.id ASC", filter.orderBy());
        assertEquals(3, filter.page());
        assertEquals(200, filter.size());
    }

    @Test
    void badInput_isRefusedWithWhatIsWrong() {
        assertProblem("unknown filter 'colour'", query("colour", "red"));
        assertProblem("unknown operator '.like'", query("state.like", "S%"));
        assertProblem("filter 'provider': 'seven' is not a Long", query("provider", "seven"));
        assertProblem("filter 'createdAt.from'", query("createdAt.from", "yesterday"));
        assertProblem("needs exactly one value of an ordered column", query("urgent.from", "true"));
        assertProblem("cannot sort by 'provider'", query("sort", "provider"));
        assertProblem("cannot sort by 'nothing'", query("sort", "-nothing"));
        assertProblem("'size' is '1000000000'; it must be a whole number from 1 to 200", query("size", "1000000000"));
        assertProblem("'size' is '0'", query("size", "0"));
        assertProblem("'page' is '-1'", query("page", "-1"));
        assertProblem("'page' is 'x'", query("page", "x"));
        assertProblem("'size' is given 2 times", query("size", "1", "size", "2"));
    }

    @Test
    void tooManyValues_areRefused() {
        String[] pairs = new String[202];
        for (int i = 0; i < 101; i++) {
            pairs[2 * i] = "state";
            pairs[2 * i + 1] = "S" + i;
        }
        assertProblem("at most 100", query(pairs));
    }

    @Test
    void test_matchesEventValuesAsTheQueryWould() {
        TaskFilter filter = parse(query("provider", "7", "state.not", "REVOKED", "current.from", "10"));

        assertTrue(filter.test(Map.of("provider", 7L, "state", "PROGRESS", "current", 33L)));
        assertFalse(filter.test(Map.of("provider", 8L, "state", "PROGRESS", "current", 33L)));
        assertFalse(filter.test(Map.of("provider", 7L, "state", "REVOKED", "current", 33L)));
        assertFalse(filter.test(Map.of("provider", 7L, "state", "PROGRESS", "current", 5L)));
        assertFalse(filter.test(Map.of("state", "PROGRESS", "current", 33L)), "a missing value matches no equality");
    }

    private static void assertProblem(String expected, Map<String, List<String>> query) {
        ApiProblem problem = assertThrows(ApiProblem.class, () -> parse(query));
        assertEquals(400, problem.status());
        assertTrue(problem.getMessage().contains(expected), problem.getMessage());
    }
}
