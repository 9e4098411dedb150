// Renders resource-role.yaml: the execution role CloudFormation assumes to run the handlers, with
// the union of the handlers' permissions and the confused-deputy conditions, byte for byte as
// `cfn generate` writes it (cloudformation-cli's templates/resource-role.yml), since it rewrites
// this file on every run: so the file carries no header of ours.
import { JsonSchema } from './resource-schema';

/** cfn's rule: 70 seconds per minute of the longest handler timeout (default 120), within 1 to 12 hours. */
function sessionSeconds(schema: JsonSchema): number {
    const timeouts = Object.values<JsonSchema>(schema.handlers ?? {}).map((handler) => handler.timeoutInMinutes ?? 120);
    return Math.min(43_200, Math.max(3_600, 70 * (timeouts.length > 0 ? Math.max(...timeouts) : 120)));
}

export function renderRole(schema: JsonSchema): string {
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
        `              - Effect: ${actions.length > 0 ? 'Allow' : 'Deny'}`,
        '                Action:',
        ...(actions.length > 0 ? actions : ['*']).map((action) => `                - "${action}"`),
        '                Resource: "*"',
        'Outputs:',
        '  ExecutionRoleArn:',
        '    Value:',
        '      Fn::GetAtt: ExecutionRole.Arn',
        '',
    ].join('\n');
}
