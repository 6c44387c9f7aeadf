package dev.agentry.persistence.schema;

import javax.sql.DataSource;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;
import org.jboss.logging.Logger;

/**
 * Applies the schema migrations while Hibernate builds the persistence unit, before its schema
 * validation runs and before any bean can obtain an entity manager. This is what makes "migrate,
 * then validate" hold at every deployment without an ordering convention between beans.
 */
public class MigrateBeforeValidate implements Integrator {

    private static final Logger LOG = Logger.getLogger(MigrateBeforeValidate.class);

    @Override
    public void integrate(
            Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        DataSource dataSource = sessionFactory
                .getServiceRegistry()
                .getService(ConnectionProvider.class)
                .unwrap(DataSource.class);
        SchemaMigrations migrations = new SchemaMigrations(dataSource);
        int applied = migrations.migrate();
        MigrationStatus status = migrations.status();
        LOG.infof("Database schema at version %s (%d migrations applied now)", status.currentVersion(), applied);
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        // Flyway holds no connection between calls: nothing to release.
    }
}
