package io.celerity.internal.message;

/** Messages of arguments and results as JSON, and of JSON texts from outside beyond their limits (04xx). */
public enum JsonMessage implements Message {

    NOT_WRITABLE("CELERITY-0401: %s of task %s (%s) cannot be written as JSON for type %s: %s"),
    ARGUMENTS_NOT_AN_ARRAY("CELERITY-0402: the stored arguments are not a JSON array: %s"),
    ARGUMENT_COUNT("CELERITY-0403: %s stored arguments, but the method takes %s"),
    NOT_READABLE("CELERITY-0404: cannot read %s as %s: %s"),
    TOO_LONG("CELERITY-0405: the JSON text has %s characters, more than the %s allowed here"),
    TOO_DEEP("CELERITY-0406: the JSON text nests arrays and objects more than %s levels deep"),
    TOO_LONG_FOR_ROW("CELERITY-0407: %s of task %s is %s characters of JSON, more than the %s a task row holds "
            + "(TaskMeta.MAX_TEXT)");

    private final String template;

    JsonMessage(String template) {
        this.template = template;
    }

    @Override
    public String template() {
        return template;
    }
}
