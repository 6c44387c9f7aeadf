package dev.agentry.it.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.client.ApiClient;
import dev.agentry.client.ApiException;
import dev.agentry.client.api.AuthApi;
import dev.agentry.client.api.CatalogApi;
import dev.agentry.client.api.ChangesApi;
import dev.agentry.client.model.ChangeItem;
import dev.agentry.client.model.ChangePage;
import dev.agentry.client.model.EntryPage;
import dev.agentry.client.model.TokenResponse;
import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.DemoData;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI contract is good enough for a generator: the build generates a Java client from the
 * committed {@code openapi.json} (openapi-generator, java/native), and that client, unchanged, obtains
 * a token, reads a collection and pages the changes feed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GeneratedClientIT {

    private static final int PAGE = 3;

    @Test
    void aGeneratedClientObtainsATokenReadsACollectionAndPagesTheChanges() throws ApiException {
        DemoData.await();
        JsonObject credential = Api.createCredential(
                "{\"name\":\"generated client\",\"owner\":\"it\",\"scopes\":[\"entries:read\",\"changes:read\"]}");
        ApiClient client = new ApiClient();
        client.updateBaseUri(Api.server().toString().replaceAll("/$", ""));

        TokenResponse token = new AuthApi(client)
                .authToken(
                        credential.getString("clientId"),
                        credential.getString("clientSecret"),
                        "client_credentials",
                        null);
        assertEquals("Bearer", token.getTokenType());
        // A Java long is an int64 in the contract, so the client reads it as a Long (an Integer would not compile).
        Long expiresIn = token.getExpiresIn();
        assertTrue(expiresIn > 0);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token.getAccessToken()));

        EntryPage entries = new CatalogApi(client).entriesList(null, null, null, PAGE, null, null);
        assertFalse(entries.getData().isEmpty(), "the demo catalog's entries");
        assertTrue(entries.getData().size() <= PAGE);
        assertNotNull(entries.getData().get(0).getUid());

        List<ChangePage> pages = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String cursor = null;
        ChangePage page;
        do {
            page = new ChangesApi(client).changesRead(cursor, PAGE, "entries");
            pages.add(page);
            for (ChangeItem change : page.getData()) {
                assertEquals("entries", change.getResourceType());
                assertTrue(cursors.add(change.getCursor()), "each change once: " + change.getCursor());
                Long version = change.getVersion();
                assertTrue(version >= 0, "a record version: " + version);
            }
            assertNotNull(page.getNextCursor(), "the feed always hands out the cursor to ask again with");
            cursor = page.getNextCursor();
        } while (page.getHasMore() && pages.size() < 4);

        assertTrue(pages.size() >= 2, "paged: " + pages.size());
        assertEquals(PAGE, pages.get(0).getData().size());
    }
}
