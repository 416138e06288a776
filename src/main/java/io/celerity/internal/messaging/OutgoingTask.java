package io.celerity.internal.messaging;

/** A task message to send to a queue, with how the broker is to deliver it. */
public record OutgoingTask(String queue, TaskMessage message, TaskDelivery delivery) {
}
