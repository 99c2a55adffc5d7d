export {
  type ErrorCode,
  errorCodes,
  errorStatusByCode,
  isErrorCode,
} from "./errors/error-codes.ts";
export { type ErrorEnvelope, errorEnvelopeSchema } from "./errors/error-envelope.schema.ts";
export { type SystemStatus, systemStatusSchema } from "./system/system-status.schema.ts";
export { transformer } from "./transformer.ts";
