/** The worker name under which `worker.js` builds the warm-start snapshot instead of running an app. */
export const SNAPSHOT_WORKER_NAME = "pagelet-snapshot";
