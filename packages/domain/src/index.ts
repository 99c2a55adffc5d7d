export { type Decider, foldEvents } from "./shared/decider.ts";
