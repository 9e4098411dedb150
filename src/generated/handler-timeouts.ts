// This is a generated file. Modifications will be overwritten: edit aws-connect-user.json and run `npm run generate`.
/** The timeoutInMinutes each handler declares, in milliseconds. */
export const HANDLER_TIMEOUT_MS = { CREATE: 3600000, UPDATE: 3600000, DELETE: 3600000 } as const;
