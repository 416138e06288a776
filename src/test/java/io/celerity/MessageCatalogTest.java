package io.celerity;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The message ids, read from the sources: each defined once in the catalog, each documented, none elsewhere. */
class MessageCatalogTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path INTERNAL_CATALOG = SOURCES.resolve("io/celerity/internal/message");
    private static final Path API_CATALOG = SOURCES.resolve("io/celerity/api/ApiMessage.java");
    private static final Path REFERENCE = Path.of("docs/reference.adoc");
    /** An id where a template starts: in a string literal, followed by a colon. */
    private static final Pattern DEFINED_ID = Pattern.compile("\"(CELERITY-\\d{4}): ");
    private static final Pattern INLINE_ID = Pattern.compile("CELERITY-\\d|\"CELERITY-");

    @Test
    void everyId_isDefinedOnce_inTheCatalog() throws IOException {
        Map<String, Long> counts = catalogIds().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        List<String> repeated = counts.entrySet().stream().filter(entry -> entry.getValue() > 1).map(Map.Entry::getKey)
                .sorted().toList();
        assertEquals(List.of(), repeated);
        assertFalse(counts.isEmpty(), "no ids found in " + INTERNAL_CATALOG + " and " + API_CATALOG);
    }

    @Test
    void everyId_isDocumented_inTheReference() throws IOException {
        String reference = Files.readString(REFERENCE);
        List<String> undocumented = catalogIds().stream().filter(id -> !reference.contains(id)).sorted().toList();
        assertEquals(List.of(), undocumented, "ids missing from " + REFERENCE);
    }

    @Test
    void noSourceOutsideTheCatalog_writesAnId() throws IOException {
        List<String> inline = new ArrayList<>();
        for (Path source : sources()) {
            if (!isCatalog(source) && INLINE_ID.matcher(Files.readString(source)).find()) {
                inline.add(SOURCES.relativize(source).toString());
            }
        }
        assertEquals(List.of(), inline, "build these messages through the catalog, io.celerity.internal.message");
    }

    private static List<String> catalogIds() throws IOException {
        List<String> ids = new ArrayList<>();
        for (Path source : sources()) {
            if (isCatalog(source)) {
                Matcher id = DEFINED_ID.matcher(Files.readString(source));
                while (id.find()) {
                    ids.add(id.group(1));
                }
            }
        }
        return ids;
    }

    private static boolean isCatalog(Path source) {
        return source.startsWith(INTERNAL_CATALOG) || source.equals(API_CATALOG);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList();
        }
    }
}
