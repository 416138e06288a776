package io.celerity.internal.registry;

import io.celerity.api.BackgroundTask;

import java.util.function.Function;

/**
 * The options of a task that configuration may override, each with its key suffix
 * ({@code celerity.task."<name>".<key>}) and its value on the annotation, as text.
 */
enum TaskOption {
    MAX_RETRIES("max-retries", task -> String.valueOf(task.maxRetries())),
    RETRY_DELAY("retry-delay", BackgroundTask::retryDelay),
    RETRY_BACKOFF("retry-backoff", task -> String.valueOf(task.retryBackoff())),
    RETRY_BACKOFF_MAX("retry-backoff-max", BackgroundTask::retryBackoffMax),
    RETRY_JITTER("retry-jitter", task -> String.valueOf(task.retryJitter())),
    EXPIRES("expires", BackgroundTask::expires),
    PRIORITY("priority", task -> String.valueOf(task.priority())),
    SOFT_TIME_LIMIT("soft-time-limit", BackgroundTask::softTimeLimit),
    TIME_LIMIT("time-limit", BackgroundTask::timeLimit),
    RATE_LIMIT("rate-limit", BackgroundTask::rateLimit),
    ON_WORKER_LOST("on-worker-lost", task -> task.onWorkerLost().name());

    private final String key;
    private final Function<BackgroundTask, String> onAnnotation;

    TaskOption(String key, Function<BackgroundTask, String> onAnnotation) {
        this.key = key;
        this.onAnnotation = onAnnotation;
    }

    String key() {
        return key;
    }

    String valueOn(BackgroundTask task) {
        return onAnnotation.apply(task);
    }
}
