// Keeps a bulk job's page current without reloading it: polls the job's progress every second while anything is
// pending and updates the progress bar, the counts and each delivery's row. Without JavaScript the page refreshes
// itself (a <noscript> refresh) or by its "Refresh" link.
(function () {
  'use strict';
  var job = document.getElementById('job');
  if (!job || !window.fetch) {
    return;
  }
  var url = job.getAttribute('data-progress-url');

  function text(id, value) {
    var element = document.getElementById(id);
    if (element) {
      element.textContent = String(value);
    }
  }

  function updateRow(delivery) {
    var row = document.querySelector('#job-deliveries tr[data-delivery="' + delivery.number + '"]');
    if (!row) {
      return;
    }
    row.querySelector('.state').textContent = delivery.state;
    row.querySelector('.layers').textContent = delivery.layers || '';
    var entry = row.querySelector('.entry');
    if (delivery.entryId && !entry.querySelector('a')) {
      var link = document.createElement('a');
      link.id = 'entry-' + delivery.number;
      link.href = '/history/' + delivery.entryId;
      link.textContent = '#' + delivery.entryId;
      entry.appendChild(link);
    }
  }

  function show(progress) {
    var bar = document.getElementById('job-progress');
    bar.max = progress.total;
    bar.value = progress.total - progress.pending;
    bar.textContent = progress.percent + '%';
    text('job-percent', progress.percent + '%');
    text('job-status', progress.status);
    text('count-succeeded', progress.succeeded);
    text('count-failed', progress.failed);
    text('count-pending', progress.pending);
    text('count-cancelled', progress.cancelled);
    text('count-objects', progress.objectsBlocked);
    progress.deliveries.forEach(updateRow);
    var cancel = document.getElementById('cancel');
    if (cancel) {
      cancel.disabled = progress.status !== 'RUNNING';
    }
    var retry = document.getElementById('retry-failed');
    if (retry) {
      retry.disabled = progress.failed === 0;
    }
  }

  function poll() {
    fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) {
        if (!response.ok) {
          throw new Error('progress answered ' + response.status);
        }
        return response.json();
      })
      .then(function (progress) {
        show(progress);
        if (progress.status === 'RUNNING' || progress.pending > 0) {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () {
        text('job-status', 'not updated (refresh the page)');
        window.setTimeout(poll, 5000);
      });
  }

  poll();
}());
