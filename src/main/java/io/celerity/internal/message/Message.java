package io.celerity.internal.message;

import java.util.Locale;

/**
 * A log or exception message of Celerity: a template that starts with its id, {@code CELERITY-nnnn: }, and takes its
 * arguments as {@code %s}. Every message of the internals is one constant of an enum of this package, one enum per
 * range of ids; the public API has its own, as it depends on no internals. The ids are documented in
 * docs/reference.adoc, and users search their logs for them: a text, once released, stays as it is.
 */
public interface Message {

    /** The template, such as {@code CELERITY-0205: unknown task '%s': …}. */
    String template();

    /** The message with these arguments in the template's places, each as {@link String#valueOf(Object)}. */
    default String format(Object... arguments) {
        return String.format(Locale.ROOT, template(), arguments);
    }
}
