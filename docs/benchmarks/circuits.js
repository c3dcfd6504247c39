// Browser-side figures for docs/performance.md: JS + CSS on the wire at first load, server memory per open circuit,
// and the customer grid's search and page-change server time. Needs playwright-core (npm) and Debian's chromium:
//   npm install --prefix /tmp/mt-bench-node playwright-core@1.64.1
//   NODE_PATH=/tmp/mt-bench-node/node_modules node docs/benchmarks/circuits.js <base> <server pid> <app log> [circuits]
// The app must log UrlDataGrid at Debug (Logging__LogLevel__MotorTrace.Web.Components.Shared.UrlDataGrid=Debug) into
// <app log>: the grid figures are the "loaded … in X ms" lines, the server time of each page of rows.
const fs = require('fs');
const { chromium } = require('playwright-core');

const [base, pid, appLog, circuitsArg] = process.argv.slice(2);
const circuits = Number(circuitsArg || 100);
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const sleep = ms => new Promise(r => setTimeout(r, ms));
const gridTimes = () => fs.readFileSync(appLog, 'utf8').split('\n')
    .map(l => /Grid \/customers loaded \d+ of \d+ rows in ([0-9.]+) ms/.exec(l)).filter(Boolean).map(m => Number(m[1]));
const stats = xs => { const s = [...xs].sort((a, b) => a - b); return `median ${s[Math.floor(s.length / 2)].toFixed(1)} ms, p95 ${s[Math.ceil(s.length * 0.95) - 1].toFixed(1)} ms (${s.length} loads)`; };

(async () => {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/account/login`);
    await page.fill('#email', 'advisor@d1.motortrace.test');
    await page.fill('#password', 'MotorTrace-Demo-1');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);

    // First load of the customers page with an empty cache: bytes of JS and CSS as sent (compressed).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    const types = {}; let bytes = 0;
    cdp.on('Network.responseReceived', e => { types[e.requestId] = e.type; });
    cdp.on('Network.loadingFinished', e => { if (types[e.requestId] === 'Script' || types[e.requestId] === 'Stylesheet') bytes += e.encodedDataLength; });
    await page.goto(`${base}/customers`);
    await page.waitForSelector('main[data-circuit=on] tbody tr');
    await sleep(1000);
    console.log(`JS + CSS on the wire at first load of /customers: ${(bytes / 1024).toFixed(0)} KB`);

    // Grid: search terms an advisor types, then page changes; each is one server load of a page of rows.
    const before = gridTimes().length;
    for (const term of ['sharma', '98450', 'ku 88', '8814', 'MH12', 'kumar', 'zz']) {
        for (let i = 0; i < 5; i++) {
            await page.goto(`${base}/customers`);
            await page.waitForSelector('main[data-circuit=on] tbody tr');
            await page.getByLabel('Name, phone, email, plate or VIN').fill(term);
            await sleep(900);
        }
    }
    const search = gridTimes().slice(before);
    const beforePaging = gridTimes().length;
    await page.goto(`${base}/customers`);
    await page.waitForSelector('main[data-circuit=on] tbody tr');
    for (let i = 0; i < 40; i++) {
        await page.getByRole('button', { name: /next page/i }).click();
        await sleep(250);
    }
    const paging = gridTimes().slice(beforePaging);
    console.log(`Grid search (first page of matches): ${stats(search)}`);
    console.log(`Grid page change: ${stats(paging)}`);

    // Memory per circuit: N more tabs on the customers page, each its own circuit.
    await sleep(5000);
    const idle = rssMb();
    const pages = [];
    for (let i = 0; i < circuits; i++) {
        const p = await context.newPage();
        await p.goto(`${base}/customers`);
        await p.waitForSelector('main[data-circuit=on] tbody tr', { timeout: 120000 });
        pages.push(p);
    }
    await sleep(10000);
    const open = rssMb();
    console.log(`Resident memory: ${idle.toFixed(0)} MB before, ${open.toFixed(0)} MB with ${circuits} more circuits on /customers: ${((open - idle) / circuits * 1024).toFixed(0)} KB per circuit`);
    await browser.close();
})();
