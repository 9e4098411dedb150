// A CDK app that declares Connect users with the typed construct of this type (lib/user.ts, which
// `npm run generate` and `npm run cdk-construct` write from the schema). `npm run synth` writes
// the template to cdk.out/. The instance and profiles default to the emulator's default seed;
// pass your own with `-c instanceArn=… -c salesProfileArn=… -c agentProfileArn=…` to `cdk`.
import * as cdk from 'aws-cdk-lib';
import { join } from 'node:path';
import { CfnUser } from './lib/user';

const SEED = 'arn:aws:connect:us-east-1:123456789012:instance/5f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';

export interface ContactCenterOptions {
    /** The routing profile the agents take: the edit the example's test makes between two deploys. */
    agentRoutingProfile?: 'sales' | 'support';
}

export class ContactCenterStack extends cdk.Stack {
    readonly agent: CfnUser;
    readonly supervisor: CfnUser;

    constructor(scope: cdk.App, id: string, options: ContactCenterOptions = {}) {
        super(scope, id);
        const context = (name: string, fallback: string): string => this.node.tryGetContext(name) ?? fallback;
        const instanceArn = context('instanceArn', SEED);
        const profiles = {
            sales: context('salesProfileArn', `${SEED}/routing-profile/c0a80001-0000-4000-8000-000000000002`),
            support: context('supportProfileArn', `${SEED}/routing-profile/c0a80001-0000-4000-8000-000000000003`),
        };
        const agentSecurityProfile = context('agentProfileArn', `${SEED}/security-profile/c0a80001-0000-4000-8000-000000000102`);
        const adminSecurityProfile = context('adminProfileArn', `${SEED}/security-profile/c0a80001-0000-4000-8000-000000000101`);

        this.agent = new CfnUser(this, 'Agent', {
            instanceArn,
            username: 'cdk-agent',
            password: 'Cdk-Agent-Passw0rd',
            identityInfo: { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' },
            phoneConfig: { phoneType: 'SOFT_PHONE', autoAccept: true },
            routingProfileArn: profiles[options.agentRoutingProfile ?? 'sales'],
            securityProfileArns: [agentSecurityProfile],
            userProficiencies: [{ attributeName: 'Language', attributeValue: 'English', level: 4 }],
            tags: [{ key: 'role', value: 'agent' }],
        });
        this.supervisor = new CfnUser(this, 'Supervisor', {
            instanceArn,
            username: 'cdk-supervisor',
            password: 'Cdk-Super-Passw0rd',
            identityInfo: { firstName: 'Ada', lastName: 'Lovelace' },
            routingProfileArn: profiles.support,
            securityProfileArns: [agentSecurityProfile, adminSecurityProfile],
        });
        // The passwords are the emulator's (synth warns about them): in a real account take them
        // from Secrets Manager (cdk.SecretValue.secretsManager), resolved before the handler runs.
        new cdk.CfnOutput(this, 'AgentArn', { value: this.agent.attrUserArn });
        // Stack-wide tags reach every taggable resource, this type's included.
        cdk.Tags.of(this).add('team', 'contact-center');
    }
}

export function synth(outdir: string, options: ContactCenterOptions = {}) {
    const app = new cdk.App({ outdir });
    const stack = new ContactCenterStack(app, 'ContactCenter', options);
    return app.synth().getStackByName(stack.stackName).template;
}

if (require.main === module) {
    const template = synth(join(__dirname, 'cdk.out'));
    console.log(`examples/cdk/cdk.out/ContactCenter.template.json: ${Object.keys(template.Resources).length} resources`);
}
