package dev.agentry.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentry.it.harness.Api;
import dev.agentry.it.harness.Browser;
import dev.agentry.it.harness.Runs;
import dev.agentry.it.jobs.Jobs;
import dev.agentry.it.probe.ProbeJobs;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console's batch jobs page in the browser: jobs with their schedules, starting one now, a failed
 * execution with its steps and redacted failure, restarting it, stopping a running one, and the failed jobs
 * on the dashboard. Stop and Restart show only where the jobs service would accept them. Each action answers
 * with a redirect to the execution it concerns (Post/Redirect/Get): a reload never starts, stops or restarts
 * again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConsoleJobsIT {

    /** What the failing probe job's message holds, which the page must never show. */
    private static final String TOKEN_IN_FAILURE = "agy_abcdefghijklmnopqrstuvwxyz0123";

    @RegisterExtension
    static final SignedInConsole CONSOLE = new SignedInConsole();

    private final Browser browser = CONSOLE.browser();

    @Test
    void aJobStartedFromThePageFailsShowsItsStepsAndIsRestarted() {
        browser.open("jobs.xhtml");
        browser.awaitText(ProbeJobs.FAIL);
        String jobs = browser.text("jobs:list");
        assertTrue(jobs.contains("credential-reminders") && jobs.contains("*/2 * * * * ?"), jobs);
        browser.screenshot("jobs");

        browser.click(buttonInRow(ProbeJobs.FAIL, "start"));
        browser.awaitText("Started " + ProbeJobs.FAIL + " as execution");
        long failed = Jobs.id(Jobs.executions("job=" + ProbeJobs.FAIL).get(0));
        browser.assertRedirectedAfterPost("execution=" + failed);
        // A reload shows the execution started; it does not start another one.
        browser.reload();
        browser.awaitText(String.valueOf(failed));
        assertFalse(browser.page().contains("Started " + ProbeJobs.FAIL), "reported once");
        assertEquals(failed, Jobs.id(Jobs.executions("job=" + ProbeJobs.FAIL).get(0)), "no second start");
        Jobs.awaitStatus(failed, Set.of("FAILED"));

        browser.open("jobs.xhtml?job=" + ProbeJobs.FAIL + "&execution=" + failed);
        browser.awaitText("probe failure");
        assertTrue(browser.text("steps").contains("work"), browser.text("steps"));
        assertFalse(browser.page().contains(TOKEN_IN_FAILURE), "the failure is redacted");
        browser.screenshot("job-execution");

        browser.click(buttonInRow(String.valueOf(failed), "restart"));
        browser.awaitText("Restarted " + ProbeJobs.FAIL + " as execution");
        List<JsonObject> executions = Jobs.executions("job=" + ProbeJobs.FAIL);
        long restarted = Jobs.id(executions.get(0));
        assertTrue(restarted > failed, executions.toString());
        browser.assertRedirectedAfterPost("job=" + ProbeJobs.FAIL, "execution=" + restarted);
        browser.reload();
        browser.awaitText(String.valueOf(restarted));
        assertEquals(restarted, Jobs.id(Jobs.executions("job=" + ProbeJobs.FAIL).get(0)), "no second restart");

        browser.open("index.xhtml");
        browser.awaitText("Jobs whose last execution failed");
        long failedJobs = Long.parseLong(browser.driver()
                .findElement(By.cssSelector("#jobs .figure"))
                .getText()
                .strip());
        assertTrue(failedJobs >= 1, "the failed probe job counts");
    }

    @Test
    void aRunningExecutionIsStoppedFromThePage() {
        long running = Jobs.start(ProbeJobs.SLOW, "{\"parameters\":{\"millis\":\"60000\"}}");
        Jobs.awaitStatus(running, Set.of("STARTED"));

        browser.open("jobs.xhtml?job=" + ProbeJobs.SLOW);
        browser.awaitText(String.valueOf(running));
        browser.click(buttonInRow(String.valueOf(running), "stop"));
        browser.awaitText("Asked execution " + running);
        browser.assertRedirectedAfterPost("job=" + ProbeJobs.SLOW, "execution=" + running);
        // A reload shows the execution again; it does not ask it to stop a second time (which, stopped, would
        // be refused).
        browser.reload();
        browser.awaitText(String.valueOf(running));
        assertFalse(browser.page().contains("Asked execution"), "reported once");
        assertTrue(
                browser.driver()
                        .findElements(By.cssSelector("#messages .error"))
                        .isEmpty(),
                "nothing refused");

        assertEquals(
                "STOPPED",
                Jobs.awaitStatus(running, Jobs.FINISHED)
                        .getJsonObject("execution")
                        .getString("status"));
    }

    @Test
    void aRestartIsOfferedOnlyWhenNoOtherExecutionOfTheJobRuns() {
        long stopped = Jobs.start(ProbeJobs.SLOW, "{\"parameters\":{\"millis\":\"60000\"}}");
        Jobs.awaitStatus(stopped, Set.of("STARTED"));
        Api.send("POST", "api/v1/jobs/executions/" + stopped + "/stop", BodyPublishers.noBody(), Api.asBootstrap());
        Jobs.awaitStatus(stopped, Jobs.FINISHED);
        long running = Jobs.start(ProbeJobs.SLOW, "{\"parameters\":{\"millis\":\"60000\"}}");
        Jobs.awaitStatus(running, Set.of("STARTED"));

        browser.open("jobs.xhtml?job=" + ProbeJobs.SLOW);
        browser.awaitText(String.valueOf(running));
        assertEquals(List.of(), buttonsInRow(String.valueOf(stopped), "restart"), "one runs at a time");
        assertEquals(1, buttonsInRow(String.valueOf(running), "stop").size());

        browser.click(buttonInRow(String.valueOf(running), "stop"));
        browser.awaitText("Asked execution " + running);
        Jobs.awaitStatus(running, Jobs.FINISHED);
        browser.open("jobs.xhtml?job=" + ProbeJobs.SLOW);
        browser.awaitText(String.valueOf(running));
        assertEquals(1, buttonsInRow(String.valueOf(stopped), "restart").size(), "idle again: restartable");
    }

    @Test
    void anAgentTaskRunOffersNeitherStopNorRestart() {
        String run = Runs.start(
                        Runs.task("demo", "[]", "[]", "[{\"text\":\"thinking\",\"delayMs\":30000},{\"final\":\"x\"}]"))
                .getString("id");
        Runs.awaitStatus(run, "running");
        long execution =
                Jobs.id(Jobs.executions("job=agent-task-run&status=STARTED").get(0));

        browser.open("jobs.xhtml?job=agent-task-run");
        browser.awaitText(String.valueOf(execution));
        assertEquals(List.of(), buttonsInRow(String.valueOf(execution), "stop"), "a run is cancelled, not stopped");
        assertEquals(List.of(), buttonsInRow(String.valueOf(execution), "restart"));

        Api.send("POST", "api/v1/runs/" + run + "/cancel", BodyPublishers.noBody(), Runs.runner());
        Runs.awaitEnd(run);
    }

    /** The buttons named {@code button} in the table row whose first cell reads {@code first}. */
    private List<WebElement> buttonsInRow(String first, String button) {
        return browser.driver()
                .findElements(By.xpath(
                        "//tr[td[1][normalize-space(.)='" + first + "']]//input[contains(@id,':" + button + "')]"));
    }

    /** The id of the button named {@code button} in the table row whose first cell reads {@code first}. */
    private String buttonInRow(String first, String button) {
        return browser.driver()
                .findElement(By.xpath(
                        "//tr[td[1][normalize-space(.)='" + first + "']]//input[contains(@id,':" + button + "')]"))
                .getAttribute("id");
    }
}
