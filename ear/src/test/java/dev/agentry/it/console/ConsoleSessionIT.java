package dev.agentry.it.console;

import static dev.agentry.it.harness.Api.asBootstrap;
import static dev.agentry.it.harness.Api.bearer;
import static dev.agentry.it.harness.Api.createCredential;
import static dev.agentry.it.harness.Api.get;
import static dev.agentry.it.harness.Api.json;
import static dev.agentry.it.harness.Api.tokenFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Eventually;
import dev.agentry.it.harness.Pages;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's session and cross-site defences as the wire shows them, without a browser: the raw
 * {@code Set-Cookie} of the session cookie, a new session id at sign-in (session fixation), and the
 * refusal, with its audit record, of state-changing requests from an opaque ({@code null}) origin.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleSessionIT {

    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxBeforeAndAfterSignIn() {
        HttpResponse<String> login = get("admin/login.xhtml");
        assertEquals(200, login.statusCode());
        String anonymous =
                sessionCookie(login).orElseThrow(() -> new AssertionError("the login page starts a session"));
        assertCookieAttributes(anonymous);
        assertFalse(attributes(anonymous).contains("secure"), "over plain HTTP the cookie cannot be Secure");

        HttpResponse<String> signedIn = signIn(login, "admin", ConsoleIT.PASSWORD);
        assertCookieAttributes(
                sessionCookie(signedIn).orElseThrow(() -> new AssertionError("sign-in hands out a new session id")));

        // The session Jakarta Security starts to remember where an anonymous request was going.
        HttpResponse<String> redirected = get("admin/credentials.xhtml");
        assertEquals(302, redirected.statusCode());
        assertCookieAttributes(sessionCookie(redirected)
                .orElseThrow(() -> new AssertionError("the redirect to the login page starts a session")));
    }

    @Test
    void overHttpsTheSessionCookieIsAlsoSecure() throws Exception {
        URI https = URI.create("https://localhost:" + (8443 + Integer.getInteger("it.port-offset", 100)) + "/");
        HttpClient client = HttpClient.newBuilder()
                .sslContext(trustingTheServersOwnCertificate())
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<String> login = client.send(
                HttpRequest.newBuilder(https.resolve("admin/login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode());
        String cookie = sessionCookie(login).orElseThrow();
        assertCookieAttributes(cookie);
        assertTrue(attributes(cookie).contains("secure"), cookie);
    }

    @Test
    void aPasswordHashAnEarlierVersionStoredStillSignsInAndIsReplacedByThePlatformsHash() {
        // "correct horse battery staple" as the hand-written PBKDF2 stored it before Pbkdf2PasswordHash.
        String earlier = "pbkdf2-sha256$210000$CvWVjSfbxY3gXVBTzkj9/g==$BjhACDQ54hVTb8ApHY2Glnl8uZWsLj/itNQQEJGTY1s=";
        String name = "earlier-" + UUID.randomUUID().toString().substring(0, 8);
        String probe = "api/v1/_probe/admins/stored-hash?username=" + name;
        HttpResponse<String> stored =
                Api.send("POST", probe, BodyPublishers.ofString(earlier), "Content-Type", "text/plain");
        assertEquals(204, stored.statusCode(), stored.body());
        assertEquals("pbkdf2-sha256 210000", get(probe).body());

        HttpResponse<String> signedIn = signIn(get("admin/login.xhtml"), name, "correct horse battery staple");

        assertEquals(302, signedIn.statusCode(), "signed in and sent on");
        assertFalse(signedIn.headers().firstValue("Location").orElseThrow().contains("login.xhtml"));
        assertEquals("PBKDF2WithHmacSHA256 210000", get(probe).body(), "rehashed by the platform at sign-in");
    }

    @Test
    void signingInGivesANewSessionIdAndThePreLoginIdNoLongerAuthenticates() {
        HttpResponse<String> login = get("admin/login.xhtml");
        String before = idOf(sessionCookie(login).orElseThrow());

        HttpResponse<String> signedIn = signIn(login, "admin", ConsoleIT.PASSWORD);
        assertEquals(302, signedIn.statusCode(), "signed in and sent on");
        String after = idOf(sessionCookie(signedIn).orElseThrow(() -> new AssertionError("no new session id")));
        assertNotEquals(before, after, "the session id changes at sign-in");

        HttpResponse<String> withOld = get("admin/index.xhtml", "Cookie", "JSESSIONID=" + before);
        assertEquals(302, withOld.statusCode(), "the pre-login id is not signed in");
        assertTrue(withOld.headers().firstValue("Location").orElseThrow().contains("/admin/login.xhtml"));
        HttpResponse<String> withNew = get("admin/index.xhtml", "Cookie", "JSESSIONID=" + after);
        assertEquals(200, withNew.statusCode(), "the new id is");
        assertTrue(withNew.body().contains("Readiness"));
    }

    @Test
    void aPostFromAnOpaqueOriginIsRefusedAndAuditedForAnAnonymousCaller() {
        HttpResponse<String> login = get("admin/login.xhtml");
        HttpResponse<String> refused = Api.send(
                "POST",
                "admin/login.xhtml",
                BodyPublishers.ofString(loginForm(login, "admin", ConsoleIT.PASSWORD)),
                "Cookie",
                "JSESSIONID=" + idOf(sessionCookie(login).orElseThrow()),
                "Origin",
                "null",
                "Content-Type",
                FORM);
        assertEquals(403, refused.statusCode());
        assertTrue(sessionCookie(refused).isEmpty(), "nobody was signed in");
        JsonObject record = auditRecordOf(refused);
        assertEquals("anonymous", record.getString("actorKind"));
        assertEquals("POST /admin/login.xhtml", record.getString("action"));
    }

    @Test
    void aPostFromAnOpaqueOriginWithTheAdminsSessionChangesNothingAndIsAudited() {
        String id = createCredential("{\"name\":\"opaque-origin-target\",\"owner\":\"it\"}")
                .getString("id");
        String cookie = "JSESSIONID="
                + idOf(sessionCookie(signIn(get("admin/login.xhtml"), "admin", ConsoleIT.PASSWORD))
                        .orElseThrow());
        String page = "admin/credential.xhtml?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        HttpResponse<String> detail = get(page, "Cookie", cookie);
        assertEquals(200, detail.statusCode());
        String pause = "actions=actions&actions%3Apause=Pause&jakarta.faces.ViewState=" + encoded(viewState(detail));

        HttpResponse<String> refused = Api.send(
                "POST", page, BodyPublishers.ofString(pause), "Cookie", cookie, "Origin", "null", "Content-Type", FORM);
        assertEquals(403, refused.statusCode());
        assertEquals(
                "active", json(get("api/v1/credentials/" + id, asBootstrap())).getString("status"));
        JsonObject record = auditRecordOf(refused);
        assertEquals("admin", record.getString("actorKind"));
        assertEquals("admin", record.getString("actorId"));
        assertEquals("POST /admin/credential.xhtml", record.getString("action"));

        // The control: the same post from the console's own origin does pause it.
        String origin = Api.server().getScheme() + "://" + Api.server().getAuthority();
        HttpResponse<String> genuine = Api.send(
                "POST", page, BodyPublishers.ofString(pause), "Cookie", cookie, "Origin", origin, "Content-Type", FORM);
        assertTrue(genuine.statusCode() < 400, "the console's own post: " + genuine.statusCode());
        assertEquals(
                "paused", json(get("api/v1/credentials/" + id, asBootstrap())).getString("status"));
    }

    /**
     * The denied {@code cross_site_request} record written for a refused response, found by its request
     * id, as a credential holding only {@code audit:read} reads it.
     */
    private static JsonObject auditRecordOf(HttpResponse<String> refused) {
        String requestId = refused.headers()
                .firstValue("X-Request-Id")
                .orElseThrow(() -> new AssertionError("the refusal names its request id"));
        String[] auditor = bearer(tokenFor(
                createCredential("{\"name\":\"console-auditor\",\"owner\":\"it\",\"scopes\":[\"audit:read\"]}")));
        JsonObject record = Eventually.await(
                        "the refusal's audit record",
                        Duration.ofSeconds(15),
                        () -> Pages.walk("api/v1/audit?outcome=denied&action=%2Fadmin%2F&limit=500", auditor).stream()
                                .filter(r -> requestId.equals(r.getString("requestId", null)))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertEquals("denied", record.getString("outcome"));
        assertEquals("cross_site_request", record.getString("errorCode"));
        return record;
    }

    /** Posts the login form of a login page's response, in that response's session. */
    private static HttpResponse<String> signIn(HttpResponse<String> loginPage, String username, String password) {
        return Api.send(
                "POST",
                "admin/login.xhtml",
                BodyPublishers.ofString(loginForm(loginPage, username, password)),
                "Cookie",
                "JSESSIONID=" + idOf(sessionCookie(loginPage).orElseThrow()),
                "Content-Type",
                FORM);
    }

    private static String loginForm(HttpResponse<String> loginPage, String username, String password) {
        return "login=login&login%3Ausername=" + encoded(username) + "&login%3Apassword=" + encoded(password)
                + "&login%3AsignIn=Sign+in&jakarta.faces.ViewState=" + encoded(viewState(loginPage));
    }

    private static String viewState(HttpResponse<String> page) {
        Matcher matcher = VIEW_STATE.matcher(page.body());
        assertTrue(matcher.find(), "the page has a form with its view state");
        return matcher.group(1).replace("&#58;", ":");
    }

    /** The raw {@code Set-Cookie} value of the session cookie, if the response sets one. */
    private static Optional<String> sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst();
    }

    private static String idOf(String setCookie) {
        return setCookie.substring("JSESSIONID=".length(), setCookie.indexOf(';'));
    }

    /** The cookie's attributes, lower case, e.g. {@code httponly}, {@code samesite=lax}, {@code path=/admin}. */
    private static List<String> attributes(String setCookie) {
        return Pattern.compile(";")
                .splitAsStream(setCookie)
                .skip(1)
                .map(a -> a.strip().toLowerCase(Locale.ROOT))
                .toList();
    }

    /** What the README promises of the session cookie: script cannot read it, other sites' posts do not carry it. */
    private static void assertCookieAttributes(String setCookie) {
        List<String> attributes = attributes(setCookie);
        assertTrue(attributes.contains("httponly"), setCookie);
        assertTrue(attributes.contains("samesite=lax"), setCookie);
        assertTrue(attributes.contains("path=/admin"), setCookie);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The test server's HTTPS listener uses WildFly's generated self-signed certificate. */
    private static SSLContext trustingTheServersOwnCertificate() throws GeneralSecurityException {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll}, null);
        return context;
    }
}
