/**
 * wrangler's dev server (the same startWorker stack `wrangler dev` runs: ProxyWorker, miniflare, workerd) with
 * its devtools inspector off. `wrangler dev` always attaches an inspector proxy with the Network domain on, so
 * every subrequest, and a local D1 query is one, copies its whole response body (base64) to the wrangler
 * process: on this bench that costs more than the Worker's own work (see bench/README.md). The CLI has no
 * switch for it; the startWorker API has `dev.inspector: false`.
 *
 *   node bench/api/dev-server.mjs --config wrangler.toml --persist DIR --port P
 *   node bench/api/dev-server.mjs --script bench/api/ceiling.js --port P
 */
import { parseArgs } from "node:util";
import { unstable_readConfig, unstable_startWorker } from "wrangler";

const { values } = parseArgs({
  options: { config: { type: "string" }, script: { type: "string" }, persist: { type: "string" }, port: { type: "string" } },
});
// startWorker does not derive these from the config as the CLI does; the ceiling runs with the project's too.
const project = unstable_readConfig({ config: values.config ?? "wrangler.toml" });
const worker = await unstable_startWorker({
  ...(values.config ? { config: values.config } : { entrypoint: values.script, name: "bench-ceiling" }),
  compatibilityDate: project.compatibility_date,
  compatibilityFlags: project.compatibility_flags,
  build: { nodejsCompatMode: project.compatibility_flags.includes("nodejs_compat") ? "v2" : null },
  dev: {
    remote: false,
    persist: values.persist ?? false,
    inspector: false,
    watch: false,
    logLevel: "error",
    server: { hostname: "127.0.0.1", port: Number(values.port) },
  },
});
await worker.ready;
console.log(`dev server (devtools off) on ${String(await worker.url)}`);
const stop = async () => {
  await worker.dispose();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
