package dev.agentry.core.control;

import dev.agentry.persistence.catalog.CatalogItem;
import java.util.Map;

/**
 * What an action did to one record: the record as the API showed it before (null for a create) and
 * after (null for a delete).
 */
public record ActionEffect(String targetId, Map<String, Object> before, Map<String, Object> after) {

    public static ActionEffect created(CatalogItem item) {
        return new ActionEffect(item.getUid(), null, item.snapshot());
    }

    public static ActionEffect updated(Map<String, Object> before, CatalogItem item) {
        return new ActionEffect(item.getUid(), before, item.snapshot());
    }

    public static ActionEffect deleted(Map<String, Object> before, CatalogItem item) {
        return new ActionEffect(item.getUid(), before, null);
    }
}
