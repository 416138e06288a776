package io.celerity.it.app;

import io.celerity.api.BackgroundTask;
import io.celerity.api.TaskHandle;
import io.celerity.demo.AsyncTask;
import jakarta.enterprise.context.Dependent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Arguments and results of several JSON shapes, on a @Dependent bean. */
@Dependent
public class Shapes {

    public enum Unit { CM, M }

    public record Box(String label, BigDecimal width, BigDecimal height, Unit unit, List<String> tags) {
    }

    public record Area(String label, BigDecimal area, Unit unit, LocalDate measured, Map<String, Integer> counts) {
    }

    @BackgroundTask(type = AsyncTask.SHORT)
    public TaskHandle<Area> area(Box box, LocalDate day) {
        return TaskHandle.completed(new Area(box.label(), box.width().multiply(box.height()), box.unit(), day,
                Map.of("tags", box.tags().size())));
    }
}
