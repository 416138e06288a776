package ${package};

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What tasks are about: they are listed per provider. */
@Entity
@Table(name = "app_provider")
public class Provider {

    @Id
    @GeneratedValue
    private Long id;

    private String title;

    public Provider() {
    }

    public Provider(String title) {
        this.title = title;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }
}
