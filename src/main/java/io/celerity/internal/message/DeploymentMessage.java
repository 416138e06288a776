package io.celerity.internal.message;

/** Messages of deployment and start-up: task definitions, the broker, the task entity, configuration (00xx). */
public enum DeploymentMessage implements Message {

    STATIC_OR_PRIVATE("CELERITY-0001: %s is static or private; a @BackgroundTask must be an intercepted business "
            + "method: make it a public instance method"),
    UNSUPPORTED_RETURN_TYPE("CELERITY-0002: %s returns %s; a @BackgroundTask returns at once, so it must return void "
            + "or TaskHandle<T> (the body ends with 'return TaskHandle.completed(value);')"),
    RESULT_NOT_JSON("CELERITY-0003: the result type of %s cannot travel as JSON: %s"),
    PARAMETER_NOT_JSON("CELERITY-0004: parameter %s of %s cannot travel as JSON: %s"),
    MALFORMED_FIELD_DEFAULT("CELERITY-0005: field default '%s' of task %s is not of the form name=value"),
    QUEUE_WITHOUT_PREFIX("CELERITY-0006: %s names queue '%s'; task queue names start with '%s', which gives them the "
            + "broker's dead-letter and redelivery settings"),
    DUPLICATE_TASK_NAME("CELERITY-0007: task name '%s' is used by both %s and %s; give one of them another "
            + "@BackgroundTask(name = ...)"),
    NOT_A_BEAN_OF_ITS_CLASS("CELERITY-0008: %s declares task %s but is not a bean whose type is its own class; make it "
            + "a CDI bean or an EJB with a no-interface view"),
    WORKER_DESTINATION("CELERITY-0009: the task worker %s must be a @MessageDriven bean whose activation property "
            + "'destination' is a literal queue name starting with '%s', not %s"),
    TASKS_REGISTERED("CELERITY-0010: %s background task(s) registered"),
    BROKER_NOT_STARTED("CELERITY-0011: the embedded Artemis broker did not start on %s:%s (set "
            + "celerity.broker.embedded.port, or celerity.broker.embedded=false to use a standalone broker): %s"),
    BROKER_LISTENING("CELERITY-0012: embedded Artemis broker listening on %s:%s, data in %s"),
    BROKER_NOT_STOPPED("CELERITY-0013: the embedded broker did not stop cleanly: %s"),
    BROKER_PASSWORD_MISSING("CELERITY-0015: the embedded Artemis broker admits only user celerity.broker.user with "
            + "its password, and none is set: start the server with the environment variable "
            + "CELERITY_BROKER_PASSWORD set to a secret of your own (the application and the resource adapter both read "
            + "it; server-config/broker-password.sh makes and keeps one)"),
    BROKER_LOGIN_REFUSED("CELERITY-0016: the embedded Artemis broker refused the resource adapter's login: the "
            + "adapter and its connection pool must log in as celerity.broker.user (%s) with the same password, from "
            + "the environment variable CELERITY_BROKER_PASSWORD (see server-config/payara/post-boot-commands.asadmin)"),
    QUEUE_WITHOUT_WORKER("CELERITY-0014: task %s names queue '%s', which no worker consumes; declare a @MessageDriven "
            + "worker for it that extends %s (see its documentation), or use the default queue"),

    TASK_ENTITY_CHOSEN("CELERITY-0020: tasks are stored in entity %s with fields %s"),
    CONFIGURED_ENTITY_UNKNOWN("CELERITY-0021: celerity.task-entity names %s, which is not a concrete entity of the "
            + "persistence unit that extends TaskMeta; the candidates are %s"),
    SEVERAL_TASK_ENTITIES("CELERITY-0022: several entities extend TaskMeta: %s; set celerity.task-entity to the class "
            + "Celerity should store tasks in"),
    NO_TASK_ENTITY("CELERITY-0023: no entity of the persistence unit extends TaskMeta: add an @Entity of your own that "
            + "extends io.celerity.api.TaskMeta, or list the default one in persistence.xml: "
            + "<class>io.celerity.api.DefaultTaskMeta</class>"),
    ENTITY_NOT_CONSTRUCTIBLE("CELERITY-0024: cannot create %s: an entity needs a no-argument constructor"),
    UNKNOWN_DEFAULT_FIELD("CELERITY-0025: task %s sets field '%s', but %s has no such field; its fields are %s"),
    UNFIT_DEFAULT_FIELD("CELERITY-0026: task %s sets field '%s': %s"),
    UNFIT_TASK_TYPE("CELERITY-0027: task %s has type '%s', which breaks the task entity's constraints: %s"),

    BAD_TASK_SETTINGS("CELERITY-0030: task %s has bad settings in %s: %s"),
    BAD_CONFIG_VALUE("CELERITY-0031: %s: %s"),
    UNKNOWN_ENQUEUE_MODE("CELERITY-0032: celerity.enqueue is '%s'; use outbox or xa"),
    BAD_WEB_PATH("CELERITY-0033: %s is '%s'; use a path such as %s (letters, digits, '-', '.', '_', '~' and '/')"),
    NOT_POSITIVE("CELERITY-0034: %s is %s; it must be positive"),
    BAD_PORT("CELERITY-0035: %s is '%s'; use a TCP port from 1 to 65535"),
    BAD_SWITCH("CELERITY-0036: %s is '%s'; use true or false"),
    BAD_PATH("CELERITY-0037: %s is '%s', which is not a path: %s"),
    BAD_ORIGIN("CELERITY-0038: %s lists '%s', which is not an origin; write scheme://host[:port], such as "
            + "https://app.example.com"),
    BAD_RETENTION("CELERITY-0039: %s is '%s'; write how long finished tasks are kept, such as 7d, 12h or P30D, or 0 "
            + "to keep them forever"),

    OVERLAPPING_WEB_PATHS("CELERITY-0043: celerity.ui.path '%s' and celerity.api.path '%s' overlap; give the "
            + "dashboard and the REST API paths of their own, neither below the other"),

    CONFIGURED_OWNER_FIELD_MISSING("CELERITY-0040: the task entity %s has no owner field '%s' "
            + "(celerity.security.owner-field)"),
    DEFAULT_OWNER_FIELD_MISSING("CELERITY-0041: the task entity %s has no owner field '%s' "
            + "(celerity.security.owner-field): only admins see tasks over the REST API and WebSocket"),
    OWNER_WITHOUT_NAME("CELERITY-0042: the task entity %s's owner field '%s' is an association to %s, which has "
            + "no text attribute named %s to compare with the signed-in user's name; set celerity.security.owner-field "
            + "to %s.<attribute holding the user name> (or %s.%s to compare by its id)"),

    NO_JAX_RS_SERVLET("CELERITY-0050: the server has none of the JAX-RS servlets Celerity knows (%s), so the REST "
            + "API cannot be served"),
    NO_SCHEMA_TYPE_SETTER("CELERITY-0051: this server's MicroProfile OpenAPI has neither Schema.addType nor "
            + "Schema.type(SchemaType): %s");

    private final String template;

    DeploymentMessage(String template) {
        this.template = template;
    }

    @Override
    public String template() {
        return template;
    }
}
