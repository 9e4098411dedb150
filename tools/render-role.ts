// Renders resource-role.yaml: the execution role CloudFormation assumes to run the handlers, with
// the union of the handlers' permissions and the confused-deputy conditions, in the layout of
// cloudformation-cli's templates/resource-role.yml (so no header of ours: cfn rewrites the file).
// One departure: cfn grants every action on `Resource: "*"`; ours scopes every action that IAM
// can scope to the account's and Region's Connect instances. `cfn generate` writes cfn's form;
// the build `cfn submit` runs before it deploys this file (`npm run build:function`) writes ours
// back, so the role that reaches an account is the scoped one either way.
import { JsonSchema } from './resource-schema';

/**
 * Actions IAM authorizes only on `Resource: "*"` (Service Authorization Reference: Connect's
 * ListInstances and Directory Service's DescribeDirectories list no resource type). Every other
 * connect: action the handlers call acts on an instance or something under it.
 */
export const UNSCOPABLE_ACTIONS: ReadonlySet<string> = new Set(['connect:ListInstances', 'ds:DescribeDirectories']);
export const INSTANCE_RESOURCES = 'arn:${AWS::Partition}:connect:${AWS::Region}:${AWS::AccountId}:instance/*';

export type RoleForm = 'scoped' | 'as-cfn-writes';

/** cfn's rule: 70 seconds per minute of the longest handler timeout (default 120), within 1 to 12 hours. */
function sessionSeconds(schema: JsonSchema): number {
    const timeouts = Object.values<JsonSchema>(schema.handlers ?? {}).map((handler) => handler.timeoutInMinutes ?? 120);
    return Math.min(43_200, Math.max(3_600, 70 * (timeouts.length > 0 ? Math.max(...timeouts) : 120)));
}

function statements(actions: string[], form: RoleForm): string[] {
    const statement = (effect: string, listed: string[], resource: string[]) => [
        `              - Effect: ${effect}`,
        '                Action:',
        ...listed.map((action) => `                - "${action}"`),
        ...resource,
    ];
    if (actions.length === 0) return statement('Deny', ['*'], ['                Resource: "*"']);
    if (form === 'as-cfn-writes') return statement('Allow', actions, ['                Resource: "*"']);
    const scoped = actions.filter((action) => !UNSCOPABLE_ACTIONS.has(action));
    const unscoped = actions.filter((action) => UNSCOPABLE_ACTIONS.has(action));
    return [
        ...(scoped.length > 0 ? statement('Allow', scoped, ['                Resource:', `                  Fn::Sub: ${INSTANCE_RESOURCES}`]) : []),
        ...(unscoped.length > 0 ? statement('Allow', unscoped, ['                Resource: "*"']) : []),
    ];
}

export function renderRole(schema: JsonSchema, form: RoleForm = 'scoped'): string {
    const actions = [...new Set(Object.values<JsonSchema>(schema.handlers ?? {}).flatMap((handler) => handler.permissions ?? []))].filter(Boolean).sort();
    const typeInArn = String(schema.typeName).replace(/::/g, '-');
    return [
        'AWSTemplateFormatVersion: "2010-09-09"',
        'Description: >',
        '  This CloudFormation template creates a role assumed by CloudFormation',
        '  during CRUDL operations to mutate resources on behalf of the customer.',
        '',
        'Resources:',
        '  ExecutionRole:',
        '    Type: AWS::IAM::Role',
        '    Properties:',
        `      MaxSessionDuration: ${sessionSeconds(schema)}`,
        '      AssumeRolePolicyDocument:',
        "        Version: '2012-10-17'",
        '        Statement:',
        '          - Effect: Allow',
        '            Principal:',
        '              Service: resources.cloudformation.amazonaws.com',
        '            Action: sts:AssumeRole',
        '            Condition:',
        '              StringEquals:',
        '                aws:SourceAccount:',
        '                  Ref: AWS::AccountId',
        '              StringLike:',
        '                aws:SourceArn:',
        `                  Fn::Sub: arn:\${AWS::Partition}:cloudformation:\${AWS::Region}:\${AWS::AccountId}:type/resource/${typeInArn}/*`,
        '      Path: "/"',
        '      Policies:',
        '        - PolicyName: ResourceTypePolicy',
        '          PolicyDocument:',
        "            Version: '2012-10-17'",
        '            Statement:',
        ...statements(actions, form),
        'Outputs:',
        '  ExecutionRoleArn:',
        '    Value:',
        '      Fn::GetAtt: ExecutionRole.Arn',
        '',
    ].join('\n');
}
