package io.celerity.internal.control;

import io.celerity.api.TaskState;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.messaging.BrokerQueues;
import io.celerity.internal.messaging.Destinations;
import io.celerity.internal.registry.TaskRegistry;
import io.celerity.internal.store.Backlogs;
import io.celerity.internal.store.Transitions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * The task queues side by side as the broker counts their messages and the task table counts their tasks: what an
 * operator compares to see a queue that backs up, a consumer that is missing, or messages the table does not know.
 */
@ApplicationScoped
public class QueueOverview {

    private static final Logger LOG = Logger.getLogger(QueueOverview.class.getName());

    /** The queues beside the task queues, shown apart. */
    private static final Set<String> NOT_TASK_QUEUES = Set.of(Destinations.DEAD_LETTERS, Destinations.EXPIRED);

    /** One queue: the broker's figures (null when it cannot be read) and its tasks that have not ended. */
    public record Queue(String name, Long messages, Long scheduled, Long delivering, Long consumers, long waitingTasks,
                        long scheduledTasks, long runningTasks) {
    }

    /** Every queue, whether the broker could be read (and why not), and the dead letters it holds. */
    public record Overview(boolean brokerReadable, String brokerProblem, List<Queue> queues, Long deadLetters) {
    }

    @Inject
    BrokerQueues broker;

    @Inject
    Backlogs backlogs;

    @Inject
    TaskRegistry registry;

    @Inject
    CelerityConfig config;

    private volatile String lastProblem;

    public Overview read() {
        Map<String, BrokerQueues.Figures> figures;
        String problem = null;
        try {
            figures = broker.read(config.healthTimeout());
            lastProblem = null;
        } catch (BrokerQueues.Unreadable e) {
            figures = Map.of();
            problem = e.getMessage();
            if (!problem.equals(lastProblem)) {
                lastProblem = problem;
                LOG.warning(problem);
            }
        }
        Map<String, long[]> tasks = new TreeMap<>();
        for (Backlogs.Unended unended : backlogs.unended(config.healthTimeout())) {
            long[] counts = tasks.computeIfAbsent(unended.queue(), queue -> new long[3]);
            counts[category(unended.state())] += unended.count();
        }
        Set<String> names = new TreeSet<>(registry.workerQueues());
        names.addAll(figures.keySet());
        names.addAll(tasks.keySet());
        names.removeAll(NOT_TASK_QUEUES);
        boolean readable = problem == null;
        Map<String, BrokerQueues.Figures> known = figures;
        List<Queue> queues = names.stream().map(name -> {
            BrokerQueues.Figures counted = known.get(name);
            long[] counts = tasks.getOrDefault(name, new long[3]);
            return counted == null && readable
                    ? new Queue(name, 0L, 0L, 0L, 0L, counts[0], counts[1], counts[2])
                    : new Queue(name, counted == null ? null : counted.messages(),
                    counted == null ? null : counted.scheduled(), counted == null ? null : counted.delivering(),
                    counted == null ? null : counted.consumers(), counts[0], counts[1], counts[2]);
        }).toList();
        BrokerQueues.Figures dlq = figures.get(Destinations.DEAD_LETTERS);
        Long deadLetters = null;
        if (dlq != null) {
            deadLetters = dlq.messages() + dlq.scheduled() + dlq.delivering();
        } else if (readable) {
            deadLetters = 0L;
        }
        return new Overview(readable, problem, queues, deadLetters);
    }

    /** 0 waiting, 1 scheduled, 2 running (a custom state is a running one). */
    private static int category(String state) {
        if (TaskState.SCHEDULED.equals(state)) {
            return 1;
        }
        return Transitions.isWaiting(state) ? 0 : 2;
    }
}
