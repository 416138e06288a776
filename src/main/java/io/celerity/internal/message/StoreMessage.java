package io.celerity.internal.message;

/** Messages of the task store: states and the fields of the task entity (03xx). */
public enum StoreMessage implements Message {

    NULL_STATE("CELERITY-0301: a task state is never null"),
    MANAGED_FIELD("CELERITY-0302: field '%s' is managed by Celerity and cannot be set"),
    UNKNOWN_FIELD("CELERITY-0303: %s has no field '%s'; its fields are %s"),
    UNFIT_FIELD_VALUE("CELERITY-0304: field '%s': %s"),
    NO_ASSOCIATED_ENTITY("CELERITY-0305: field '%s': there is no %s with id %s"),
    CONSTRAINT_VIOLATED("CELERITY-0306: the task's fields break constraints of %s: %s"),
    ATTACHED_NEW_ENTITY("CELERITY-0307: field '%s' is set to a %s that is not stored yet; store it first"),
    FIELD_NOT_READ("CELERITY-0311: cannot read field '%s': %s"),
    FIELD_NOT_WRITTEN("CELERITY-0312: cannot write field '%s': %s");

    private final String template;

    StoreMessage(String template) {
        this.template = template;
    }

    @Override
    public String template() {
        return template;
    }
}
