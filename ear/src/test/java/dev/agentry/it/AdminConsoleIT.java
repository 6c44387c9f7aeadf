package dev.agentry.it;

import static dev.agentry.it.harness.Api.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminConsoleIT {

    @Test
    void theConsoleRootIsAPageRenderedByFaces() {
        HttpResponse<String> response = get("admin/");

        assertEquals(200, response.statusCode());
        assertTrue(Api.contentType(response).startsWith("text/html"), Api.contentType(response));
        // The heading comes from the message bundle through EL: only a Faces render produces it.
        assertTrue(response.body().contains("<h1>Agentry console</h1>"), response.body());
        assertFalse(response.body().contains("#{"), "no unrendered expressions");
    }

    @Test
    void facesSourcesAreNotServedRaw() {
        HttpResponse<String> response = get("admin/index.xhtml");

        assertEquals(200, response.statusCode());
        assertFalse(response.body().contains("xmlns:h="), "the Facelets source is rendered, not served");
    }
}
