// Generated from aws-connect-user.json by `npm run generate` (or `npm run cdk-construct -- --out DIR`): do not edit.
import * as cdk from 'aws-cdk-lib';
import type { Construct } from 'constructs';

/**
 * Resource Type definition for AWS::Connect::User
 *
 * @schema AWS::Connect::User
 */
export interface CfnUserProps {
  /**
   * The identifier of the Amazon Connect instance. Changing it replaces the user: Amazon Connect has no API to move a user to another instance. A list request may leave it out to list the users of every ACTIVE instance of the Region.
   *
   * @schema AWS::Connect::User#InstanceArn
   */
  readonly instanceArn: string;

  /**
   * The identifier of the user account in the directory used for identity management. It cannot be updated: a change fails with NotUpdatable (Amazon Connect has no API to change it; create a new user, with another Username or logical ID, to use another directory user). Removing it from the template changes nothing.
   *
   * @schema AWS::Connect::User#DirectoryUserId
   */
  readonly directoryUserId?: string;

  /**
   * The identifier of the hierarchy group for the user.
   *
   * @schema AWS::Connect::User#HierarchyGroupArn
   */
  readonly hierarchyGroupArn?: string;

  /**
   * The user name for the account. Changing it replaces the user: Amazon Connect has no API to rename a user.
   *
   * @schema AWS::Connect::User#Username
   */
  readonly username: string;

  /**
   * The password for the user account. A password is required if you are using Amazon Connect for identity management. Otherwise, it is an error to include a password. Write-only: never returned by read, list or Fn::GetAtt, and never logged. It cannot be updated: a change fails with NotUpdatable (Amazon Connect has no API to change it through CloudFormation; reset the password in the Amazon Connect console). Removing it from the template changes nothing.
   *
   * @schema AWS::Connect::User#Password
   */
  readonly password?: string;

  /**
   * The identifier of the routing profile for the user.
   *
   * @schema AWS::Connect::User#RoutingProfileArn
   */
  readonly routingProfileArn: string;

  /**
   * The information about the identity of the user.
   *
   * @schema AWS::Connect::User#IdentityInfo
   */
  readonly identityInfo?: UserIdentityInfo;

  /**
   * The phone settings for the user: { PhoneType, DeskPhoneNumber, AutoAccept, AfterContactWorkTimeLimit, PersistentConnection }. A desk phone's number is DeskPhoneNumber (not PhoneNumber). Optional: without it the user gets Amazon Connect's defaults (SOFT_PHONE, no auto-accept, ACW 0, no persistent connection), or what the per-channel lists say. Read always returns it, with the live VOICE values.
   *
   * @schema AWS::Connect::User#PhoneConfig
   */
  readonly phoneConfig?: UserPhoneConfig;

  /**
   * Auto-accept per channel, at most one entry per channel. Channels the list leaves out are set to false, except VOICE, which takes PhoneConfig.AutoAccept. PhoneConfig.AutoAccept and a VOICE entry must agree when both are set.
   *
   * @schema AWS::Connect::User#AutoAcceptConfigs
   */
  readonly autoAcceptConfigs?: AutoAcceptConfig[];

  /**
   * The after contact work (ACW) timeout per channel, at most one entry per channel. Channels the list leaves out take PhoneConfig.AfterContactWorkTimeLimit (0 when that is not set), as Amazon Connect applies it to every channel. PhoneConfig.AfterContactWorkTimeLimit and a VOICE entry must agree when both are set.
   *
   * @schema AWS::Connect::User#AfterContactWorkConfigs
   */
  readonly afterContactWorkConfigs?: AfterContactWorkConfigPerChannel[];

  /**
   * The phone type and desk number of the VOICE channel (one entry). It must agree with PhoneConfig.PhoneType and PhoneConfig.DeskPhoneNumber, which describe the same VOICE settings.
   *
   * @schema AWS::Connect::User#PhoneNumberConfigs
   */
  readonly phoneNumberConfigs?: PhoneNumberConfig[];

  /**
   * Persistent connection of the VOICE channel (one entry). PhoneConfig.PersistentConnection and the entry must agree when both are set.
   *
   * @schema AWS::Connect::User#PersistentConnectionConfigs
   */
  readonly persistentConnectionConfigs?: PersistentConnectionConfig[];

  /**
   * The voice enhancement mode of the VOICE channel (one entry). Removing the entry sets the mode back to NONE.
   *
   * @schema AWS::Connect::User#VoiceEnhancementConfigs
   */
  readonly voiceEnhancementConfigs?: VoiceEnhancementConfig[];

  /**
   * One or more security profile arns for the user
   *
   * @schema AWS::Connect::User#SecurityProfileArns
   */
  readonly securityProfileArns: string[];

  /**
   * The Amazon Resource Name (ARN) for the user.
   *
   * @schema AWS::Connect::User#UserArn
   */
  readonly userArn?: string;

  /**
   * One or more tags.
   *
   * @schema AWS::Connect::User#Tags
   */
  readonly tags?: Tag[];

  /**
   * The user's proficiencies, each { AttributeName, AttributeValue, Level } (a predefined attribute of the instance, one of its values, and a level 1 to 5), at most one per attribute value. At most 100 (the Amazon Connect admin website assigns up to 10 per agent).
   *
   * @schema AWS::Connect::User#UserProficiencies
   */
  readonly userProficiencies?: UserProficiency[];
}

/**
 * Converts an object of type 'CfnUserProps' to JSON representation.
 */
/* eslint-disable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */
export function toJson_CfnUserProps(obj: CfnUserProps | undefined): Record<string, any> | undefined {
  if (obj === undefined) { return undefined; }
  const result = {
    'InstanceArn': obj.instanceArn,
    'DirectoryUserId': obj.directoryUserId,
    'HierarchyGroupArn': obj.hierarchyGroupArn,
    'Username': obj.username,
    'Password': obj.password,
    'RoutingProfileArn': obj.routingProfileArn,
    'IdentityInfo': toJson_UserIdentityInfo(obj.identityInfo),
    'PhoneConfig': toJson_UserPhoneConfig(obj.phoneConfig),
    'AutoAcceptConfigs': obj.autoAcceptConfigs?.map(y => toJson_AutoAcceptConfig(y)),
    'AfterContactWorkConfigs': obj.afterContactWorkConfigs?.map(y => toJson_AfterContactWorkConfigPerChannel(y)),
    'PhoneNumberConfigs': obj.phoneNumberConfigs?.map(y => toJson_PhoneNumberConfig(y)),
    'PersistentConnectionConfigs': obj.persistentConnectionConfigs?.map(y => toJson_PersistentConnectionConfig(y)),
    'VoiceEnhancementConfigs': obj.voiceEnhancementConfigs?.map(y => toJson_VoiceEnhancementConfig(y)),
    'SecurityProfileArns': obj.securityProfileArns?.map(y => y),
    'UserArn': obj.userArn,
    'Tags': obj.tags?.map(y => toJson_Tag(y)),
    'UserProficiencies': obj.userProficiencies?.map(y => toJson_UserProficiency(y)),
  };
  // filter undefined values
  return Object.entries(result).reduce((r, i) => (i[1] === undefined) ? r : ({ ...r, [i[0]]: i[1] }), {});
}
/* eslint-enable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */

/**
 * Contains information about the identity of a user.
 *
 * @schema UserIdentityInfo
 */
export interface UserIdentityInfo {
  /**
   * @schema UserIdentityInfo#FirstName
   */
  readonly firstName?: string;

  /**
   * @schema UserIdentityInfo#LastName
   */
  readonly lastName?: string;

  /**
   * @schema UserIdentityInfo#Email
   */
  readonly email?: string;

  /**
   * @schema UserIdentityInfo#SecondaryEmail
   */
  readonly secondaryEmail?: string;

  /**
   * @schema UserIdentityInfo#Mobile
   */
  readonly mobile?: string;
}

/**
 * Converts an object of type 'UserIdentityInfo' to JSON representation.
 */
/* eslint-disable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */
export function toJson_UserIdentityInfo(obj: UserIdentityInfo | undefined): Record<string, any> | undefined {
  if (obj === undefined) { return undefined; }
  const result = {
    'FirstName': obj.firstName,
    'LastName': obj.lastName,
    'Email': obj.email,
    'SecondaryEmail': obj.secondaryEmail,
    'Mobile': obj.mobile,
  };
  // filter undefined values
  return Object.entries(result).reduce((r, i) => (i[1] === undefined) ? r : ({ ...r, [i[0]]: i[1] }), {});
}
/* eslint-enable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */

/**
 * The VOICE channel's phone settings, and the after contact work timeout of every channel. Its members are PhoneType (SOFT_PHONE or DESK_PHONE), DeskPhoneNumber (E.164, required with DESK_PHONE; not PhoneNumber), AutoAccept, AfterContactWorkTimeLimit (seconds) and PersistentConnection. Optional, like every member: a member left out takes Amazon Connect's default (SOFT_PHONE, no auto-accept, ACW 0, no persistent connection), or the per-channel list that covers it. Read always returns it, with the user's live VOICE values.
 *
 * @schema UserPhoneConfig
 */
export interface UserPhoneConfig {
  /**
   * @schema UserPhoneConfig#AfterContactWorkTimeLimit
   */
  readonly afterContactWorkTimeLimit?: number;

  /**
   * @schema UserPhoneConfig#AutoAccept
   */
  readonly autoAccept?: boolean;

  /**
   * @schema UserPhoneConfig#DeskPhoneNumber
   */
  readonly deskPhoneNumber?: string;

  /**
   * @schema UserPhoneConfig#PhoneType
   */
  readonly phoneType?: PhoneType;

  /**
   * @schema UserPhoneConfig#PersistentConnection
   */
  readonly persistentConnection?: boolean;
}

/**
 * Converts an object of type 'UserPhoneConfig' to JSON representation.
 */
/* eslint-disable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */
export function toJson_UserPhoneConfig(obj: UserPhoneConfig | undefined): Record<string, any> | undefined {
  if (obj === undefined) { return undefined; }
  const result = {
    'AfterContactWorkTimeLimit': obj.afterContactWorkTimeLimit,
    'AutoAccept': obj.autoAccept,
    'DeskPhoneNumber': obj.deskPhoneNumber,
    'PhoneType': obj.phoneType,
    'PersistentConnection': obj.persistentConnection,
  };
  // filter undefined values
  return Object.entries(result).reduce((r, i) => (i[1] === undefined) ? r : ({ ...r, [i[0]]: i[1] }), {});
}
/* eslint-enable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */

/**
 * Auto-accept for one channel: available agents are connected to contacts of the channel without accepting them.
 *
 * @schema AutoAcceptConfig
 */
export interface AutoAcceptConfig {
  /**
   * @schema AutoAcceptConfig#Channel
   */
  readonly channel: Channel;

  /**
   * Whether contacts of this channel are accepted automatically.
   *
   * @schema AutoAcceptConfig#AutoAccept
   */
  readonly autoAccept: boolean;

  /**
   * Whether agent-first callbacks are accepted automatically. VOICE entry only.
   *
   * @schema AutoAcceptConfig#AgentFirstCallbackAutoAccept
   */
  readonly agentFirstCallbackAutoAccept?: boolean;
}

/**
 * Converts an object of type 'AutoAcceptConfig' to JSON representation.
 */
/* eslint-disable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */
export function toJson_AutoAcceptConfig(obj: AutoAcceptConfig | undefined): Record<string, any> | undefined {
  if (obj === undefined) { return undefined; }
  const result = {
    'Channel': obj.channel,
    'AutoAccept': obj.autoAccept,
    'AgentFirstCallbackAutoAccept': obj.agentFirstCallbackAutoAccept,
  };
  // filter undefined values
  return Object.entries(result).reduce((r, i) => (i[1] === undefined) ? r : ({ ...r, [i[0]]: i[1] }), {});
}
/* eslint-enable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */

/**
 * The after contact work (ACW) timeout of one channel.
 *
 * @schema AfterContactWorkConfigPerChannel
 */
export interface AfterContactWorkConfigPerChannel {
  /**
   * @schema AfterContactWorkConfigPerChannel#Channel
   */
  readonly channel: Channel;

  /**
   * The ACW settings of this channel.
   *
   * @schema AfterContactWorkConfigPerChannel#AfterContactWorkConfig
   */
  readonly afterContactWorkConfig: AfterContactWorkConfig;

  /**
   * The ACW settings for agent-first callbacks. VOICE entry only.
   *
   * @schema AfterContactWorkConfigPerChannel#AgentFirstCallbackAfterContactWorkConfig
   */
  readonly agentFirstCallbackAfterContactWorkConfig?: AfterContactWorkConfig;
}

/**
 * Converts an object of type 'AfterContactWorkConfigPerChannel' to JSON representation.
 */
/* eslint-disable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */
export function toJson_AfterContactWorkConfigPerChannel(obj: AfterContactWorkConfigPerChannel | undefined): Record<string, any> | undefined {
  if (obj === undefined) { return undefined; }
  const result = {
    'Channel': obj.channel,
    'AfterContactWorkConfig': toJson_AfterContactWorkConfig(obj.afterContactWorkConfig),
    'AgentFirstCallbackAfterContactWorkConfig': toJson_AfterContactWorkConfig(obj.agentFirstCallbackAfterContactWorkConfig),
  };
  // filter undefined values
  return Object.entries(result).reduce((r, i) => (i[1] === undefined) ? r : ({ ...r, [i[0]]: i[1] }), {});
}
/* eslint-enable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */

/**
 * The phone type and desk phone number of the VOICE channel.
 *
 * @schema PhoneNumberConfig
 */
export interface PhoneNumberConfig {
  /**
   * The channel: a phone number applies to VOICE only.
   *
   * @schema PhoneNumberConfig#Channel
   */
  readonly channel: PhoneNumberConfigChannel;

  /**
   * @schema PhoneNumberConfig#PhoneType
   */
  readonly phoneType: PhoneType;

  /**
   * The desk phone number, in E.164 format (for example +14155550100). Required when PhoneType is DESK_PHONE; not allowed with SOFT_PHONE.
   *
   * @schema PhoneNumberConfig#PhoneNumber
   */
  readonly phoneNumber?: string;
}

/**
 * Converts an object of type 'PhoneNumberConfig' to JSON representation.
 */
/* eslint-disable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */
export function toJson_PhoneNumberConfig(obj: PhoneNumberConfig | undefined): Record<string, any> | undefined {
  if (obj === undefined) { return undefined; }
  const result = {
    'Channel': obj.channel,
    'PhoneType': obj.phoneType,
    'PhoneNumber': obj.phoneNumber,
  };
  // filter undefined values
  return Object.entries(result).reduce((r, i) => (i[1] === undefined) ? r : ({ ...r, [i[0]]: i[1] }), {});
}
/* eslint-enable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */

/**
 * The persistent connection setting of the VOICE channel.
 *
 * @schema PersistentConnectionConfig
 */
export interface PersistentConnectionConfig {
  /**
   * The channel: persistent connection applies to VOICE only.
   *
   * @schema PersistentConnectionConfig#Channel
   */
  readonly channel: PersistentConnectionConfigChannel;

  /**
   * Whether the agent's connection stays open between calls.
   *
   * @schema PersistentConnectionConfig#PersistentConnection
   */
  readonly persistentConnection: boolean;
}

/**
 * Converts an object of type 'PersistentConnectionConfig' to JSON representation.
 */
/* eslint-disable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */
export function toJson_PersistentConnectionConfig(obj: PersistentConnectionConfig | undefined): Record<string, any> | undefined {
  if (obj === undefined) { return undefined; }
  const result = {
    'Channel': obj.channel,
    'PersistentConnection': obj.persistentConnection,
  };
  // filter undefined values
  return Object.entries(result).reduce((r, i) => (i[1] === undefined) ? r : ({ ...r, [i[0]]: i[1] }), {});
}
/* eslint-enable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */

/**
 * The voice enhancement mode of the VOICE channel.
 *
 * @schema VoiceEnhancementConfig
 */
export interface VoiceEnhancementConfig {
  /**
   * The channel: voice enhancement applies to VOICE only.
   *
   * @schema VoiceEnhancementConfig#Channel
   */
  readonly channel: VoiceEnhancementConfigChannel;

  /**
   * VOICE_ISOLATION, NOISE_SUPPRESSION or NONE.
   *
   * @schema VoiceEnhancementConfig#VoiceEnhancementMode
   */
  readonly voiceEnhancementMode: VoiceEnhancementConfigVoiceEnhancementMode;
}

/**
 * Converts an object of type 'VoiceEnhancementConfig' to JSON representation.
 */
/* eslint-disable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */
export function toJson_VoiceEnhancementConfig(obj: VoiceEnhancementConfig | undefined): Record<string, any> | undefined {
  if (obj === undefined) { return undefined; }
  const result = {
    'Channel': obj.channel,
    'VoiceEnhancementMode': obj.voiceEnhancementMode,
  };
  // filter undefined values
  return Object.entries(result).reduce((r, i) => (i[1] === undefined) ? r : ({ ...r, [i[0]]: i[1] }), {});
}
/* eslint-enable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */

/**
 * A key-value pair to associate with a resource.
 *
 * @schema Tag
 */
export interface Tag {
  /**
   * The key name of the tag: 1 to 128 Unicode letters, digits, spaces and _ . : / = + - @, not starting with aws:, as Amazon Connect accepts.
   *
   * @schema Tag#Key
   */
  readonly key: string;

  /**
   * The value for the tag. You can specify a value that is maximum of 256 Unicode characters in length and cannot be prefixed with aws:. You can use any of the following characters: the set of Unicode letters, digits, whitespace, _, ., /, =, +, and -.
   *
   * @schema Tag#Value
   */
  readonly value: string;
}

/**
 * Converts an object of type 'Tag' to JSON representation.
 */
/* eslint-disable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */
export function toJson_Tag(obj: Tag | undefined): Record<string, any> | undefined {
  if (obj === undefined) { return undefined; }
  const result = {
    'Key': obj.key,
    'Value': obj.value,
  };
  // filter undefined values
  return Object.entries(result).reduce((r, i) => (i[1] === undefined) ? r : ({ ...r, [i[0]]: i[1] }), {});
}
/* eslint-enable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */

/**
 * One proficiency: { AttributeName, AttributeValue, Level }, all three required. AttributeName is a predefined attribute of the instance, AttributeValue one of its values, Level 1 to 5.
 *
 * @schema UserProficiency
 */
export interface UserProficiency {
  /**
   * @schema UserProficiency#AttributeName
   */
  readonly attributeName: string;

  /**
   * @schema UserProficiency#AttributeValue
   */
  readonly attributeValue: string;

  /**
   * @schema UserProficiency#Level
   */
  readonly level: number;
}

/**
 * Converts an object of type 'UserProficiency' to JSON representation.
 */
/* eslint-disable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */
export function toJson_UserProficiency(obj: UserProficiency | undefined): Record<string, any> | undefined {
  if (obj === undefined) { return undefined; }
  const result = {
    'AttributeName': obj.attributeName,
    'AttributeValue': obj.attributeValue,
    'Level': obj.level,
  };
  // filter undefined values
  return Object.entries(result).reduce((r, i) => (i[1] === undefined) ? r : ({ ...r, [i[0]]: i[1] }), {});
}
/* eslint-enable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */

/**
 * The phone type.
 *
 * @schema PhoneType
 */
export enum PhoneType {
  /** SOFT_PHONE */
  SOFT_UNDERSCORE_PHONE = "SOFT_PHONE",
  /** DESK_PHONE */
  DESK_UNDERSCORE_PHONE = "DESK_PHONE",
}

/**
 * A channel agents handle: VOICE, CHAT, TASK or EMAIL.
 *
 * @schema Channel
 */
export enum Channel {
  /** VOICE */
  VOICE = "VOICE",
  /** CHAT */
  CHAT = "CHAT",
  /** TASK */
  TASK = "TASK",
  /** EMAIL */
  EMAIL = "EMAIL",
}

/**
 * After contact work (ACW) settings.
 *
 * @schema AfterContactWorkConfig
 */
export interface AfterContactWorkConfig {
  /**
   * The ACW timeout, in seconds: 0 to 2,000,000 (24 days), 0 meaning no limit (the agent ends ACW by choosing Close contact).
   *
   * @schema AfterContactWorkConfig#AfterContactWorkTimeLimit
   */
  readonly afterContactWorkTimeLimit: number;
}

/**
 * Converts an object of type 'AfterContactWorkConfig' to JSON representation.
 */
/* eslint-disable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */
export function toJson_AfterContactWorkConfig(obj: AfterContactWorkConfig | undefined): Record<string, any> | undefined {
  if (obj === undefined) { return undefined; }
  const result = {
    'AfterContactWorkTimeLimit': obj.afterContactWorkTimeLimit,
  };
  // filter undefined values
  return Object.entries(result).reduce((r, i) => (i[1] === undefined) ? r : ({ ...r, [i[0]]: i[1] }), {});
}
/* eslint-enable max-len, @stylistic/max-len, quote-props, @stylistic/quote-props */

/**
 * The channel: a phone number applies to VOICE only.
 *
 * @schema PhoneNumberConfigChannel
 */
export enum PhoneNumberConfigChannel {
  /** VOICE */
  VOICE = "VOICE",
}

/**
 * The channel: persistent connection applies to VOICE only.
 *
 * @schema PersistentConnectionConfigChannel
 */
export enum PersistentConnectionConfigChannel {
  /** VOICE */
  VOICE = "VOICE",
}

/**
 * The channel: voice enhancement applies to VOICE only.
 *
 * @schema VoiceEnhancementConfigChannel
 */
export enum VoiceEnhancementConfigChannel {
  /** VOICE */
  VOICE = "VOICE",
}

/**
 * VOICE_ISOLATION, NOISE_SUPPRESSION or NONE.
 *
 * @schema VoiceEnhancementConfigVoiceEnhancementMode
 */
export enum VoiceEnhancementConfigVoiceEnhancementMode {
  /** VOICE_ISOLATION */
  VOICE_UNDERSCORE_ISOLATION = "VOICE_ISOLATION",
  /** NOISE_SUPPRESSION */
  NOISE_UNDERSCORE_SUPPRESSION = "NOISE_SUPPRESSION",
  /** NONE */
  NONE = "NONE",
}

/**
 * A CloudFormation `AWS::Connect::User`, registered in this account from this project.
 *
 * Resource Type definition for AWS::Connect::User
 */
export class CfnUser extends cdk.CfnResource implements cdk.ITaggable {
    public static readonly CFN_RESOURCE_TYPE_NAME = 'AWS::Connect::User';

    /** The tags of the resource: its `tags` prop, and what `Tags.of()` adds. */
    public readonly tags: cdk.TagManager;
    private readonly props: CfnUserProps;

    constructor(scope: Construct, id: string, props: CfnUserProps) {
        super(scope, id, { type: CfnUser.CFN_RESOURCE_TYPE_NAME });
        for (const name of ["instanceArn","routingProfileArn","securityProfileArns","username"] as const) {
            if ((props as any)?.[name] === undefined) throw new Error(`CfnUser ${id}: ${name} is required (InstanceArn, RoutingProfileArn, SecurityProfileArns, Username)`);
        }
        this.props = props;
        this.tags = new cdk.TagManager(cdk.TagType.STANDARD, CfnUser.CFN_RESOURCE_TYPE_NAME, props.tags, { tagPropertyName: 'tags' });
    }

    /** `UserArn`, known once the resource exists (Fn::GetAtt). */
    public get attrUserArn(): string {
        return cdk.Token.asString(this.getAtt('UserArn'));
    }

    protected get cfnProperties(): Record<string, any> {
        return { ...this.props, tags: this.tags.renderTags() };
    }

    protected renderProperties(props: Record<string, any>): Record<string, any> {
        return toJson_CfnUserProps(props as CfnUserProps) ?? {};
    }
}
