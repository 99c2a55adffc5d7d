import type { adminCatalogEn } from "./admin-catalog.en.ts";

/** Deutsche Texte: the admin's catalog editor: venues, resources, offerings (pages/admin-catalog). */
export const adminCatalogDe: Record<keyof typeof adminCatalogEn, string> = {};
