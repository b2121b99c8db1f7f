/**
 * The port the browser tests' sync server listens on: the preview server (PW_PORT) proxies
 * /sync to it (vite.config.ts, playwright.config.ts), so it is fixed per checkout.
 * @param {number} pwPort
 */
export const syncPortFor = (pwPort) => pwPort + 200;
