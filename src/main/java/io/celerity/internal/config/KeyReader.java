package io.celerity.internal.config;

import io.celerity.internal.message.DeploymentMessage;
import io.celerity.internal.registry.Durations;
import org.eclipse.microprofile.config.Config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one key as a typed value, or fails with the key, the bad value and what to write instead. Every key is read
 * as text and converted here, so that no value reaches Celerity unchecked or with the config implementation's own
 * conversion error.
 */
final class KeyReader {

    private static final Set<String> TRUE = Set.of("true", "1", "yes", "y", "on");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "n", "off");

    private final Config config;

    KeyReader(Config config) {
        this.config = config;
    }

    Optional<String> text(String key) {
        return config.getOptionalValue(key, String.class);
    }

    String text(String key, String fallback) {
        return text(key).orElse(fallback);
    }

    List<String> list(String key, List<String> fallback) {
        return config.getOptionalValues(key, String.class).orElse(fallback);
    }

    /** True and false as MicroProfile Config writes them; anything else is a mistake, not {@code false}. */
    boolean bool(String key, boolean fallback) {
        String text = text(key).orElse(null);
        if (text == null) {
            return fallback;
        }
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (!TRUE.contains(value) && !FALSE.contains(value)) {
            throw new IllegalStateException(DeploymentMessage.BAD_SWITCH.format(key, text));
        }
        return TRUE.contains(value);
    }

    int positive(String key, int fallback) {
        String text = text(key).orElse(null);
        Integer value = text == null ? Integer.valueOf(fallback) : integer(text);
        if (value == null || value < 1) {
            throw new IllegalStateException(DeploymentMessage.NOT_POSITIVE.format(key, text));
        }
        return value;
    }

    int port(String key, int fallback) {
        String text = text(key).orElse(null);
        Integer value = text == null ? Integer.valueOf(fallback) : integer(text);
        if (value == null || value < 1 || value > 65535) {
            throw new IllegalStateException(DeploymentMessage.BAD_PORT.format(key, text));
        }
        return value;
    }

    private static Integer integer(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A positive duration, written as the annotations write them ({@code 10s}, ISO-8601). */
    Duration duration(String key, Duration fallback) {
        String text = text(key).orElse(null);
        try {
            Duration value = Durations.parse(text);
            if (value != null && value.isZero()) {
                throw new IllegalArgumentException("'" + text + "' is zero; it must be positive");
            }
            return value == null ? fallback : value;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(DeploymentMessage.BAD_CONFIG_VALUE.format(key, e.getMessage()), e);
        }
    }

    /** A retention age: a positive duration, or {@code 0} (kept forever), which reads as {@link Duration#ZERO}. */
    Optional<Duration> retention(String key) {
        String text = text(key).orElse(null);
        if (text == null) {
            return Optional.empty();
        }
        if (text.strip().equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        try {
            Duration value = Durations.parse(text);
            if (value == null || value.isZero()) {
                throw new IllegalArgumentException(text);
            }
            return Optional.of(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(DeploymentMessage.BAD_RETENTION.format(key, text), e);
        }
    }

    Path path(String key, Path fallback) {
        String text = text(key).orElse(null);
        try {
            return text == null ? fallback : Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalStateException(DeploymentMessage.BAD_PATH.format(key, text, e.getReason()), e);
        }
    }

    /** Browser origins, {@code scheme://host[:port]}. */
    List<String> origins(String key) {
        List<String> origins = list(key, List.of());
        for (String origin : origins) {
            if (!origin.strip().matches("(?i)https?://[^/?#\\s]+/?")) {
                throw new IllegalStateException(DeploymentMessage.BAD_ORIGIN.format(key, origin));
            }
        }
        return origins;
    }
}
