// The console works without scripts; this only adds "copy to clipboard" to buttons that ask for it.
document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) {
        return;
    }
    event.preventDefault();
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (source && navigator.clipboard) {
        navigator.clipboard.writeText(source.textContent.trim()).then(function () {
            button.textContent = button.getAttribute("data-copied") || "Copied";
        });
    }
});
