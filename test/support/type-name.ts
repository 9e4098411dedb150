// The project's type name as tests expect to see it: whatever `npm run rename` made it.
import { projectTypeName } from '../../tools/resource-schema';

export const TYPE_NAME = projectTypeName();
/** The type name inside a RegExp. */
export const TYPE_NAME_PATTERN = TYPE_NAME.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A private type name other than the project's, for tests that rename a copy. */
export const OTHER_TYPE_NAME = TYPE_NAME === 'Org::Connect::User' ? 'Acme::Connect::User' : 'Org::Connect::User';
