import type { MailDocument } from "../mail-document.ts";
import type { InEachLanguage } from "../mail-language.ts";

/** One kind of mail, written out in each language from the facts it is about. */
export type MailTemplate<Facts> = InEachLanguage<(facts: Facts) => MailDocument>;
