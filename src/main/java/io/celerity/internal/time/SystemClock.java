package io.celerity.internal.time;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** Produces the clock of production: the system clock, in UTC. */
@Dependent
public class SystemClock {

    @Produces
    @CelerityClock
    static Clock system() {
        return Clock.systemUTC();
    }
}
