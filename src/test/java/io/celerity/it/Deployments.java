package io.celerity.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.util.Objects;

/**
 * Test WARs built the way users deploy Celerity: the library as a jar in WEB-INF/lib with its dependencies, the
 * application's classes and persistence unit beside it. The database is H2 (the server's default data source) or
 * PostgreSQL, chosen by the system property celerity.test.db.
 */
final class Deployments {

    private static final File TARGET = new File(System.getProperty("celerity.test.target", "target"));

    private Deployments() {
    }

    static boolean postgres() {
        return "postgresql".equals(System.getProperty("celerity.test.db", "h2"));
    }

    /**
     * Whether the server's own default data source is the database (WildFly prepared by production.cli), rather
     * than one the WAR declares (Payara on PostgreSQL).
     */
    static boolean serverDataSource() {
        return "server".equals(System.getProperty("celerity.test.datasource"));
    }

    static WebArchive war(String name, String persistenceClasses) {
        return war(name, persistenceClasses, "drop-and-create",
                System.getProperty("celerity.test.pg.url", "jdbc:postgresql://127.0.0.1:5432/test"));
    }

    /** A WAR whose tables are created if missing (several nodes share them) in the given PostgreSQL database. */
    static WebArchive sharedWar(String name, String persistenceClasses, String pgUrl) {
        return war(name, persistenceClasses, "create", pgUrl);
    }

    private static WebArchive war(String name, String persistenceClasses, String schemaAction, String pgUrl) {
        JavaArchive library = ShrinkWrap.create(JavaArchive.class, "celerity.jar")
                .merge(ShrinkWrap.create(ExplodedImporter.class).importDirectory(new File(TARGET, "classes"))
                        .as(JavaArchive.class));
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibrary(library)
                .addAsLibraries(Objects.requireNonNull(new File(TARGET, "war-lib").listFiles()))
                .addClasses(Eventually.class, TestTransactions.class, BrokerProbe.class, BrokerLogin.class, BrokerLogin.Action.class, io.celerity.internal.store.TaskRows.class)
                .addAsResource(new StringAsset(persistenceXml(persistenceClasses, schemaAction)), "META-INF/persistence.xml")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
        if (postgres() && !serverDataSource()) {
            war.addAsLibraries(new File(TARGET, "jdbc/postgresql.jar"));
            war.setWebXML(new StringAsset(webXmlWithPostgres(pgUrl)));
        }
        return war;
    }

    private static String persistenceXml(String classes, String schemaAction) {
        String dataSource = postgres() && !serverDataSource() ? "java:app/jdbc/celerity" : "java:comp/DefaultDataSource";
        return """
                <persistence xmlns="https://jakarta.ee/xml/ns/persistence" version="3.0">
                  <persistence-unit name="it" transaction-type="JTA">
                    <jta-data-source>%s</jta-data-source>
                    %s
                    <exclude-unlisted-classes>false</exclude-unlisted-classes>
                    <properties>
                      <property name="jakarta.persistence.schema-generation.database.action" value="%s"/>
                    </properties>
                  </persistence-unit>
                </persistence>
                """.formatted(dataSource, classes, schemaAction);
    }

    private static String webXmlWithPostgres(String pgUrl) {
        return """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <data-source>
                    <name>java:app/jdbc/celerity</name>
                    <class-name>org.postgresql.xa.PGXADataSource</class-name>
                    <url>%s</url>
                    <user>postgres</user>
                    <password>unused-with-trust-auth</password>
                    <transactional>true</transactional>
                    <max-pool-size>32</max-pool-size>
                  </data-source>
                </web-app>
                """.formatted(pgUrl);
    }
}
