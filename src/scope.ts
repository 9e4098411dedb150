// A request acts in one account, Region and partition: the ones CloudFormation's request states,
// and the ones the caller's credentials are signed for. An ARN of anywhere else is refused before
// any call, naming the property, instead of being sent to Connect signed for this Region.

/** The partition of a Region, by its prefix (AWS's partitions endpoints data). */
export function partitionOf(region: string): string {
    if (region.startsWith('cn-')) return 'aws-cn';
    if (region.startsWith('us-gov-')) return 'aws-us-gov';
    if (region.startsWith('us-isob-')) return 'aws-iso-b';
    if (region.startsWith('us-isof-')) return 'aws-iso-f';
    if (region.startsWith('eu-isoe-')) return 'aws-iso-e';
    if (region.startsWith('us-iso-')) return 'aws-iso';
    return 'aws';
}

export interface Scope {
    awsAccountId?: string;
    region?: string;
}

const ARN = /^arn:([^:]*):connect:([^:]*):([^:]*):/;
/** The ARN-valued properties, by name; a list is checked item by item. */
const ARN_PROPERTIES = ['UserArn', 'InstanceArn', 'RoutingProfileArn', 'HierarchyGroupArn', 'SecurityProfileArns'] as const;

/**
 * The first ARN among `properties` that names another partition, Region or account than the
 * request's, as a message naming the property and the fix; undefined when all are in scope.
 * Malformed ARNs are the schema's to refuse.
 */
export function outOfScope(properties: unknown, scope: Scope): string | undefined {
    if (properties === null || typeof properties !== 'object' || !scope.region) return undefined;
    const expected = { partition: partitionOf(scope.region), region: scope.region, account: scope.awsAccountId };
    for (const name of ARN_PROPERTIES) {
        const value = (properties as Record<string, unknown>)[name];
        for (const arn of Array.isArray(value) ? value : [value]) {
            const match = typeof arn === 'string' ? ARN.exec(arn) : null;
            if (!match) continue;
            const [, partition, region, account] = match;
            const where = [
                partition !== expected.partition && `partition ${partition.slice(0, 20)}`,
                region !== expected.region && `Region ${region.slice(0, 30)}`,
                expected.account && account !== expected.account && `account ${account.slice(0, 20)}`,
            ].filter(Boolean);
            if (where.length > 0) {
                return `${name} names an Amazon Connect resource of ${where.join(', ')}, but this request acts in account ${expected.account ?? '(unstated)'}, Region ${expected.region} (partition ${expected.partition}): use the ARN of a resource in the stack's own account and Region.`;
            }
        }
    }
    return undefined;
}
