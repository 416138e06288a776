package io.celerity.it.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.sql.Timestamp;
import java.time.Instant;

/** One start or end of a task body on some node: the evidence for "ran once" and "nothing twice". */
@Entity
@Table(name = "cluster_run")
public class RunRecord {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "task_key", length = 100, nullable = false)
    private String taskKey;

    @Column(length = 10, nullable = false)
    private String phase;

    @Column(length = 100)
    private String node;

    private int attempt;

    private Timestamp at;

    protected RunRecord() {
    }

    public RunRecord(String id, String taskKey, String phase, String node, int attempt) {
        this.id = id;
        this.taskKey = taskKey;
        this.phase = phase;
        this.node = node;
        this.attempt = attempt;
        this.at = Timestamp.from(Instant.now());
    }

    public String getTaskKey() {
        return taskKey;
    }

    public String getPhase() {
        return phase;
    }

    public String getNode() {
        return node;
    }
}
