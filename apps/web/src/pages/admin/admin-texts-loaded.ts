import { adminTexts } from "../../i18n/admin-texts.ts";
import { addTexts } from "../../i18n/languages.ts";

// Imported first by the admin frame: its texts are there before any admin page renders.
addTexts(adminTexts);
