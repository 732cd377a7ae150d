// The studio's page: starts once the page has loaded.

import { message } from "./errors";
import { Studio } from "./studio";

window.addEventListener("DOMContentLoaded", () => {
  new Studio().start().catch((error: unknown) => {
    const status = document.getElementById("status");
    if (status) status.textContent = `The studio could not start: ${message(error)}`;
  });
});
