package io.celerity.internal.time;

import jakarta.inject.Qualifier;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies the {@link java.time.Clock} Celerity reads the time from. An application may produce a {@code Clock} bean
 * of its own: an unqualified injection point in the library would then be ambiguous or silently take the
 * application's clock, and the library's producer would make the application's {@code @Inject Clock} ambiguous.
 * With the qualifier, each keeps its own.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface CelerityClock {
}
