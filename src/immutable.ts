// What Connect cannot change once a user exists. The update planner refuses a change to these
// (NotUpdatable); the schema's descriptions say so.
import type { ResourceModel } from './generated/models';

/**
 * Each with the reason a template author reads. A write-only property is never read back, so
 * callers that build the previous state from an output (cfn test, Cloud Control) leave it out.
 */
export const IMMUTABLE: { property: keyof ResourceModel & string; name: string; why: string; writeOnly?: true }[] = [
    { property: 'instanceArn', name: 'InstanceArn', why: 'Amazon Connect cannot move a user to another instance; CloudFormation replaces the user when it changes' },
    { property: 'username', name: 'Username', why: 'Amazon Connect has no API to rename a user; CloudFormation replaces the user when it changes' },
    { property: 'directoryUserId', name: 'DirectoryUserId', why: 'Amazon Connect has no API to change it; create a new user (change the Username or the logical ID) to use another directory user' },
    { property: 'password', name: 'Password', why: 'Amazon Connect has no API to change it through CloudFormation; reset the password in the Amazon Connect console', writeOnly: true },
];

