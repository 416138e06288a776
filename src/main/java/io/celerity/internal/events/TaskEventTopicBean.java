package io.celerity.internal.events;

import io.celerity.api.TaskEvent;
import io.celerity.internal.message.EventMessage;
import io.celerity.internal.messaging.Destinations;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.json.JsonLimits;
import io.celerity.internal.json.TaskJson;
import io.celerity.internal.store.TaskEntityModel;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/** Receives the task events of the other nodes and fires them here, so observers and sockets see every change. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Destinations.EVENTS),
        @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "${MPCONFIG=celerity.resource-adapter}"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1"),
        @ActivationConfigProperty(propertyName = "setupAttempts", propertyValue = "-1"),
        @ActivationConfigProperty(propertyName = "setupInterval", propertyValue = "500")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TaskEventTopicBean implements MessageListener {

    private static final Logger LOG = Logger.getLogger(TaskEventTopicBean.class.getName());
    /**
     * A message holds at most 500 events (TaskEventPublisher) of a few kB each (error messages are cut at 4000
     * characters); fields are flat.
     */
    private static final JsonLimits LIMITS = new JsonLimits(16 * 1024 * 1024, 8);

    @Inject
    TaskEventPublisher publisher;

    @Inject
    EventListeners listeners;

    @Inject
    TaskEntityModel model;

    @Inject
    CelerityConfig config;

    @Override
    public void onMessage(Message message) {
        try {
            if (config.node().equals(message.getStringProperty(TaskEventPublisher.NODE_PROPERTY))) {
                return;
            }
            listeners.heard();
            if (message.propertyExists(EventListeners.PRESENCE_PROPERTY)) {
                return;
            }
            if (message instanceof TextMessage text) {
                String body = text.getText();
                LIMITS.check(body);
                List<TaskEvent> events = List.of(TaskJson.jsonb().fromJson(body, TaskEvent[].class));
                publisher.fireRemote(events.stream().map(this::typed).toList());
            }
        } catch (JMSException | RuntimeException e) {
            LOG.warning(() -> EventMessage.REMOTE_EVENT_DROPPED.format(e));
        }
    }

    private TaskEvent typed(TaskEvent event) {
        Map<String, Object> fields = event.fields() == null ? Map.of() : model.typed(event.fields());
        return new TaskEvent(event.id(), event.task(), event.state(), event.version(), event.changedAt(),
                event.node(), fields, event.owner(), event.errorType(), event.errorMessage(),
                event.rootId());
    }
}
