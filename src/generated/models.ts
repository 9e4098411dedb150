// This is a generated file. Modifications will be overwritten: edit aws-connect-user.json and run `npm run generate`.
import { BaseModel, Dict, Optional, transformValue } from '@amazon-web-services-cloudformation/cloudformation-cli-typescript-lib';
import { Exclude, Expose, Transform, Type } from 'class-transformer';

export class AfterContactWorkConfig extends BaseModel {
    override ['constructor']!: typeof AfterContactWorkConfig;

    @Expose({ name: 'AfterContactWorkTimeLimit' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Number, 'afterContactWorkTimeLimit', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    afterContactWorkTimeLimit?: Optional<number>;
}

export class UserProficiency extends BaseModel {
    override ['constructor']!: typeof UserProficiency;

    @Expose({ name: 'AttributeName' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'attributeName', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    attributeName?: Optional<string>;
    @Expose({ name: 'AttributeValue' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'attributeValue', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    attributeValue?: Optional<string>;
    @Expose({ name: 'Level' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Number, 'level', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    level?: Optional<number>;
}

export class Tag extends BaseModel {
    override ['constructor']!: typeof Tag;

    @Expose({ name: 'Key' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'key', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    key?: Optional<string>;
    @Expose({ name: 'Value' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'value', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    value?: Optional<string>;
}

export class VoiceEnhancementConfig extends BaseModel {
    override ['constructor']!: typeof VoiceEnhancementConfig;

    @Expose({ name: 'Channel' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'channel', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    channel?: Optional<string>;
    @Expose({ name: 'VoiceEnhancementMode' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'voiceEnhancementMode', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    voiceEnhancementMode?: Optional<string>;
}

export class PersistentConnectionConfig extends BaseModel {
    override ['constructor']!: typeof PersistentConnectionConfig;

    @Expose({ name: 'Channel' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'channel', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    channel?: Optional<string>;
    @Expose({ name: 'PersistentConnection' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Boolean, 'persistentConnection', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    persistentConnection?: Optional<boolean>;
}

export class PhoneNumberConfig extends BaseModel {
    override ['constructor']!: typeof PhoneNumberConfig;

    @Expose({ name: 'Channel' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'channel', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    channel?: Optional<string>;
    @Expose({ name: 'PhoneType' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'phoneType', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    phoneType?: Optional<string>;
    @Expose({ name: 'PhoneNumber' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'phoneNumber', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    phoneNumber?: Optional<string>;
}

export class AfterContactWorkConfigPerChannel extends BaseModel {
    override ['constructor']!: typeof AfterContactWorkConfigPerChannel;

    @Expose({ name: 'Channel' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'channel', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    channel?: Optional<string>;
    @Expose({ name: 'AfterContactWorkConfig' })
    @Type(() => AfterContactWorkConfig)
    afterContactWorkConfig?: Optional<AfterContactWorkConfig>;
    @Expose({ name: 'AgentFirstCallbackAfterContactWorkConfig' })
    @Type(() => AfterContactWorkConfig)
    agentFirstCallbackAfterContactWorkConfig?: Optional<AfterContactWorkConfig>;
}

export class AutoAcceptConfig extends BaseModel {
    override ['constructor']!: typeof AutoAcceptConfig;

    @Expose({ name: 'Channel' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'channel', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    channel?: Optional<string>;
    @Expose({ name: 'AutoAccept' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Boolean, 'autoAccept', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    autoAccept?: Optional<boolean>;
    @Expose({ name: 'AgentFirstCallbackAutoAccept' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Boolean, 'agentFirstCallbackAutoAccept', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    agentFirstCallbackAutoAccept?: Optional<boolean>;
}

export class UserPhoneConfig extends BaseModel {
    override ['constructor']!: typeof UserPhoneConfig;

    @Expose({ name: 'AfterContactWorkTimeLimit' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Number, 'afterContactWorkTimeLimit', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    afterContactWorkTimeLimit?: Optional<number>;
    @Expose({ name: 'AutoAccept' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Boolean, 'autoAccept', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    autoAccept?: Optional<boolean>;
    @Expose({ name: 'DeskPhoneNumber' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'deskPhoneNumber', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    deskPhoneNumber?: Optional<string>;
    @Expose({ name: 'PhoneType' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'phoneType', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    phoneType?: Optional<string>;
    @Expose({ name: 'PersistentConnection' })
    @Transform(
        ({ value, obj }) =>
            transformValue(Boolean, 'persistentConnection', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    persistentConnection?: Optional<boolean>;
}

export class UserIdentityInfo extends BaseModel {
    override ['constructor']!: typeof UserIdentityInfo;

    @Expose({ name: 'FirstName' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'firstName', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    firstName?: Optional<string>;
    @Expose({ name: 'LastName' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'lastName', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    lastName?: Optional<string>;
    @Expose({ name: 'Email' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'email', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    email?: Optional<string>;
    @Expose({ name: 'SecondaryEmail' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'secondaryEmail', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    secondaryEmail?: Optional<string>;
    @Expose({ name: 'Mobile' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'mobile', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    mobile?: Optional<string>;
}

export class ResourceModel extends BaseModel {
    override ['constructor']!: typeof ResourceModel;

    @Exclude()
    public static override readonly TYPE_NAME: string = 'AWS::Connect::User';

    @Expose({ name: 'InstanceArn' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'instanceArn', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    instanceArn?: Optional<string>;
    @Expose({ name: 'DirectoryUserId' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'directoryUserId', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    directoryUserId?: Optional<string>;
    @Expose({ name: 'HierarchyGroupArn' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'hierarchyGroupArn', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    hierarchyGroupArn?: Optional<string>;
    @Expose({ name: 'Username' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'username', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    username?: Optional<string>;
    @Expose({ name: 'Password' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'password', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    password?: Optional<string>;
    @Expose({ name: 'RoutingProfileArn' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'routingProfileArn', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    routingProfileArn?: Optional<string>;
    @Expose({ name: 'IdentityInfo' })
    @Type(() => UserIdentityInfo)
    identityInfo?: Optional<UserIdentityInfo>;
    @Expose({ name: 'PhoneConfig' })
    @Type(() => UserPhoneConfig)
    phoneConfig?: Optional<UserPhoneConfig>;
    @Expose({ name: 'AutoAcceptConfigs' })
    @Type(() => AutoAcceptConfig)
    autoAcceptConfigs?: Optional<Array<AutoAcceptConfig>>;
    @Expose({ name: 'AfterContactWorkConfigs' })
    @Type(() => AfterContactWorkConfigPerChannel)
    afterContactWorkConfigs?: Optional<Array<AfterContactWorkConfigPerChannel>>;
    @Expose({ name: 'PhoneNumberConfigs' })
    @Type(() => PhoneNumberConfig)
    phoneNumberConfigs?: Optional<Array<PhoneNumberConfig>>;
    @Expose({ name: 'PersistentConnectionConfigs' })
    @Type(() => PersistentConnectionConfig)
    persistentConnectionConfigs?: Optional<Array<PersistentConnectionConfig>>;
    @Expose({ name: 'VoiceEnhancementConfigs' })
    @Type(() => VoiceEnhancementConfig)
    voiceEnhancementConfigs?: Optional<Array<VoiceEnhancementConfig>>;
    @Expose({ name: 'SecurityProfileArns' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'securityProfileArns', value, obj, [Array]),
        {
            toClassOnly: true,
        }
    )
    securityProfileArns?: Optional<Array<string>>;
    @Expose({ name: 'UserArn' })
    @Transform(
        ({ value, obj }) =>
            transformValue(String, 'userArn', value, obj, []),
        {
            toClassOnly: true,
        }
    )
    userArn?: Optional<string>;
    @Expose({ name: 'Tags' })
    @Type(() => Tag)
    tags?: Optional<Array<Tag>>;
    @Expose({ name: 'UserProficiencies' })
    @Type(() => UserProficiency)
    userProficiencies?: Optional<Array<UserProficiency>>;

    @Exclude()
    protected readonly IDENTIFIER_KEY_USERARN: string = '/properties/UserArn';

    @Exclude()
    public getPrimaryIdentifier(): Dict {
        const identifier: Dict = {};
        if (this.userArn != null) {
            identifier[this.IDENTIFIER_KEY_USERARN] = this.userArn;
        }

        // only return the identifier if it can be used, i.e. if all components are present
        return Object.keys(identifier).length === 1 ? identifier : null!;
    }

    @Exclude()
    public getAdditionalIdentifiers(): Array<Dict> {
        const identifiers: Array<Dict> = new Array<Dict>();
        // only return the identifiers if any can be used
        return identifiers.length === 0 ? null! : identifiers;
    }
}

export class TypeConfigurationModel extends BaseModel {
    override ['constructor']!: typeof TypeConfigurationModel;
}
