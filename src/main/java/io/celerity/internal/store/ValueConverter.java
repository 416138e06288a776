package io.celerity.internal.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Converts a field value given by the application (annotation text, per-call value) to the field's Java type. */
public final class ValueConverter {

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, byte.class, Byte.class, double.class, Double.class, float.class, Float.class,
            boolean.class, Boolean.class, char.class, Character.class);

    private static final Map<Class<?>, Function<String, Object>> PARSERS = Map.ofEntries(
            Map.entry(String.class, s -> s),
            Map.entry(Integer.class, Integer::valueOf), Map.entry(Long.class, Long::valueOf),
            Map.entry(Short.class, Short::valueOf), Map.entry(Byte.class, Byte::valueOf),
            Map.entry(Double.class, Double::valueOf), Map.entry(Float.class, Float::valueOf),
            Map.entry(BigDecimal.class, BigDecimal::new), Map.entry(BigInteger.class, BigInteger::new),
            Map.entry(Boolean.class, ValueConverter::parseBoolean), Map.entry(UUID.class, UUID::fromString),
            Map.entry(Instant.class, Instant::parse), Map.entry(Timestamp.class, s -> Timestamp.from(Instant.parse(s))),
            Map.entry(LocalDate.class, LocalDate::parse),
            Map.entry(LocalDateTime.class, LocalDateTime::parse), Map.entry(OffsetDateTime.class, OffsetDateTime::parse),
            Map.entry(Character.class, s -> {
                if (s.length() != 1) {
                    throw new IllegalArgumentException("not one character");
                }
                return s.charAt(0);
            }));

    private ValueConverter() {
    }

    /**
     * The value as an instance of the target type.
     *
     * @throws IllegalArgumentException if it does not fit
     */
    public static Object convert(Object value, Class<?> target) {
        Class<?> boxed = BOXES.getOrDefault(target, target);
        if (value == null) {
            if (target.isPrimitive()) {
                throw new IllegalArgumentException("null does not fit the primitive type " + target.getName());
            }
            return null;
        }
        if (boxed.isInstance(value)) {
            return value;
        }
        if (value instanceof Number number && Number.class.isAssignableFrom(boxed)) {
            return convertNumber(number, boxed);
        }
        String text = value instanceof Enum<?> e ? e.name() : value.toString();
        if (boxed.isEnum()) {
            return enumValue(boxed, text.strip());
        }
        Function<String, Object> parser = PARSERS.get(boxed);
        if (parser == null || !(value instanceof CharSequence || value instanceof Enum<?> || boxed == String.class)) {
            throw new IllegalArgumentException(value.getClass().getName() + " does not fit " + target.getName());
        }
        try {
            return parser.apply(boxed == String.class ? text : text.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a " + target.getSimpleName(), e);
        }
    }

    private static Object convertNumber(Number number, Class<?> target) {
        BigDecimal exact = new BigDecimal(number.toString());
        try {
            if (target == Integer.class) {
                return exact.intValueExact();
            } else if (target == Long.class) {
                return exact.longValueExact();
            } else if (target == Short.class) {
                return exact.shortValueExact();
            } else if (target == Byte.class) {
                return exact.byteValueExact();
            } else if (target == Double.class) {
                return number.doubleValue();
            } else if (target == Float.class) {
                return number.floatValue();
            } else if (target == BigDecimal.class) {
                return exact;
            } else if (target == BigInteger.class) {
                return exact.toBigIntegerExact();
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(number + " does not fit " + target.getSimpleName(), e);
        }
        throw new IllegalArgumentException(number + " does not fit " + target.getName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        try {
            return Enum.valueOf((Class<? extends Enum>) type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' is not one of " + java.util.Arrays.toString(type.getEnumConstants()), e);
        }
    }

    private static Boolean parseBoolean(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not true or false");
        };
    }
}
