// The Data Encryption Keys settings page, through rekey's HTTP API: lists keys, rotates, starts a background
// re-encryption and follows its progress, verifies every record, destroys an unused inactive key, and shows
// the latest audit entries where the server has them. No framework and no build step; every value from the
// server is written with textContent, never as HTML.
'use strict';

(function () {
  const TOKEN_KEY = 'rekey.apiToken';
  const KEYS_PATH = '/rest/encryption/keys';
  const JOB_PATH = '/rest/encryption/reencryption';
  const STATUS_PATH = '/rest/encryption/status';
  const AUDIT_PATH = '/rest/audit';
  const VERIFY_KEY = 'rekey.lastVerify';
  const JOB_POLL_MS = 750;
  const AUDIT_ENTRIES = 10;

  const el = (id) => document.getElementById(id);
  const ui = {
    tokenForm: el('token-form'),
    tokenInput: el('token-input'),
    tokenConnected: el('token-connected'),
    tokenForget: el('token-forget'),
    message: el('message'),
    keysPanel: el('keys-panel'),
    keysBody: el('keys-body'),
    keysEmpty: el('keys-empty'),
    keysSummary: el('keys-summary'),
    filterForm: el('filter-form'),
    filterClear: el('filter-clear'),
    sort: el('sort-select'),
    from: el('from-input'),
    to: el('to-input'),
    rotateButton: el('rotate-button'),
    rotateDialog: el('rotate-dialog'),
    reencryptButton: el('reencrypt-button'),
    reencryptDialog: el('reencrypt-dialog'),
    jobPanel: el('job-panel'),
    jobState: el('job-state'),
    jobProgress: el('job-progress'),
    jobCounts: el('job-counts'),
    jobError: el('job-error'),
    verifyButton: el('verify-button'),
    verifyPanel: el('verify-panel'),
    verifySummary: el('verify-summary'),
    verifyBody: el('verify-body'),
    verifyFailures: el('verify-failures'),
    verifyFailuresBody: el('verify-failures-body'),
    destroyDialog: el('destroy-dialog'),
    destroyKeyId: el('destroy-key-id'),
    destroyCount: el('destroy-count'),
    destroyConfirm: el('destroy-confirm'),
    auditPanel: el('audit-panel'),
    auditBody: el('audit-body'),
    auditEmpty: el('audit-empty'),
  };

  let jobTimer = null;
  let destroyTarget = null;

  /** An answer from the API that was not a success, with its status and {code, message}. */
  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.message) || 'HTTP ' + status);
      this.status = status;
      this.code = body && body.code;
    }
  }

  function token() {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json', 'X-N8N-API-KEY': token() || '' };
    const init = { method, headers, cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      throw new ApiError(0, { code: 'NETWORK', message: 'The rekey server cannot be reached.' });
    }
    let payload = null;
    try {
      payload = await response.json();
    } catch (e) {
      payload = null;
    }
    if (!response.ok) {
      throw new ApiError(response.status, payload);
    }
    return payload;
  }

  function showMessage(kind, text) {
    ui.message.className = 'message ' + kind;
    ui.message.textContent = text;
    ui.message.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    ui.message.hidden = false;
  }

  function clearMessage() {
    ui.message.hidden = true;
    ui.message.textContent = '';
  }

  function showTokenForm(show) {
    ui.tokenForm.hidden = !show;
    ui.tokenConnected.hidden = show;
    if (show) {
      hidePanels();
    }
  }

  function hidePanels() {
    stopPolling();
    for (const panel of [ui.keysPanel, ui.jobPanel, ui.verifyPanel, ui.auditPanel]) {
      panel.hidden = true;
    }
  }

  /** Says what went wrong in words an operator can act on. */
  function explain(error) {
    if (error.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      showTokenForm(true);
      showMessage('error', 'This API token was not accepted: it is unknown or has been revoked. Enter a valid token.');
    } else if (error.status === 403) {
      hidePanels();
      showMessage('error', 'This API token lacks the encryptionKey:manage scope, which managing keys needs. '
        + 'Create one with: rekey api-keys create --label settings --scopes encryptionKey:manage');
    } else if (error.code === 'ROTATION_DISABLED') {
      rotationOff();
    } else if (error.status === 0) {
      showMessage('error', error.message);
    } else {
      showMessage('error', 'The request failed (' + error.status + (error.code ? ' ' + error.code : '') + '): '
        + error.message);
    }
  }

  function rotationOff() {
    hidePanels();
    showMessage('info', 'Key rotation is turned off on this instance. Set N8N_ENV_FEAT_ENCRYPTION_KEY_ROTATION=true '
      + 'and restart rekey to manage data keys here.');
  }

  function mask(id) {
    return id.length > 8 ? id.slice(0, 4) + '\u2022\u2022\u2022\u2022' + id.slice(-4) : id;
  }

  const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

  function formatDate(iso) {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
  }

  async function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return;
    }
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }

  function cell(text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    return td;
  }

  function keyRow(key, freshId) {
    const row = document.createElement('tr');
    row.dataset.keyId = key.id;
    row.dataset.status = key.status;
    if (key.id === freshId) {
      row.classList.add('fresh');
    }

    const idCell = document.createElement('td');
    const code = document.createElement('code');
    code.className = 'key-id';
    code.textContent = mask(key.id);
    code.title = 'Key id (masked); use Copy for the full id';
    const copy = document.createElement('button');
    copy.type = 'button';
    copy.className = 'button copy';
    copy.textContent = 'Copy';
    copy.setAttribute('aria-label', 'Copy the full key id');
    copy.addEventListener('click', async () => {
      try {
        await copyText(key.id);
        copy.textContent = 'Copied';
      } catch (e) {
        copy.textContent = 'Copy failed';
      }
      setTimeout(() => { copy.textContent = 'Copy'; }, 1500);
    });
    idCell.append(code, copy);

    const statusCell = document.createElement('td');
    const badge = document.createElement('span');
    badge.className = 'badge ' + key.status;
    badge.textContent = key.status;
    statusCell.append(badge);

    const actionsCell = document.createElement('td');
    if (key.status === 'inactive') {
      const destroy = document.createElement('button');
      destroy.type = 'button';
      destroy.className = 'button small destroy';
      destroy.textContent = 'Destroy';
      destroy.setAttribute('aria-label', 'Destroy key ' + mask(key.id));
      destroy.addEventListener('click', () => askDestroy(key.id, destroy));
      actionsCell.append(destroy);
    }

    const archived = key.status === 'active' ? '\u2014' : formatDate(key.updatedAt);
    row.append(idCell, statusCell, cell(formatDate(key.createdAt)),
      cell(archived, key.status === 'active' ? 'muted' : ''), cell(String(key.recordCount), 'numeric'),
      actionsCell);
    return row;
  }

  function dayStart(value) {
    return new Date(value + 'T00:00:00').toISOString();
  }

  function dayEnd(value) {
    return new Date(value + 'T23:59:59.999').toISOString();
  }

  function query() {
    const params = new URLSearchParams();
    params.set('sortBy', ui.sort.value);
    if (ui.from.value) {
      params.set('activatedFrom', dayStart(ui.from.value));
    }
    if (ui.to.value) {
      params.set('activatedTo', dayEnd(ui.to.value));
    }
    return params;
  }

  async function loadKeys(freshId) {
    if (ui.from.value && ui.to.value && ui.from.value > ui.to.value) {
      showMessage('error', '"Activated from" must not be after "Activated to".');
      return false;
    }
    const page = await api('GET', KEYS_PATH + '?' + query().toString());
    ui.keysBody.replaceChildren(...page.items.map((key) => keyRow(key, freshId)));
    ui.keysEmpty.hidden = page.items.length > 0;
    const legacy = page.legacyRecordCount === 1 ? '1 record is' : page.legacyRecordCount + ' records are';
    ui.keysSummary.textContent = page.count + (page.count === 1 ? ' key' : ' keys') + ' shown. '
      + legacy + ' still in the legacy format (encrypted directly with the instance key).';
    ui.keysPanel.hidden = false;
    return true;
  }

  async function connect() {
    if (!token()) {
      showTokenForm(true);
      return;
    }
    showTokenForm(false);
    try {
      const settings = await api('GET', '/rest/module-settings');
      if (!settings['encryption-key-manager'].rotationEnabled) {
        rotationOff();
        return;
      }
      clearMessage();
      await loadKeys();
      showLastVerify();
      await refreshJob();
      await loadAudit();
    } catch (error) {
      explain(error);
    }
  }

  // --- re-encryption ---------------------------------------------------------------------------------

  const JOB_STATES = {
    idle: 'No re-encryption has run in this fleet yet.',
    running: 'Re-encrypting records under the active key\u2026',
    succeeded: 'The last re-encryption finished: every record it reached is under the active key.',
    failed: 'The last re-encryption did not finish cleanly.',
    abandoned: 'The last re-encryption stopped: its instance went away. Start it again to resume it.',
  };

  function stopPolling() {
    if (jobTimer !== null) {
      clearTimeout(jobTimer);
      jobTimer = null;
    }
  }

  function showJob(job) {
    const progress = job.progress || { done: 0, total: 0, failed: 0, remaining: 0 };
    ui.jobPanel.hidden = false;
    ui.jobPanel.dataset.state = job.state;
    ui.jobState.textContent = JOB_STATES[job.state] || ('State: ' + job.state);
    ui.jobProgress.max = Math.max(progress.total, 1);
    ui.jobProgress.value = progress.total > 0 ? progress.done : (job.state === 'succeeded' ? 1 : 0);
    ui.jobCounts.textContent = job.state === 'idle' ? ''
      : progress.done + ' of ' + progress.total + ' records done, ' + progress.failed + ' failed, '
        + progress.remaining + ' remaining.'
        + (job.finishedAt ? ' Finished ' + formatDate(job.finishedAt) + '.'
          : job.startedAt ? ' Started ' + formatDate(job.startedAt) + '.' : '')
        + (job.instance ? ' Instance ' + job.instance + '.' : '');
    ui.jobError.hidden = !job.error;
    ui.jobError.textContent = job.error || '';
    ui.reencryptButton.disabled = job.state === 'running';
  }

  async function refreshJob() {
    stopPolling();
    let job;
    try {
      job = await api('GET', JOB_PATH);
    } catch (error) {
      explain(error);
      return;
    }
    showJob(job);
    if (job.state === 'running') {
      jobTimer = setTimeout(refreshJob, JOB_POLL_MS);
    } else if (ui.jobPanel.dataset.polled === 'true') {
      ui.jobPanel.dataset.polled = 'false';
      await loadKeys();
    }
  }

  async function startReencryption() {
    ui.reencryptButton.disabled = true;
    try {
      showJob(await api('POST', JOB_PATH, {}));
      ui.jobPanel.dataset.polled = 'true';
      showMessage('success', 'Re-encryption started. Its progress is shown below.');
    } catch (error) {
      if (error.code === 'JOB_RUNNING') {
        showMessage('info', 'A re-encryption is running already; its progress is shown below.');
      } else {
        explain(error);
      }
    }
    await refreshJob();
  }

  // --- verification ----------------------------------------------------------------------------------

  function showVerify(result) {
    ui.verifyPanel.hidden = false;
    const failures = result.report.failures || [];
    ui.verifyPanel.dataset.outcome = failures.length === 0 ? 'ok' : 'failed';
    ui.verifySummary.textContent = 'Verified ' + formatDate(result.at) + ': ' + result.report.total
      + (result.report.total === 1 ? ' record' : ' records') + ' checked, '
      + (failures.length === 0 ? 'every one decrypts.' : failures.length + ' failed to decrypt.');
    const counts = result.report.recordsByKey || {};
    ui.verifyBody.replaceChildren(...Object.keys(counts).sort().map((keyId) => {
      const row = document.createElement('tr');
      row.dataset.keyId = keyId;
      const label = keyId === result.report.activeKeyId ? mask(keyId) + ' (active)'
        : keyId === 'legacy' ? 'legacy format' : mask(keyId);
      row.append(cell(label, 'mono'), cell(String(counts[keyId]), 'numeric'));
      return row;
    }));
    ui.verifyFailures.hidden = failures.length === 0;
    ui.verifyFailuresBody.replaceChildren(...failures.map((failure) => {
      const row = document.createElement('tr');
      row.append(cell(failure.recordId, 'mono'), cell(failure.code), cell(failure.message));
      return row;
    }));
  }

  function showLastVerify() {
    const saved = sessionStorage.getItem(VERIFY_KEY);
    if (!saved) {
      return;
    }
    try {
      showVerify(JSON.parse(saved));
    } catch (e) {
      sessionStorage.removeItem(VERIFY_KEY);
    }
  }

  async function verify() {
    ui.verifyButton.disabled = true;
    showMessage('info', 'Verifying: decrypting every record\u2026');
    try {
      const result = { at: new Date().toISOString(), report: await api('GET', STATUS_PATH) };
      sessionStorage.setItem(VERIFY_KEY, JSON.stringify(result));
      showVerify(result);
      const failed = result.report.failures.length;
      showMessage(failed === 0 ? 'success' : 'error', failed === 0
        ? 'Verification passed: every record decrypts.'
        : 'Verification found ' + failed + (failed === 1 ? ' record' : ' records') + ' that failed to decrypt.');
    } catch (error) {
      explain(error);
    } finally {
      ui.verifyButton.disabled = false;
    }
  }

  // --- destroying a key ------------------------------------------------------------------------------

  async function askDestroy(keyId, button) {
    button.disabled = true;
    let key;
    try {
      key = await api('GET', KEYS_PATH + '/' + encodeURIComponent(keyId));
    } catch (error) {
      explain(error);
      return;
    } finally {
      button.disabled = false;
    }
    destroyTarget = key.id;
    ui.destroyKeyId.textContent = mask(key.id);
    const inUse = key.recordCount !== 0 || key.status !== 'inactive';
    ui.destroyDialog.dataset.recordCount = String(key.recordCount);
    ui.destroyCount.textContent = key.status !== 'inactive'
      ? 'This key is ' + key.status + ' and cannot be destroyed.'
      : key.recordCount === 0
        ? 'No record uses this key.'
        : (key.recordCount === 1 ? '1 record uses' : key.recordCount + ' records use') + ' this key, so it '
          + 'cannot be destroyed. Re-encrypt all records first, then try again.';
    ui.destroyConfirm.disabled = inUse;
    ui.destroyConfirm.hidden = inUse;
    ui.destroyDialog.returnValue = '';
    ui.destroyDialog.showModal();
  }

  async function destroy(keyId) {
    try {
      await api('DELETE', KEYS_PATH + '/' + encodeURIComponent(keyId));
      await loadKeys();
      showMessage('success', 'Key ' + mask(keyId) + ' was destroyed. Its id stays as a tombstone.');
      await loadAudit();
    } catch (error) {
      if (error.status === 401 || error.status === 403 || error.status === 0) {
        explain(error);
      } else {
        showMessage('error', 'The key was not destroyed: ' + error.message);
      }
    }
  }

  // --- audit trail -----------------------------------------------------------------------------------

  async function loadAudit() {
    let page;
    try {
      page = await api('GET', AUDIT_PATH + '?take=' + AUDIT_ENTRIES);
    } catch (error) {
      // The page works without the trail: 404 (a server without one) or a failure to read it.
      ui.auditPanel.hidden = true;
      ui.auditPanel.dataset.state = error.status === 404 ? 'absent' : 'unavailable';
      return;
    }
    const items = (page && page.items) || [];
    ui.auditBody.replaceChildren(...items.map((entry) => {
      const row = document.createElement('tr');
      const actor = entry.actor || {};
      row.append(cell(formatDate(entry.at)),
        cell(actor.kind + ' ' + actor.id + (actor.label ? ' (' + actor.label + ')' : '')),
        cell(entry.action), cell(entry.target),
        cell(entry.outcome, entry.outcome === 'succeeded' ? '' : 'outcome-failure'));
      return row;
    }));
    ui.auditEmpty.hidden = items.length > 0;
    ui.auditPanel.hidden = false;
    ui.auditPanel.dataset.state = 'shown';
  }

  async function rotate() {
    ui.rotateButton.disabled = true;
    try {
      const key = await api('POST', KEYS_PATH, { type: 'data_encryption' });
      ui.from.value = '';
      ui.to.value = '';
      await loadKeys(key.id);
      showMessage('success', 'Key ' + mask(key.id) + ' is now active. New data is encrypted with it; '
        + 'the previous key stays available for decryption.');
      await loadAudit();
    } catch (error) {
      explain(error);
    } finally {
      ui.rotateButton.disabled = false;
    }
  }

  ui.tokenForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = ui.tokenInput.value.trim();
    if (!value) {
      showMessage('error', 'Enter an API token.');
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, value);
    ui.tokenInput.value = '';
    connect();
  });

  ui.tokenForget.addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    clearMessage();
    showTokenForm(true);
    ui.tokenInput.focus();
  });

  ui.filterForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      if (await loadKeys()) {
        clearMessage();
      }
    } catch (error) {
      explain(error);
    }
  });

  ui.sort.addEventListener('change', () => ui.filterForm.requestSubmit());

  ui.filterClear.addEventListener('click', () => {
    ui.from.value = '';
    ui.to.value = '';
    ui.filterForm.requestSubmit();
  });

  ui.rotateButton.addEventListener('click', () => {
    ui.rotateDialog.returnValue = '';
    ui.rotateDialog.showModal();
  });

  ui.rotateDialog.addEventListener('close', () => {
    if (ui.rotateDialog.returnValue === 'rotate') {
      rotate();
    }
  });

  ui.reencryptButton.addEventListener('click', () => {
    ui.reencryptDialog.returnValue = '';
    ui.reencryptDialog.showModal();
  });

  ui.reencryptDialog.addEventListener('close', () => {
    if (ui.reencryptDialog.returnValue === 'start') {
      startReencryption();
    }
  });

  ui.verifyButton.addEventListener('click', verify);

  ui.destroyDialog.addEventListener('close', () => {
    if (ui.destroyDialog.returnValue === 'destroy' && destroyTarget) {
      destroy(destroyTarget);
    }
    destroyTarget = null;
  });

  connect();
}());
