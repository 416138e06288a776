package io.celerity.it.invalid;

import io.celerity.api.BackgroundTask;
import jakarta.enterprise.context.ApplicationScoped;

/** Returns its result directly, which a call that returns at once cannot do. */
@ApplicationScoped
public class DirectResult {

    @BackgroundTask
    public int add(int x, int y) {
        return x + y;
    }
}
