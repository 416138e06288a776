package io.celerity.internal;

import io.celerity.api.BackgroundTask;
import io.celerity.api.Periodic;
import io.celerity.api.ScheduleDefinition;
import io.celerity.api.TaskEvent;
import io.celerity.api.TaskStateChanged;
import io.celerity.api.TaskWorker;
import jakarta.ejb.MessageDriven;
import io.celerity.internal.broker.EmbeddedBroker;
import io.celerity.internal.config.CelerityConfig;
import io.celerity.internal.message.DeploymentMessage;
import io.celerity.internal.message.ScheduleMessage;
import io.celerity.internal.registry.TaskDefinition;
import io.celerity.internal.registry.TaskPolicy;
import io.celerity.internal.registry.TaskRegistry;
import io.celerity.internal.registry.TaskSignatures;
import io.celerity.internal.schedule.Declarations;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedType;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.ConfigProvider;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.List;
import java.util.logging.Logger;

/**
 * Reads Celerity's configuration and finds every {@code @BackgroundTask} method at deployment, validates both
 * (configuration keys; signature, JSON types, unique name, known queue) and fails the deployment with a message that
 * says how to fix each problem. Makes the configuration and the task registry injectable. Owns the embedded broker.
 */
public class CelerityExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(CelerityExtension.class.getName());

    private final TaskRegistry registry = new TaskRegistry();
    private final List<String> problems = new ArrayList<>();
    private final Set<Class<?>> beanClasses = new HashSet<>();
    private final List<DeclaredPeriodic> periodic = new ArrayList<>();
    private CelerityConfig config;
    private IllegalStateException badConfig;
    private EmbeddedBroker broker;

    /** Reads the configuration before anything else: a bad key is reported with the other problems at validation. */
    void readConfig(@Observes BeforeBeanDiscovery event) {
        try {
            config = CelerityConfig.read(ConfigProvider.getConfig(CelerityExtension.class.getClassLoader()));
        } catch (IllegalStateException e) {
            badConfig = e;
            problems.add(e.getMessage());
        }
    }

    <T> void findTasks(@Observes @WithAnnotations({BackgroundTask.class, Periodic.class, Periodic.List.class})
                       ProcessAnnotatedType<T> event) {
        AnnotatedType<T> type = event.getAnnotatedType();
        Class<T> javaClass = type.getJavaClass();
        if (javaClass.isInterface() || Modifier.isAbstract(javaClass.getModifiers())) {
            return; // its methods are registered with the concrete beans that inherit them
        }
        BackgroundTask onClass = type.getAnnotation(BackgroundTask.class);
        for (AnnotatedMethod<? super T> annotated : type.getMethods()) {
            Method method = annotated.getJavaMember();
            BackgroundTask task = annotated.getAnnotation(BackgroundTask.class);
            if (task == null && onClass != null && isPublicBusinessMethod(method, type.getJavaClass())) {
                task = onClass;
            }
            Periodic[] periodics = method.getAnnotationsByType(Periodic.class);
            if (task != null) {
                define(type.getJavaClass(), method, task).ifPresent(name -> {
                    if (periodics.length > 0) {
                        periodic.add(new DeclaredPeriodic(name, method, periodics));
                    }
                });
            } else if (periodics.length > 0) {
                problems.add(ScheduleMessage.PERIODIC_WITHOUT_TASK.format(method));
            }
        }
    }

    private static boolean isPublicBusinessMethod(Method method, Class<?> beanClass) {
        return Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                && !method.isSynthetic() && !overridesObject(method);
    }

    private static boolean overridesObject(Method method) {
        try {
            Object.class.getMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Registers a task; returns its name, or empty when it has problems. */
    private Optional<String> define(Class<?> beanClass, Method method, BackgroundTask task) {
        List<String> found = TaskSignatures.problems(method);
        if (!task.queue().startsWith(TaskRegistry.QUEUE_PREFIX)) {
            found.add(DeploymentMessage.QUEUE_WITHOUT_PREFIX.format(method, task.queue(), TaskRegistry.QUEUE_PREFIX));
        }
        if (!found.isEmpty()) {
            problems.addAll(found);
            return Optional.empty();
        }
        try {
            TaskDefinition definition = TaskSignatures.define(beanClass, method, task);
            Optional<TaskDefinition> previous = registry.register(definition);
            previous.ifPresent(other -> problems.add(
                    DeploymentMessage.DUPLICATE_TASK_NAME.format(definition.name(), other.method(), method)));
            return previous.isPresent() ? Optional.empty() : Optional.of(definition.name());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return Optional.empty();
        }
    }

    /** The schedules a task method declares, checked once the configuration and every task are known. */
    private record DeclaredPeriodic(String task, Method method, Periodic[] periodics) {
    }

    private void declareSchedules() {
        Map<String, Method> declaredOn = new HashMap<>();
        for (DeclaredPeriodic declared : periodic) {
            TaskDefinition task = registry.byName(declared.task()).orElseThrow();
            for (Periodic annotation : declared.periodics()) {
                try {
                    ScheduleDefinition schedule = Declarations.definition(task, annotation, registry,
                            config.schedules().minInterval());
                    Method other = declaredOn.putIfAbsent(schedule.name(), declared.method());
                    if (other != null) {
                        problems.add(ScheduleMessage.DUPLICATE_NAME.format(schedule.name(), other, declared.method()));
                    } else {
                        registry.declareSchedule(schedule);
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        }
    }

    /** Reads each task's retention keys, so that a bad one fails the deployment. */
    private void checkRetention(TaskDefinition task) {
        for (String state : CelerityConfig.Retention.STATES) {
            try {
                config.retention().keep(task.name(), state);
            } catch (IllegalStateException e) {
                problems.add(e.getMessage());
            }
        }
    }

    /**
     * Lets an observer of {@code @TaskStateChanged(task = …, state = …)} see only the events it names: the members
     * are non-binding for CDI, so the filter wraps the observer.
     */
    <T> void filterObservers(@Observes ProcessObserverMethod<TaskEvent, T> event) {
        ObserverMethod<TaskEvent> observer = event.getObserverMethod();
        TaskStateChanged filter = observer.getObservedQualifiers().stream()
                .filter(TaskStateChanged.class::isInstance).map(TaskStateChanged.class::cast)
                .findFirst().orElse(null);
        if (filter == null || (filter.task().isEmpty() && filter.state().isEmpty())) {
            return;
        }
        String task = filter.task();
        String state = filter.state();
        event.configureObserverMethod().notifyWith(context -> {
            TaskEvent changed = context.getEvent();
            if ((task.isEmpty() || task.equals(changed.task())) && (state.isEmpty() || state.equals(changed.state()))) {
                observer.notify(context);
            }
        });
    }

    <T extends TaskWorker> void findWorkers(@Observes @WithAnnotations(MessageDriven.class) ProcessAnnotatedType<T> event) {
        try {
            registry.queueOf(event.getAnnotatedType().getJavaClass());
        } catch (IllegalStateException e) {
            problems.add(e.getMessage());
        }
    }

    <T> void findBeans(@Observes ProcessBean<T> event) {
        Bean<T> bean = event.getBean();
        if (bean.getTypes().contains(bean.getBeanClass())) {
            beanClasses.add(bean.getBeanClass());
        }
    }

    /** Makes the registry and the configuration injectable: the rest of Celerity reads them from here. */
    void addBeans(@Observes AfterBeanDiscovery event) {
        event.addBean().beanClass(TaskRegistry.class).types(TaskRegistry.class, Object.class)
                .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE).scope(Singleton.class)
                .createWith(context -> registry);
        event.addBean().beanClass(CelerityConfig.class).types(CelerityConfig.class, Object.class)
                .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE).scope(Singleton.class)
                .createWith(context -> config());
    }

    /** The configuration; with a bad key the deployment fails at validation, before anything asks for it. */
    private CelerityConfig config() {
        if (config == null) {
            throw new IllegalStateException(badConfig.getMessage(), badConfig);
        }
        return config;
    }

    void validate(@Observes AfterDeploymentValidation event) {
        Set<String> consumed = new HashSet<>(registry.workerQueues());
        consumed.add(BackgroundTask.DEFAULT_QUEUE);
        for (TaskDefinition task : registry.all()) {
            if (!consumed.contains(task.queue())) {
                problems.add(DeploymentMessage.QUEUE_WITHOUT_WORKER.format(task.name(), task.queue(),
                        TaskWorker.class.getName()));
            }
            if (!beanClasses.contains(task.beanClass())) {
                problems.add(DeploymentMessage.NOT_A_BEAN_OF_ITS_CLASS.format(task.beanClass().getName(),
                        task.name()));
            }
        }
        if (problems.isEmpty()) {
            List.copyOf(registry.all()).forEach(this::configure);
            registry.all().forEach(this::checkRetention);
        }
        if (config != null) {
            declareSchedules(); // reported with the other problems: a schedule's mistakes do not depend on theirs
        }
        problems.forEach(problem -> event.addDeploymentProblem(new IllegalStateException(problem)));
        if (!problems.isEmpty()) {
            return;
        }
        LOG.info(() -> DeploymentMessage.TASKS_REGISTERED.format(registry.all().size()));
    }

    /** Applies the configuration's overrides of a task's options. */
    private void configure(TaskDefinition task) {
        Map<String, String> overrides = config.taskSettings(task.name(), TaskPolicy.OPTIONS);
        if (overrides.isEmpty()) {
            return;
        }
        Map<String, String> settings = new LinkedHashMap<>(task.policy().settings());
        settings.putAll(overrides);
        try {
            registry.replace(task.withPolicy(TaskPolicy.parse(task.name(),
                    "the configuration (celerity.task.\"" + task.name() + "\".*)", settings,
                    task.policy().retryOn(), task.policy().dontRetryOn())));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
    }

    /**
     * Starts the embedded broker when configured; called once the application's setup is known to be valid.
     *
     * @return whether this call started it
     */
    synchronized boolean startEmbeddedBroker() {
        if (!config().embeddedBroker() || broker != null) {
            return false;
        }
        if (config.brokerPassword().isEmpty()) {
            throw new IllegalStateException(DeploymentMessage.BROKER_PASSWORD_MISSING.format());
        }
        try {
            broker = EmbeddedBroker.start(config);
            return true;
        } catch (Exception e) {
            throw new IllegalStateException(DeploymentMessage.BROKER_NOT_STARTED.format(
                    config.embeddedBrokerHost(), config.embeddedBrokerPort(), e.getMessage()), e);
        }
    }

    void shutdown(@Observes BeforeShutdown event) {
        stopEmbeddedBroker();
    }

    /** Stops the embedded broker if this application started it. */
    synchronized void stopEmbeddedBroker() {
        if (broker != null) {
            broker.stop();
            broker = null;
        }
    }
}
