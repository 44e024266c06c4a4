// Driver for browser.sh: open the click-to-segment tutorial in JupyterLab (headless Chromium via playwright-core),
// run all cells, left-click on the object in the ClickWidget's image, check that the overlay and status line change;
// then right-click (a negative click) and check that it counts.
// Usage: node browser_check.js BASE_URL TOKEN NOTEBOOK SHOTS_DIR
const { chromium } = require('playwright-core');
const path = require('path');
const [base, token, notebook, shots] = process.argv.slice(2);
// A point on the cup in coffee.jpg (row 150, col 190 of 267x400), as fractions of the displayed image.
const CLICK = { fy: 150.5 / 267, fx: 190.5 / 400 };
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const t0 = Date.now();
const log = (...a) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)} s]`, ...a);
setTimeout(() => { console.error('browser check: overall time limit (150 s) reached'); process.exit(2); }, 150000).unref();

async function main() {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, timeout: 30000 });
  let page;
  try {
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.setDefaultTimeout(30000);
    page.on('pageerror', e => log('page error:', e.message));
    await page.goto(`${base}/lab/tree/${encodeURIComponent(notebook)}?token=${token}`, { timeout: 30000 });
    // The notebook is open and its kernel is idle.
    await page.waitForFunction(() => {
      const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
      const s = w && w.sessionContext;
      return s && s.session && s.session.kernel && s.kernelDisplayStatus === 'idle' && w.content && w.content.widgets.length > 0;
    }, null, { timeout: 60000, polling: 250 });
    log('notebook open, kernel idle');
    await page.evaluate(() => window.jupyterapp.commands.execute('notebook:run-all-cells'));
    // Every code cell has run (execution count set) and the kernel is idle again.
    await page.waitForFunction(() => {
      const w = window.jupyterapp.shell.currentWidget;
      const code = w.content.widgets.filter(c => c.model.type === 'code');
      return w.sessionContext.kernelDisplayStatus === 'idle' && code.every(c => c.model.executionCount !== null);
    }, null, { timeout: 90000, polling: 250 });
    log('all cells ran');
    const errors = await page.evaluate(() => {
      const w = window.jupyterapp.shell.currentWidget, out = [];
      for (const c of w.content.widgets) {
        if (c.model.type !== 'code') continue;
        for (let i = 0; i < c.model.outputs.length; i++) {
          const o = c.model.outputs.get(i).toJSON();
          if (o.output_type === 'error') out.push(`${o.ename}: ${o.evalue}`);
        }
      }
      return out;
    });
    if (errors.length) throw new Error('cells raised: ' + errors.join(' | '));
    const img = page.locator('img.mis-click-image').first();
    await img.waitFor({ state: 'visible', timeout: 30000 });
    await img.scrollIntoViewIfNeeded();
    const status = page.locator('.mis-click-status').first();
    // The widget's views render from comm messages that may still be arriving: wait for its status line to be drawn.
    await page.waitForFunction(() => {
      const st = document.querySelector('.mis-click-status');
      return st && st.innerText.trim().length > 0;
    }, null, { timeout: 30000, polling: 100 }).catch(() => {});
    const before = { src: await img.getAttribute('src'), status: (await status.innerText()).trim() };
    log('widget shown; status:', JSON.stringify(before.status));
    if (!before.status.startsWith('0 clicks')) throw new Error(`expected the reset widget to say "0 clicks", got "${before.status}"`);
    await page.screenshot({ path: path.join(shots, 'before_click.png') });
    const box = await img.boundingBox();
    await page.mouse.click(box.x + CLICK.fx * box.width, box.y + CLICK.fy * box.height, { button: 'left' });
    await page.waitForFunction(([s]) => {
      const i = document.querySelector('img.mis-click-image'), st = document.querySelector('.mis-click-status');
      return i && st && i.src !== s && st.innerText.trim().startsWith('1 click ');
    }, [before.src], { timeout: 30000, polling: 100 });
    const after = (await status.innerText()).trim();
    log('after the click; status:', JSON.stringify(after));
    if (!/1 click · \d/.test(after)) throw new Error(`unexpected status after the click: "${after}"`);
    const covered = parseFloat(after.split('·')[1]);
    if (!(covered > 0)) throw new Error(`the mask after a click on the object is empty: "${after}"`);
    // A right click on the saucer adds a negative click (the context menu must not get in the way).
    await page.mouse.click(box.x + (180.5 / 400) * box.width, box.y + (230.5 / 267) * box.height, { button: 'right' });
    await page.waitForFunction(() => document.querySelector('.mis-click-status').innerText.trim().startsWith('2 clicks '),
      null, { timeout: 30000, polling: 100 });
    if (await page.locator('.lm-Menu').count()) throw new Error('a context menu opened on right click');
    log('after a right click; status:', JSON.stringify((await status.innerText()).trim()));
    await page.screenshot({ path: path.join(shots, 'after_click.png') });
    await page.locator('.mis-click-image').first().locator('xpath=..').screenshot({ path: path.join(shots, 'widget.png') });
    log(`ok: overlay changed, mask covers ${covered}% of the image`);
  } catch (e) {
    if (page) await page.screenshot({ path: path.join(shots, 'failure.png') }).catch(() => {});
    throw e;
  } finally {
    await browser.close();
  }
}
main().then(() => process.exit(0), e => { console.error('browser check failed:', e.message); process.exit(1); });
