/** English texts of the admin's catalog editor: venues, resources, offerings (pages/admin-catalog). */
export const adminCatalogEn = {} as const satisfies Record<string, string>;
