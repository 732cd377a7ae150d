// The studio's page: starts once the page has loaded.

import { Studio } from "./studio";

window.addEventListener("DOMContentLoaded", () => {
  new Studio().start().catch((error: unknown) => {
    const status = document.getElementById("status");
    if (status) status.textContent = `The studio could not start: ${error instanceof Error ? error.message : String(error)}`;
  });
});
