package io.celerity.it.web;

import io.celerity.api.TaskMeta;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * The test application's task row: an owner association, a provider number, a sensitive field and progress
 * ({@code current} of {@code total}).
 */
@Entity
@Table(name = "web_task")
public class WebTask extends TaskMeta {

    @ManyToOne
    private Member owner;

    private Long provider;

    private String secret;

    private long current;

    private long total;

    /** A long text column: the feed's slow-client test makes big events with it. */
    @Column(length = 20_000)
    private String note;

    public Member getOwner() {
        return owner;
    }

    public void setOwner(Member owner) {
        this.owner = owner;
    }

    public Long getProvider() {
        return provider;
    }

    public void setProvider(Long provider) {
        this.provider = provider;
    }

    public String getSecret() {
        return secret;
    }

    public void setSecret(String secret) {
        this.secret = secret;
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

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
