package dev.agentry.it.harness;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A console page as its users meet it: the axe-core engine (npm, {@code src/test/axe}) run in the page
 * against the WCAG 2.1 A and AA rules, failing on any serious or critical violation; at 1280 px (a
 * desktop) and at 390 px (a phone) no wider than the screen; screenshots at both widths. The engine is injected by the test
 * driver: the console's Content-Security-Policy rightly refuses scripts the page does not serve itself.
 * The phone pass runs in the dark colour scheme, so both schemes are checked.
 */
public final class Accessibility {

    /** A phone's width in CSS pixels, and a desktop's. */
    public static final int PHONE = 390;

    public static final int DESKTOP = 1280;

    private static final List<String> RULES = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private static String engine;

    private Accessibility() {}

    /**
     * What is wrong with the page the browser shows now, as {@code name}: serious or critical axe
     * violations at desktop width, then at phone width, and a page wider than the screen at either. Leaves
     * the browser at desktop width again. Empty when the page passes.
     */
    public static List<String> problems(Browser browser, String name) {
        ChromeDriver driver = browser.driver();
        List<String> problems = new ArrayList<>();
        try {
            violations(driver, name + " at " + DESKTOP + " px").ifPresent(problems::add);
            overflow(driver, name).ifPresent(problems::add);
            browser.screenshot(name + "-desktop");
            resize(driver, PHONE);
            violations(driver, name + " at " + PHONE + " px, dark").ifPresent(problems::add);
            overflow(driver, name).ifPresent(problems::add);
            browser.screenshot(name + "-phone-dark");
        } finally {
            resize(driver, DESKTOP);
        }
        return problems;
    }

    /** Whether the page is wider than the screen it is shown on (it then scrolls sideways as a whole). */
    private static Optional<String> overflow(ChromeDriver driver, String name) {
        Number page = (Number) driver.executeScript("return document.documentElement.scrollWidth");
        Number screen = (Number) driver.executeScript("return document.documentElement.clientWidth");
        return page.intValue() > screen.intValue()
                ? Optional.of(name + " is " + page + " px wide on a " + screen + " px screen; sticking out: "
                        + widest(driver))
                : Optional.empty();
    }

    /** The serious and critical violations axe finds in the page, as readable lines, if any. */
    private static Optional<String> violations(ChromeDriver driver, String what) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object'"))) {
            driver.executeScript(engine());
        }
        Object answer = driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
                        + ".then(function (r) { done(JSON.stringify(r.violations.filter(function (v) {"
                        + "  return v.impact === 'serious' || v.impact === 'critical'; }).map(function (v) {"
                        + "  return {rule: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map("
                        + "    function (n) { return n.target.join(' ') + ': ' + (n.failureSummary || ''); })}; })));"
                        + "}, function (e) { done('{\"error\": \"' + String(e).replace(/\"/g, \"'\") + '\"}'); });",
                RULES);
        JsonStructure result = Api.structure(String.valueOf(answer));
        if (!(result instanceof JsonArray violations)) {
            return Optional.of(what + ": axe did not run: " + answer);
        }
        return violations.isEmpty()
                ? Optional.empty()
                : Optional.of(what + ": serious or critical accessibility violations:" + lines(violations));
    }

    private static String lines(JsonArray violations) {
        StringBuilder text = new StringBuilder();
        for (JsonObject v : violations.getValuesAs(JsonObject.class)) {
            text.append("\n  ")
                    .append(v.getString("impact"))
                    .append(' ')
                    .append(v.getString("rule"))
                    .append(" (")
                    .append(v.getString("help"))
                    .append(')');
            v.getJsonArray("nodes")
                    .getValuesAs(jakarta.json.JsonString.class)
                    .forEach(n -> text.append("\n    ").append(n.getString().replace('\n', ' ')));
        }
        return text.toString();
    }

    /** The elements that stick out beyond the screen's right edge, to say what to fix. */
    private static Object widest(ChromeDriver driver) {
        return driver.executeScript("var w = document.documentElement.clientWidth, out = [];"
                + "document.querySelectorAll('body *').forEach(function (e) {"
                + "  var r = e.getBoundingClientRect();"
                + "  if (r.right > w + 1 && out.length < 8) { out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                + "    + (e.className && e.className.baseVal === undefined ? '.' + e.className : '') + ' ' + Math.round(r.right)); }"
                + "}); return out.join(', ');");
    }

    /**
     * Sets the viewport to {@code width} CSS pixels by Chrome's device emulation (exact, unlike a window
     * size). The phone pass also prefers the dark colour scheme, so both schemes meet the contrast rules.
     */
    private static void resize(ChromeDriver driver, int width) {
        if (width == DESKTOP) {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        } else {
            driver.executeCdpCommand(
                    "Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
            driver.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", 844, "deviceScaleFactor", 1, "mobile", false));
        }
    }

    private static synchronized String engine() {
        if (engine == null) {
            Path file = Path.of(System.getProperty("it.axe", "target/axe"), "node_modules", "axe-core", "axe.min.js");
            try {
                engine = Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core is installed by the build's npm ci into " + file, e);
            }
        }
        return engine;
    }
}
