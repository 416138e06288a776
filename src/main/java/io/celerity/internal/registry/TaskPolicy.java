package io.celerity.internal.registry;

import io.celerity.api.BackgroundTask;
import io.celerity.api.WorkerLost;
import io.celerity.internal.message.DeploymentMessage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.random.RandomGenerator;

/**
 * The control options of one task: retries, expiry, priority, time limits, rate limit, worker-lost policy. Built
 * from the annotation, then overridden by configuration ({@code celerity.task."<name>".<option>}); per-call options
 * are applied at enqueue and stored with the task.
 */
public record TaskPolicy(int maxRetries, Duration retryDelay, boolean retryBackoff, Duration retryBackoffMax,
                         boolean retryJitter, List<Class<? extends Throwable>> retryOn,
                         List<Class<? extends Throwable>> dontRetryOn, Duration expires, int priority,
                         Duration softTimeLimit, Duration timeLimit, RateLimit rateLimit, WorkerLost workerLost,
                         Map<String, String> settings) {

    /** The options that configuration may override, by their key suffix. */
    public static final Set<String> OPTIONS = Arrays.stream(TaskOption.values()).map(TaskOption::key)
            .collect(Collectors.toUnmodifiableSet());

    /** The settings of an annotation, as text keyed like the configuration. */
    public static Map<String, String> settings(BackgroundTask task) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (TaskOption option : TaskOption.values()) {
            settings.put(option.key(), option.valueOn(task));
        }
        return settings;
    }

    /**
     * Reads the settings of a task.
     *
     * @param source says where the settings come from, in error messages
     * @throws IllegalArgumentException listing every bad setting
     */
    public static TaskPolicy parse(String task, String source, Map<String, String> settings,
                                   List<Class<? extends Throwable>> retryOn,
                                   List<Class<? extends Throwable>> dontRetryOn) {
        List<String> problems = new ArrayList<>();
        Reader read = new Reader(settings, problems);
        int maxRetries = read.value(TaskOption.MAX_RETRIES, Integer::parseInt, 0);
        Duration retryDelay = read.value(TaskOption.RETRY_DELAY, Durations::parse, Duration.ofSeconds(1));
        boolean backoff = read.value(TaskOption.RETRY_BACKOFF, TaskPolicy::bool, false);
        Duration backoffMax = read.value(TaskOption.RETRY_BACKOFF_MAX, Durations::parse, Duration.ofMinutes(10));
        boolean jitter = read.value(TaskOption.RETRY_JITTER, TaskPolicy::bool, true);
        Duration expires = read.value(TaskOption.EXPIRES, Durations::parse, null);
        int priority = read.value(TaskOption.PRIORITY, Integer::parseInt, BackgroundTask.DEFAULT_PRIORITY);
        Duration soft = read.value(TaskOption.SOFT_TIME_LIMIT, Durations::parse, null);
        Duration hard = read.value(TaskOption.TIME_LIMIT, Durations::parse, null);
        RateLimit rate = read.value(TaskOption.RATE_LIMIT, RateLimit::parse, null);
        WorkerLost lost = read.value(TaskOption.ON_WORKER_LOST, v -> WorkerLost.valueOf(v.strip().toUpperCase(Locale.ROOT)),
                WorkerLost.RUN_AGAIN);
        if (maxRetries < 0) {
            problems.add(TaskOption.MAX_RETRIES.key() + " " + maxRetries + " is negative");
        }
        if (priority < 0 || priority > 9) {
            problems.add(TaskOption.PRIORITY.key() + " " + priority + " is not between 0 and 9");
        }
        if (isZero(soft) || isZero(hard)) {
            problems.add("a time limit must be positive");
        }
        if (soft != null && hard != null && soft.compareTo(hard) >= 0) {
            problems.add("the soft time limit " + soft + " is not shorter than the time limit " + hard);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(DeploymentMessage.BAD_TASK_SETTINGS.format(task, source,
                    String.join("; ", problems)));
        }
        return new TaskPolicy(maxRetries, retryDelay, backoff, backoffMax, jitter, List.copyOf(retryOn),
                List.copyOf(dontRetryOn), expires, priority, soft, hard, rate, lost, Map.copyOf(settings));
    }

    private static boolean isZero(Duration duration) {
        return duration != null && duration.isZero();
    }

    private static boolean bool(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
        };
    }

    /** Whether a run that failed with this error is retried (when retries are left). */
    public boolean retries(Throwable error) {
        return dontRetryOn.stream().noneMatch(type -> type.isInstance(error))
                && retryOn.stream().anyMatch(type -> type.isInstance(error));
    }

    /**
     * The delay before the attempt after {@code attempt}: fixed, or doubled each time up to the cap, with jitter.
     *
     * @param random draws the jitter
     */
    public Duration retryDelay(int attempt, RandomGenerator random) {
        if (!retryBackoff) {
            return retryDelay;
        }
        int doublings = Math.min(Math.max(attempt - 1, 0), 40);
        Duration delay = retryDelay.toMillis() > (retryBackoffMax.toMillis() >> doublings)
                ? retryBackoffMax
                : retryDelay.multipliedBy(1L << doublings);
        if (retryJitter && delay.toMillis() > 0) {
            delay = Duration.ofMillis(random.nextLong(delay.toMillis() + 1));
        }
        return delay;
    }

    private record Reader(Map<String, String> settings, List<String> problems) {

        <T> T value(TaskOption option, Function<String, T> parse, T fallback) {
            String text = settings.get(option.key());
            if (text == null || text.isBlank()) {
                return fallback;
            }
            try {
                return parse.apply(text.strip());
            } catch (RuntimeException e) {
                problems.add(option.key() + " '" + text + "': " + e.getMessage());
                return fallback;
            }
        }
    }
}
