package io.celerity.api;

/**
 * What an error callback ({@link Canvas#onError}) receives as its first argument: the workflow task that failed.
 *
 * @param taskId       the failed task's id
 * @param taskName     its task name
 * @param errorType    the class of the exception it failed with
 * @param errorMessage the exception's message
 */
public record TaskFailure(String taskId, String taskName, String errorType, String errorMessage) {
}
