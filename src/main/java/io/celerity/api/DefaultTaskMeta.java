package io.celerity.api;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * The task entity Celerity uses when the application defines none of its own: the library columns plus AsyncTask's
 * progress pair and an owner.
 */
@Entity
@Table(name = "celerity_task", indexes = {
        @Index(name = "ix_celerity_task_state", columnList = "state"),
        @Index(name = "ix_celerity_task_name", columnList = "task_name"),
        @Index(name = "ix_celerity_task_owner", columnList = "owner"),
        @Index(name = "ix_celerity_task_created", columnList = "created_at"),
        @Index(name = "ix_celerity_task_finished", columnList = "finished_at"),
        @Index(name = "ix_celerity_task_root", columnList = "root_id")})
public class DefaultTaskMeta extends TaskMeta {

    @Column(name = "owner", length = 200)
    private String owner;

    @Column(name = "current")
    private long current;

    @Column(name = "total")
    private long total = 100;

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
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
