package dev.agentry.it.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven through its own chromedriver (nothing is downloaded), with the
 * console's URLs and screenshots written under the build's target directory.
 */
public final class Browser implements AutoCloseable {

    /** How long a page may take to load on a busy machine. */
    private static final Duration LOAD = Duration.ofSeconds(20);

    private final ChromeDriver driver;

    public Browser() {
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--window-size=1280,1400");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a console path, e.g. {@code credentials.xhtml}. */
    public void open(String path) {
        driver.get(Api.server().resolve("admin/" + path).toString());
    }

    public void signIn(String username, String password) {
        open("login.xhtml");
        type("login:username", username);
        type("login:password", password);
        click("login:signIn");
    }

    public void type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Clicks a console button or link and waits for the page it loads. Every one of them posts a form
     * or follows a link, and the click returns before the next page is there: whatever is looked up
     * next would otherwise be found on the old page, which then goes stale under it.
     */
    public void click(String id) {
        WebDriverWait wait = new WebDriverWait(driver, LOAD);
        wait.until(loaded -> "complete".equals(driver.executeScript("return document.readyState")));
        WebElement current = driver.findElement(By.tagName("html"));
        // Chrome can swap the document between finding the button and clicking it (a late navigation of
        // the page before): the click then fails before it is sent, and is safe to repeat on the page
        // that is there now.
        wait.until(clicked -> {
            try {
                driver.findElement(By.id(id)).click();
                return true;
            } catch (WebDriverException e) {
                if (detached(e)) {
                    return false;
                }
                throw e;
            }
        });
        awaitNext(current, wait);
    }

    /** Waits until the page {@code current} belonged to is gone and the next one is loaded. */
    private void awaitNext(WebElement current, WebDriverWait wait) {
        wait.until(gone -> {
            try {
                current.isEnabled();
                return false;
            } catch (WebDriverException e) {
                if (detached(e)) {
                    return true;
                }
                throw e;
            }
        });
        wait.until(loaded -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    /**
     * Whether an element belonged to a page that is gone. Chrome says so either as a stale element or,
     * racing the navigation, as an inspector error that the node "does not belong to the document".
     */
    private static boolean detached(WebDriverException e) {
        return e instanceof StaleElementReferenceException
                || (e.getMessage() != null && e.getMessage().contains("does not belong to the document"));
    }

    /**
     * Asserts that the page shown is the answer to a post by a redirect (Post/Redirect/Get): the browser
     * followed a redirect to get it, and its address holds each of {@code expected} (a page, a parameter),
     * which only that redirect names, where the post itself went to the bare page. A reload then repeats
     * the GET, not the action.
     */
    public void assertRedirectedAfterPost(String... expected) {
        Object redirects = driver.executeScript("return performance.getEntriesByType('navigation')[0].redirectCount");
        String url = driver.getCurrentUrl();
        if (!(redirects instanceof Number count) || count.intValue() < 1) {
            throw new AssertionError("no redirect after the post (Post/Redirect/Get) to " + url);
        }
        for (String part : expected) {
            if (!url.contains(part)) {
                throw new AssertionError("redirected to " + url + ", expected an address with " + part);
            }
        }
    }

    /** Reloads the page and waits until it is there again. */
    public void reload() {
        WebElement current = driver.findElement(By.tagName("html"));
        driver.navigate().refresh();
        awaitNext(current, new WebDriverWait(driver, LOAD));
    }

    public String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    public String page() {
        return driver.getPageSource();
    }

    public void awaitText(String text) {
        new WebDriverWait(driver, LOAD)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), text));
    }

    /** Saves a screenshot as {@code target/screenshots/<name>.png}. */
    public void screenshot(String name) {
        try {
            Path directory =
                    Files.createDirectories(Path.of(System.getProperty("it.screenshots", "target/screenshots")));
            Files.copy(
                    driver.getScreenshotAs(OutputType.FILE).toPath(),
                    directory.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String cookie(String name) {
        return driver.manage().getCookieNamed(name).getValue();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
