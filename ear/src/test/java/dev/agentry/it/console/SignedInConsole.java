package dev.agentry.it.console;

import dev.agentry.it.harness.Browser;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One browser signed in as the console's administrator for a whole test class, closed after it: starting
 * Chromium and signing in costs seconds, so the tests of a class share them.
 */
final class SignedInConsole implements BeforeAllCallback, AfterAllCallback {

    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) {
        browser = new Browser();
        browser.signIn("admin", ConsoleIT.PASSWORD);
        browser.awaitText("Readiness");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
    }

    Browser browser() {
        return browser;
    }
}
