package ${package};

import io.celerity.api.TaskMeta;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Index;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The task entity: Celerity's columns (id, task, state, arguments, result, times...) plus your own. Celerity writes a
 * row at every change of state; the fields a task sets (owner, provider, name, current) are plain columns you can
 * query with JPA and filter on in Celerity's REST API.
 */
@Entity
@Table(name = "async_task", indexes = {
        @Index(name = "ix_async_task_state", columnList = "state"),
        @Index(name = "ix_async_task_provider", columnList = "provider_id, state"),
        @Index(name = "ix_async_task_owner", columnList = "owner_id")})
public class AsyncTask extends TaskMeta {

    /** The task types (AsyncTask's task_type choices): a task declaring another type fails the deployment. */
    public static final String LONG = "LONG";
    public static final String SHORT = "SHORT";

    /** The owner: Celerity matches the signed-in user's name with the account's login. */
    @ManyToOne
    private Account owner;

    @ManyToOne
    private Provider provider;

    @Column(length = 200)
    @Size(max = 200)
    private String name;

    private long current;

    private long total = 100;

    @Override
    @Pattern(regexp = LONG + "|" + SHORT, message = "must be " + LONG + " or " + SHORT)
    public String getTaskType() {
        return super.getTaskType();
    }

    public Account getOwner() {
        return owner;
    }

    public void setOwner(Account owner) {
        this.owner = owner;
    }

    public Provider getProvider() {
        return provider;
    }

    public void setProvider(Provider provider) {
        this.provider = provider;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
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
