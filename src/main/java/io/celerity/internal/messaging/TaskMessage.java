package io.celerity.internal.messaging;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import io.celerity.internal.json.JsonLimits;
import io.celerity.internal.json.TaskJson;
import io.celerity.internal.message.WorkerMessage;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;

/**
 * The message that asks a worker to run a task: a JSON text naming the task id and task name. Arguments stay in the
 * task row, which is the source of truth; no Java serialisation anywhere.
 */
public record TaskMessage(String id, String task) {

    /** Message property with the task id, for monitoring and selectors. */
    public static final String ID_PROPERTY = "celerity_id";
    /** Message property with the task name. */
    public static final String TASK_PROPERTY = "celerity_task";
    /** Artemis' duplicate-detection property: a re-sent enqueue of the same task id is dropped by the broker. */
    public static final String DUPLICATE_ID_PROPERTY = "_AMQ_DUPL_ID";
    /** A task message is one flat object of two short strings; anything much larger or deeper is not one. */
    static final JsonLimits LIMITS = new JsonLimits(4096, 4);

    public String toJson() {
        return TaskJson.json().createObjectBuilder().add("id", id).add("task", task).build().toString();
    }

    /**
     * Reads a task message.
     *
     * @throws MalformedTaskMessage saying what is wrong, with the task id when one can be found
     */
    public static TaskMessage read(Message message) throws MalformedTaskMessage {
        String idProperty = property(message, ID_PROPERTY);
        if (!(message instanceof TextMessage text)) {
            throw new MalformedTaskMessage(idProperty, WorkerMessage.NOT_A_TEXT_MESSAGE.format(
                    message.getClass().getSimpleName()));
        }
        JsonObject json;
        try {
            String body = text.getText();
            LIMITS.check(body);
            json = read(body);
        } catch (RuntimeException | JMSException e) {
            throw new MalformedTaskMessage(idProperty, WorkerMessage.NOT_A_JSON_OBJECT.format(e.getMessage()));
        }
        String id = string(json, "id");
        String task = string(json, "task");
        if (id == null || id.isBlank() || id.length() > 36) {
            throw new MalformedTaskMessage(idProperty, WorkerMessage.NO_VALID_TASK_ID.format());
        }
        if (task == null || task.isBlank()) {
            throw new MalformedTaskMessage(id, WorkerMessage.NO_TASK_NAME.format());
        }
        return new TaskMessage(id, task);
    }

    private static JsonObject read(String body) {
        try (JsonReader reader = TaskJson.json().createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static String string(JsonObject json, String key) {
        JsonValue value = json.get(key);
        return value instanceof JsonString s ? s.getString() : null;
    }

    private static String property(Message message, String name) {
        try {
            return message.getStringProperty(name);
        } catch (JMSException | RuntimeException e) {
            return null;
        }
    }

    /** A message that can never be processed: it goes to the dead-letter queue. */
    public static final class MalformedTaskMessage extends Exception {

        private static final long serialVersionUID = 1L;

        private final String taskId;

        MalformedTaskMessage(String taskId, String reason) {
            super(reason);
            this.taskId = taskId;
        }

        /** The task id, when the message carries a usable one. */
        public String taskId() {
            return taskId;
        }
    }
}
