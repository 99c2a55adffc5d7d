import superjson from "superjson";

/** The one serializer of the tRPC link: server and every client must use this instance. */
export const transformer = superjson;
