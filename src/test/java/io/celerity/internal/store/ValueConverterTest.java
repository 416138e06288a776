package io.celerity.internal.store;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static io.celerity.internal.store.ValueConverter.convert;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueConverterTest {

    enum Kind { LONG, SHORT }

    @Test
    void annotationText_becomesTheFieldsType() {
        assertEquals(100L, convert("100", long.class));
        assertEquals(7, convert(" 7 ", Integer.class));
        assertEquals(true, convert("TRUE", boolean.class));
        assertEquals(Kind.LONG, convert("LONG", Kind.class));
        assertEquals(new BigDecimal("2.50"), convert("2.50", BigDecimal.class));
        assertEquals(LocalDate.of(2026, 11, 21), convert("2026-11-21", LocalDate.class));
        assertEquals(Instant.parse("2026-11-21T10:00:00Z"), convert("2026-11-21T10:00:00Z", Instant.class));
        assertEquals(" Long addition ", convert(" Long addition ", String.class), "text is kept as given");
    }

    @Test
    void numbers_widenAndNarrowExactly() {
        assertEquals(33L, convert(33, long.class));
        assertEquals(5, convert(5L, int.class));
        assertEquals(1.5d, convert(new BigDecimal("1.5"), double.class));
        IllegalArgumentException tooBig = assertThrows(IllegalArgumentException.class,
                () -> convert(Long.MAX_VALUE, int.class));
        assertTrue(tooBig.getMessage().contains("does not fit"));
        assertThrows(IllegalArgumentException.class, () -> convert(new BigDecimal("1.5"), long.class));
    }

    @Test
    void aValueOfTheRightType_isKept() {
        UUID id = UUID.randomUUID();
        assertSame(id, convert(id, UUID.class));
        assertEquals("LONG", convert(Kind.LONG, String.class));
    }

    @Test
    void nothingThatDoesNotFit_isGuessed() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> convert("many", long.class))
                .getMessage().contains("'many' is not a long"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> convert("MEDIUM", Kind.class))
                .getMessage().contains("[LONG, SHORT]"));
        assertThrows(IllegalArgumentException.class, () -> convert("yes", boolean.class));
        assertThrows(IllegalArgumentException.class, () -> convert(new Object(), long.class));
        assertThrows(IllegalArgumentException.class, () -> convert(null, int.class));
        assertNull(convert(null, Integer.class));
    }
}
