// The console works without scripts; this only adds conveniences: "copy to clipboard" on buttons that
// ask for it, focus on the error summary when a form comes back with errors (and from its links to the
// fields), focus on what an action reported once its Post/Redirect/Get has landed (or back on the control
// that posted when it reported nothing), and times in the reader's own time zone (exact UTC on hover).

// The control that posted, remembered across the redirect that answers the post: the page that the redirect
// shows is a new document, so without this the reader would start again at the top of it.
var POSTED = "agentry.posted";

document.addEventListener("submit", function (event) {
    var control = event.submitter;
    if (event.target.method.toLowerCase() !== "post") {
        return;
    }
    try {
        sessionStorage.setItem(POSTED, JSON.stringify({id: control && control.id ? control.id : null, at: Date.now()}));
    } catch (ignored) {
        // Storage refused (private mode): focus then stays where the browser puts it.
    }
});

function takePosted() {
    try {
        var posted = JSON.parse(sessionStorage.getItem(POSTED) || "null");
        sessionStorage.removeItem(POSTED);
        // Only the answer to a post made a moment ago: not a page reached later by a link or a reload.
        return posted && Date.now() - posted.at < 60000 ? posted : null;
    } catch (ignored) {
        return null;
    }
}
document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (button) {
        event.preventDefault();
        var source = document.getElementById(button.getAttribute("data-copy"));
        if (source && navigator.clipboard) {
            navigator.clipboard.writeText(source.textContent.trim()).then(function () {
                button.textContent = button.getAttribute("data-copied") || "Copied";
            });
        }
        return;
    }
    var link = event.target.closest("a[data-field]");
    if (link) {
        var field = document.getElementById(link.getAttribute("data-field"));
        if (field) {
            event.preventDefault();
            field.scrollIntoView({block: "center"});
            field.focus();
        }
    }
});

document.addEventListener("DOMContentLoaded", function () {
    // Where the reader should be after a postback: the errors, else what the page asks for (a confirmation),
    // else what the action reported (read out by the live region too), else the control that posted.
    var posted = takePosted();
    var target = document.getElementById("errorSummary") || document.querySelector("[data-autofocus]");
    if (!target && posted) {
        var report = document.querySelector("#live .messages");
        if (report && report.textContent.trim()) {
            report.setAttribute("tabindex", "-1");
            target = report;
        } else if (posted.id) {
            target = document.getElementById(posted.id);
        }
    }
    if (target) {
        target.focus();
    }
    var local = new Intl.DateTimeFormat(undefined, {dateStyle: "medium", timeStyle: "medium"});
    var relative = window.Intl && Intl.RelativeTimeFormat ? new Intl.RelativeTimeFormat(undefined, {numeric: "auto"}) : null;
    document.querySelectorAll("time[datetime]").forEach(function (element) {
        var at = new Date(element.getAttribute("datetime"));
        if (isNaN(at.getTime())) {
            return;
        }
        element.title = element.getAttribute("datetime") + " (UTC)";
        element.textContent = local.format(at) + (relative ? " · " + ago(at) : "");
    });

    function ago(at) {
        var seconds = (at.getTime() - Date.now()) / 1000;
        var units = [["year", 31536000], ["month", 2592000], ["day", 86400], ["hour", 3600], ["minute", 60]];
        for (var i = 0; i < units.length; i++) {
            if (Math.abs(seconds) >= units[i][1]) {
                return relative.format(Math.round(seconds / units[i][1]), units[i][0]);
            }
        }
        return relative.format(Math.round(seconds), "second");
    }
});

// The run page of a run still going: its events arrive live from the console's own stream
// (/admin/run-events/<run>, signed-in session, same origin) and are added to the timeline; the status
// badge and outcome follow the status events. The stream ends after the terminal event.
document.addEventListener("DOMContentLoaded", function () {
    var timeline = document.getElementById("timeline");
    var stream = timeline && timeline.getAttribute("data-run-events");
    if (!stream || !window.EventSource) {
        return;
    }
    var source = new EventSource(stream + "?after=" + encodeURIComponent(timeline.getAttribute("data-after") || "0"));
    source.onmessage = function (message) {
        var event = JSON.parse(message.data);
        var item = document.createElement("li");
        var at = document.createElement("time");
        at.setAttribute("datetime", event.at);
        at.textContent = event.at;
        var type = document.createElement("strong");
        type.textContent = event.type;
        var detail = document.createElement("span");
        detail.className = "muted wrap";
        detail.textContent = Object.keys(event.data).map(function (name) {
            var value = event.data[name];
            return name + ": " + (typeof value === "string" ? value : JSON.stringify(value));
        }).join(" · ");
        item.append(at, " ", type, " ", detail);
        timeline.appendChild(item);
        if (event.type === "status" && event.data.status) {
            var status = document.getElementById("status");
            if (status) {
                status.textContent = event.data.status;
                status.className = "badge " + event.data.status;
            }
            var outcome = document.getElementById("outcome");
            if (outcome && event.data.outcome) {
                outcome.textContent = event.data.outcome;
            }
        }
        if (event.terminal) {
            source.close();
        }
    };
});
