package io.celerity.internal.schedule;

import io.celerity.api.Schedule;
import io.celerity.api.ScheduleDefinition;
import io.celerity.api.Schedules;
import io.celerity.api.Tasks;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.dispatch.CallCapture;
import io.celerity.internal.message.ScheduleMessage;
import io.celerity.internal.registry.TaskDefinition;
import io.celerity.internal.registry.TaskRegistry;
import io.celerity.internal.store.ScheduleRow;
import io.celerity.internal.store.ScheduleTable;
import io.celerity.internal.store.TaskEntityModel;
import io.celerity.internal.time.CelerityClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The public {@link Schedules}: checks each definition in full ({@link ScheduleChecks}, and the fields against the
 * task entity) before it writes a row, and computes the next tick from now whenever a definition or its switch
 * changes.
 */
@ApplicationScoped
public class ScheduleService implements Schedules {

    @Inject
    ScheduleTable table;

    @Inject
    ScheduleRuns runs;

    @Inject
    TaskRegistry registry;

    @Inject
    TaskEntityModel model;

    @Inject
    CelerityConfig config;

    @Inject
    @CelerityClock
    Clock clock;

    /** This bean through its proxy, so that a captured definition is saved in a transaction. */
    @Inject
    ScheduleService self;

    @Override
    @Transactional(value = Transactional.TxType.REQUIRED,
            dontRollbackOn = {IllegalArgumentException.class, IllegalStateException.class})
    public Schedule create(ScheduleDefinition definition) {
        checked(definition);
        if (table.find(definition.name()).isPresent()) {
            throw new IllegalStateException(ScheduleMessage.EXISTS.format(definition.name()));
        }
        ScheduleRow row = due(ScheduleRows.row(definition, false, null));
        table.insert(row);
        return ScheduleRows.schedule(row);
    }

    @Override
    public Define define(ScheduleDefinition definition) {
        return new CapturingDefine(definition, self);
    }

    /** Stores a schedule whose task and arguments were captured: a new one, or a new definition of an existing one. */
    @Transactional(value = Transactional.TxType.REQUIRED, dontRollbackOn = IllegalArgumentException.class)
    public Schedule save(ScheduleDefinition definition) {
        if (definition.name() != null && table.find(definition.name()).isPresent()) {
            return update(definition).orElseThrow();
        }
        return create(definition);
    }

    @Override
    @Transactional(value = Transactional.TxType.REQUIRED, dontRollbackOn = IllegalArgumentException.class)
    public Optional<Schedule> update(ScheduleDefinition definition) {
        checked(definition);
        Optional<ScheduleRow> existing = table.find(definition.name());
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        ScheduleRow row = due(ScheduleRows.row(definition, existing.get().declared(),
                existing.get()));
        table.replace(row);
        return find(definition.name());
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Schedule> enable(String name, boolean enabled) {
        Optional<ScheduleRow> existing = table.find(name);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        ScheduleRow row = existing.get();
        if (row.enabled() != enabled) {
            table.replace(enabled ? due(row.due(null, true)) : row.due(null, false));
        }
        return find(name);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean delete(String name) {
        return table.delete(name);
    }

    @Override
    @Transactional(value = Transactional.TxType.REQUIRED, dontRollbackOn = IllegalArgumentException.class)
    public Optional<String> runNow(String name) {
        return table.find(name).map(runs::runNow);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<Schedule> find(String name) {
        return table.find(name).map(ScheduleRows::schedule);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRED)
    public List<Schedule> list() {
        return table.list().stream().map(ScheduleRows::schedule).toList();
    }

    /**
     * Stores a schedule declared with {@code @Periodic} at deployment: creates it, or sets its definition again when
     * it changed (whether it is enabled, and its counts, stay); an unchanged one keeps its next tick.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void declare(ScheduleDefinition definition) {
        checked(definition);
        Optional<ScheduleRow> existing = table.find(definition.name());
        if (existing.isEmpty()) {
            table.insert(due(ScheduleRows.row(definition, true, null)));
            return;
        }
        ScheduleRow stored = existing.get();
        ScheduleRow declared = ScheduleRows.row(definition.enabled(stored.enabled()), true, stored);
        if (!ScheduleRows.sameDefinition(stored, declared)) {
            table.replace(stored.enabled() ? due(declared) : declared);
        }
    }

    private TaskDefinition checked(ScheduleDefinition definition) {
        if (definition == null) {
            throw new IllegalArgumentException(ScheduleMessage.MISSING.format("the schedule's definition"));
        }
        TaskDefinition task = ScheduleChecks.check(definition, registry, config.schedules().minInterval());
        try {
            model.checkDefaults(task.name(), definition.fields());
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException(ScheduleMessage.BAD_FIELDS.format(definition.name(), e.getMessage()),
                    e);
        }
        return task;
    }

    /** The row, due at its first tick from now when enabled. */
    private ScheduleRow due(ScheduleRow row) {
        return row.enabled() ? row.due(Timing.first(row, clock.instant()), true) : row;
    }

    private record CapturingDefine(ScheduleDefinition definition, ScheduleService service) implements Define {

        @Override
        public Schedule call(Tasks.TaskCall<?> call) {
            return run(call::call);
        }

        @Override
        public Schedule run(Tasks.VoidTaskCall call) {
            if (definition == null) {
                throw new IllegalArgumentException(ScheduleMessage.MISSING.format("the schedule's definition"));
            }
            CallCapture.Captured captured = CallCapture.capture(call, ScheduleMessage.NOTHING_CAPTURED.format());
            return service.save(definition.task(captured.task().name(), captured.arguments()));
        }
    }
}
