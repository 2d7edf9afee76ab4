/** The name the page gives the shared worker: every app of the origin asking for it joins the same one. */
export const SHARED_WORKER_NAME = "pagelet-shared";
