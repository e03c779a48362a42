// A minimal W3C WebDriver client (plain HTTP), enough to drive Firefox through geckodriver.
// Playwright cannot drive Debian's stock Firefox, and no client library is needed for this.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

async function freePort() {
  const server = createServer();
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

/** Starts geckodriver and a headless Firefox session that saves downloads to `downloadDir`. */
export async function startFirefox({ geckodriver, firefox, downloadDir }) {
  const port = await freePort();
  const driver = spawn(geckodriver, ['--host', '127.0.0.1', '--port', String(port)], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i += 1) {
    try {
      await fetch(`${base}/status`);
      break;
    } catch (error) {
      if (i > 100) throw new Error(`geckodriver did not start: ${error}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  const prefs = {
    'browser.download.folderList': 2,
    'browser.download.dir': downloadDir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.helperApps.neverAsk.saveToDisk': 'application/json,text/csv,text/html,text/markdown',
    // Keep Firefox's own background traffic off this machine's closed network.
    'app.update.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'extensions.update.enabled': false,
  };
  const response = await fetch(`${base}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      capabilities: {
        alwaysMatch: {
          browserName: 'firefox',
          'moz:firefoxOptions': { binary: firefox, args: ['-headless'], prefs },
        },
      },
    }),
  });
  const body = await response.json();
  if (!body.value?.sessionId) throw new Error(`no Firefox session: ${JSON.stringify(body)}`);
  return new Session(`${base}/session/${body.value.sessionId}`, driver);
}

class Session {
  constructor(url, driver) {
    this.url = url;
    this.driver = driver;
  }

  async call(method, path, body) {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (json.value?.error) throw new Error(`${method} ${path}: ${json.value.error}: ${json.value.message}`);
    return json.value;
  }

  goto(url) {
    return this.call('POST', '/url', { url });
  }

  /** Waits up to `timeout` ms for an element matching `css`. */
  async find(css, timeout = 15000) {
    const started = Date.now();
    for (;;) {
      try {
        const found = await this.call('POST', '/element', { using: 'css selector', value: css });
        return found[ELEMENT];
      } catch (error) {
        if (Date.now() - started > timeout) throw error;
        await new Promise((done) => setTimeout(done, 100));
      }
    }
  }

  async click(css) {
    return this.call('POST', `/element/${await this.find(css)}/click`, {});
  }

  async type(css, text) {
    return this.call('POST', `/element/${await this.find(css)}/value`, { text });
  }

  async text(css) {
    return this.call('GET', `/element/${await this.find(css)}/text`);
  }

  /** Waits up to `timeout` ms until the text of `css` matches `pattern`; returns the text. */
  async waitForText(css, pattern, timeout = 15000) {
    const started = Date.now();
    for (;;) {
      const text = await this.text(css);
      if (pattern.test(text)) return text;
      if (Date.now() - started > timeout) throw new Error(`${css} never matched ${pattern}: "${text}"`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  script(source, args = []) {
    return this.call('POST', '/execute/sync', { script: source, args });
  }

  refresh() {
    return this.call('POST', '/refresh', {});
  }

  async quit() {
    try {
      await this.call('DELETE', '');
    } finally {
      this.driver.kill();
    }
  }
}
