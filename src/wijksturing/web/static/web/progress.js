// Polls the status of a running import or recomputation and reloads when it has finished.
(function () {
  const job = document.getElementById("job");
  if (!job || job.dataset.status !== "running") return;
  const bar = document.getElementById("job-progress");
  const poll = () => fetch(job.dataset.statusUrl, { credentials: "same-origin" })
    .then((r) => r.json())
    .then((s) => {
      bar.value = s.progress;
      if (s.status !== "running") window.location.reload();
      else setTimeout(poll, 1000);
    })
    .catch(() => setTimeout(poll, 3000));
  setTimeout(poll, 500);
})();
