package io.celerity.internal.schedule;

import io.celerity.api.Periodic;
import io.celerity.api.ScheduleDefinition;
import io.celerity.internal.message.ScheduleMessage;
import io.celerity.internal.registry.Durations;
import io.celerity.internal.registry.TaskDefinition;
import io.celerity.internal.registry.TaskRegistry;
import io.celerity.internal.registry.TaskSignatures;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;

/** Turns a {@link Periodic} annotation into a checked schedule definition, at deployment. */
public final class Declarations {

    private Declarations() {
    }

    /**
     * @throws IllegalArgumentException with the message of the first mistake, which fails the deployment
     */
    public static ScheduleDefinition definition(TaskDefinition task, Periodic periodic, TaskRegistry registry,
                                                Duration minInterval) {
        String name = periodic.name().isBlank() ? task.name() : periodic.name().strip();
        ZoneId zone;
        try {
            zone = ZoneId.of(periodic.zone().strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(ScheduleMessage.BAD_ZONE.format(name, periodic.zone()), e);
        }
        Duration every;
        try {
            every = Durations.parse(periodic.every());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ScheduleMessage.BAD_CRON.format(name, "every " + e.getMessage()), e);
        }
        ScheduleDefinition definition = periodic.cron().isBlank() && every != null
                ? ScheduleDefinition.every(name, every)
                : ScheduleDefinition.cron(name, periodic.cron().isBlank() ? null : periodic.cron().strip());
        if (every != null && !periodic.cron().isBlank()) {
            throw new IllegalArgumentException(ScheduleMessage.TIMING.format(name, "cron and every"));
        }
        definition = definition.zone(zone).task(task.name(), periodic.arguments())
                .fields(TaskSignatures.defaultFields(task.name(), periodic.fields())).missed(periodic.missed());
        if (periodic.priority() != -1) {
            definition = definition.priority(periodic.priority());
        }
        try {
            Duration expires = Durations.parse(periodic.expires());
            if (expires != null) {
                definition = definition.expires(expires);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ScheduleMessage.BAD_EXPIRES.format(name, e.getMessage()), e);
        }
        ScheduleChecks.check(definition, registry, minInterval);
        return definition;
    }
}
