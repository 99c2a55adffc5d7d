import { paragraph } from "../mail-document.ts";
import { footer, greeting } from "../mail-frame.ts";
import type { AccountFacts } from "../notification-facts.ts";
import type { MailTemplate } from "./mail-template.ts";

/** To a person whose registration an admin approved: they may log in now. */
export const accountApprovedMail: MailTemplate<AccountFacts> = {
  en: (facts) => ({
    language: "en",
    subject: "Your account has been approved",
    greeting: greeting(facts.recipient.name, "en"),
    blocks: [
      paragraph("Good news: your account has been approved. You can now log in and make bookings."),
      paragraph(
        `Log in with this e-mail address (${facts.recipient.email}) and the password you chose when you registered.`,
      ),
      { type: "action", label: "Log in", url: facts.loginUrl },
    ],
    signature: [],
    footer: footer(facts.publicUrl, "en"),
  }),
  de: (facts) => ({
    language: "de",
    subject: "Ihr Konto ist freigeschaltet",
    greeting: greeting(facts.recipient.name, "de"),
    blocks: [
      paragraph(
        "gute Nachricht: Ihr Konto wurde freigeschaltet. Sie können sich jetzt anmelden und buchen.",
      ),
      paragraph(
        `Melden Sie sich mit dieser E-Mail-Adresse (${facts.recipient.email}) und dem Passwort an, das Sie bei der Registrierung gewählt haben.`,
      ),
      { type: "action", label: "Anmelden", url: facts.loginUrl },
    ],
    signature: [],
    footer: footer(facts.publicUrl, "de"),
  }),
};
