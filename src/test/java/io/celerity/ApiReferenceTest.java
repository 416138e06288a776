package io.celerity;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every public type of the API, nested ones included, is named in the API reference: users see what they may use. */
class ApiReferenceTest {

    private static final Path API_CLASSES = Path.of("target/classes/io/celerity/api");
    private static final Path REFERENCE = Path.of("docs/reference.adoc");

    @Test
    void everyPublicApiType_isInTheReference() throws Exception {
        String reference = Files.readString(REFERENCE);
        List<String> types = publicTypes();
        assertFalse(types.isEmpty(), "no API classes in " + API_CLASSES);
        List<String> missing = types.stream().filter(name -> !reference.contains("`" + name + "`")
                && !reference.contains("`" + name + "<") && !reference.contains("`" + name + ".")
                && !reference.contains("`@" + name + "`")).sorted().toList();
        assertEquals(List.of(), missing, "public API types not named (in backquotes) in " + REFERENCE);
    }

    /** Public top-level and member types, as {@code Outer} and {@code Outer.Inner}. */
    private static List<String> publicTypes() throws IOException, ClassNotFoundException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(API_CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String simple = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName("io.celerity.api." + simple, false,
                        ApiReferenceTest.class.getClassLoader());
                if (isPublicMember(type)) {
                    names.add(type.getName().substring("io.celerity.api.".length()).replace('$', '.'));
                }
            }
        }
        return names;
    }

    private static boolean isPublicMember(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass() || t.isSynthetic()) {
                return false;
            }
        }
        return true;
    }
}
