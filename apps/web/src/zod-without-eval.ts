import { z } from "zod";

// zod compiles object parsers with `new Function` unless told not to; the api's
// Content-Security-Policy forbids eval, and the probe would log a CSP violation.
z.config({ jitless: true });
