package io.celerity.bench.app;

import io.celerity.api.TaskMeta;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** The benchmark's task entity: AsyncTask's shape, with the indexes its list query needs. */
@Entity
@Table(name = "bench_task", indexes = {
        @Index(name = "ix_bench_task_owner", columnList = "owner, provider, created_at"),
        @Index(name = "ix_bench_task_provider", columnList = "provider, state, created_at"),
        @Index(name = "ix_bench_task_state", columnList = "state"),
        @Index(name = "ix_bench_task_created", columnList = "created_at"),
        @Index(name = "ix_bench_task_finished", columnList = "finished_at")})
public class BenchTask extends TaskMeta {

    @Column(length = 100)
    private String owner;

    private long provider;

    private long current;

    private long total = 100;

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public long getProvider() {
        return provider;
    }

    public void setProvider(long provider) {
        this.provider = provider;
    }

    public long getCurrent() {
        return current;
    }

    public void setCurrent(long current) {
        this.current = current;
    }

    public long getTotal() {
        return total;
    }

    public void setTotal(long total) {
        this.total = total;
    }
}
