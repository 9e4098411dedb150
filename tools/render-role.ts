// Renders resource-role.yaml: the execution role CloudFormation assumes to run the handlers, with
// the union of the handlers' permissions and the confused-deputy conditions, as `cfn generate`
// writes it.
import { JsonSchema, SCHEMA_FILE } from './resource-schema';

export function renderRole(schema: JsonSchema): string {
    const actions = [...new Set(Object.values<JsonSchema>(schema.handlers ?? {}).flatMap((handler) => handler.permissions ?? []))].sort();
    const typeInArn = String(schema.typeName).replace(/::/g, '-');
    return [
        `# This is a generated file. Modifications will be overwritten: edit ${SCHEMA_FILE} and run \`npm run generate\`.`,
        'AWSTemplateFormatVersion: "2010-09-09"',
        'Description: >',
        '  This CloudFormation template creates a role assumed by CloudFormation',
        '  during CRUDL operations to mutate resources on behalf of the customer.',
        '',
        'Resources:',
        '  ExecutionRole:',
        '    Type: AWS::IAM::Role',
        '    Properties:',
        '      MaxSessionDuration: 8400',
        '      AssumeRolePolicyDocument:',
        '        Version: "2012-10-17"',
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
        '            Version: "2012-10-17"',
        '            Statement:',
        '              - Effect: Allow',
        '                Action:',
        ...actions.map((action) => `                - "${action}"`),
        '                Resource: "*"',
        'Outputs:',
        '  ExecutionRoleArn:',
        '    Value:',
        '      Fn::GetAtt: ExecutionRole.Arn',
        '',
    ].join('\n');
}
