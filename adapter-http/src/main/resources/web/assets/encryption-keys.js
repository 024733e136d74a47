// The Data Encryption Keys settings page: lists keys and rotates them through rekey's HTTP API.
// No framework and no build step; every value from the server is written with textContent.
'use strict';

(function () {
  const TOKEN_KEY = 'rekey.apiToken';
  const KEYS_PATH = '/rest/encryption/keys';

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
  };

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
      ui.keysPanel.hidden = true;
    }
  }

  /** Says what went wrong in words an operator can act on. */
  function explain(error) {
    if (error.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      showTokenForm(true);
      showMessage('error', 'This API token was not accepted: it is unknown or has been revoked. Enter a valid token.');
    } else if (error.status === 403) {
      ui.keysPanel.hidden = true;
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
    ui.keysPanel.hidden = true;
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

    const archived = key.status === 'active' ? '\u2014' : formatDate(key.updatedAt);
    row.append(idCell, statusCell, cell(formatDate(key.createdAt)),
      cell(archived, key.status === 'active' ? 'muted' : ''), cell(String(key.recordCount), 'numeric'));
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
    } catch (error) {
      explain(error);
    }
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

  connect();
}());
