// Starts the NHS.UK frontend components. A module file, not inline script, so the
// content security policy can forbid inline script entirely.
import { initAll } from '/js/nhsuk-frontend.min.js';

initAll();
