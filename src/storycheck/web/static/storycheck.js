/* storycheck: small progressive enhancements; every page works without this file. */
(function () {
  "use strict";

  // Matrix cells: show the outlet's exact words in the story's detail panel
  // (without script the cell link jumps to the same words further down).
  document.addEventListener("click", function (ev) {
    var link = ev.target && ev.target.closest ? ev.target.closest("a[data-cell]") : null;
    if (!link) { return; }
    var detail = document.getElementById(link.getAttribute("data-cell"));
    var section = link.closest("section.matrix");
    var panel = section ? section.querySelector(".detail-panel") : null;
    if (!detail || !panel) { return; }
    ev.preventDefault();
    var copy = detail.cloneNode(true);  // server-escaped markup, copied as nodes, never as HTML strings
    copy.removeAttribute("id");
    copy.classList.add("shown");
    panel.replaceChildren(copy);
    section.querySelectorAll("td.selected").forEach(function (td) { td.classList.remove("selected"); });
    link.parentNode.classList.add("selected");
  });

  // Job page: poll the job until it is done or failed, then go to the result.
  var job = document.querySelector("[data-job-url]");
  if (!job || !window.fetch) { return; }
  var statusEl = job.querySelector(".job-status");
  var reasonEl = job.querySelector(".job-reason");
  function poll() {
    fetch(job.getAttribute("data-job-url"), { headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        statusEl.textContent = data.status;
        job.setAttribute("data-status", data.status);
        if (data.reason) { reasonEl.textContent = data.reason; }
        if (data.status === "done" && data.links && data.links.page) {
          window.location.assign(data.links.page);
        } else if (data.status !== "failed" && data.status !== "done") {
          window.setTimeout(poll, 700);
        }
      })
      .catch(function () { window.setTimeout(poll, 2000); });
  }
  poll();
})();
