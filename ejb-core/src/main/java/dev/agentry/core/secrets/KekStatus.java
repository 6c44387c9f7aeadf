package dev.agentry.core.secrets;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where the key-encryption keys stand; ids and counts only, never key material.
 *
 * @param kekId the KEK new secrets are sealed under
 * @param source where the KEKs live
 * @param rowsByKek how many rows each KEK seals, by id
 * @param retired the ids of the retired KEKs the server still holds
 * @param clearRows rows still holding a secret in the clear (0 after the first start of this version)
 */
public record KekStatus(String kekId, String source, Map<String, Long> rowsByKek, Set<String> retired, long clearRows) {

    public KekStatus {
        rowsByKek = Collections.unmodifiableMap(new TreeMap<>(rowsByKek));
        retired = Collections.unmodifiableSet(new TreeSet<>(retired));
    }
}
