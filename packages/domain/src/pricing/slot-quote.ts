import type { SlotOffering } from "../catalog/catalog.types.ts";
import { type Quote, quoteLine, quoteOf } from "./quote.types.ts";

/** A slot costs the offering's fixed price per appointment, whatever resource serves it. */
export function quoteSlot(offering: SlotOffering): Quote {
  return quoteOf(offering.price.currency, [quoteLine(offering.name, 1, offering.price.amount)]);
}
