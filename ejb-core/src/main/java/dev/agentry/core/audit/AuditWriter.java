package dev.agentry.core.audit;

import dev.agentry.persistence.audit.AuditRecord;
import dev.agentry.persistence.schema.AgentryDatabase;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Writes a batch of buffered call records in one transaction of its own. */
@Stateless
public class AuditWriter {

    @PersistenceContext(unitName = AgentryDatabase.PERSISTENCE_UNIT)
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void write(List<AuditRecord> records) {
        records.forEach(em::persist);
    }
}
