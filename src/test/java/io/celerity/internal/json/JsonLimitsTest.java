package io.celerity.internal.json;

import jakarta.json.JsonException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLimitsTest {

    private static final JsonLimits LIMITS = new JsonLimits(100, 3);

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    @Test
    void aTextWithinTheLimits_passes() {
        assertDoesNotThrow(() -> LIMITS.check("{\"a\": [{\"b\": 1}], \"c\": [[]]}"));
        assertDoesNotThrow(() -> LIMITS.check(nested(3)));
        assertDoesNotThrow(() -> LIMITS.check("[[]] "));
        assertDoesNotThrow(() -> LIMITS.check("true"));
    }

    @Test
    void oneLevelTooDeep_isRefused_andSaysSo() {
        JsonLimits.Exceeded deep = assertThrows(JsonLimits.Exceeded.class, () -> LIMITS.check(nested(4)));
        assertTrue(deep.getMessage().startsWith("CELERITY-0406"), deep.getMessage());
        assertThrows(JsonLimits.Exceeded.class, () -> LIMITS.check("{\"a\": {\"b\": {\"c\": {}}}}"));
    }

    @Test
    void nestingPastTheParsersOwnLimit_isRefusedByOurs() {
        JsonLimits generous = new JsonLimits(Integer.MAX_VALUE, 100);
        assertThrows(JsonLimits.Exceeded.class, () -> generous.check(nested(5000)));
    }

    @Test
    void aTextTooLong_isRefused_beforeItIsParsed() {
        JsonLimits.Exceeded tooLong = assertThrows(JsonLimits.Exceeded.class, () -> LIMITS.check("[" + " ".repeat(100) + "]"));
        assertTrue(tooLong.getMessage().startsWith("CELERITY-0405"), tooLong.getMessage());
    }

    @Test
    void malformedJson_isAJsonException_notALimit() {
        for (String text : new String[]{"{", "[1, 2", "{\"a\" 1}", "nope"}) {
            JsonException malformed = assertThrows(JsonException.class, () -> LIMITS.check(text), text);
            assertFalse(malformed instanceof JsonLimits.Exceeded, text);
        }
    }

    @Test
    void aProvidersOwnRefusal_isAJsonException() {
        JsonLimits beyondTheProvider = new JsonLimits(Integer.MAX_VALUE, 5000);
        JsonException refused = assertThrows(JsonException.class, () -> beyondTheProvider.check(nested(2000)));
        assertFalse(refused instanceof JsonLimits.Exceeded);
    }
}
