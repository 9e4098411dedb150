// This is a generated file. Modifications will be overwritten: edit aws-connect-user.json and run `npm run generate`.

/** AWS::Connect::User's properties, once validated: the one shape of a user inside src/. */
export interface UserProperties {
    InstanceArn?: string;
    DirectoryUserId?: string;
    HierarchyGroupArn?: string;
    Username?: string;
    Password?: string;
    RoutingProfileArn?: string;
    IdentityInfo?: UserIdentityInfo;
    PhoneConfig?: UserPhoneConfig;
    AutoAcceptConfigs?: AutoAcceptConfig[];
    AfterContactWorkConfigs?: AfterContactWorkConfigPerChannel[];
    PhoneNumberConfigs?: PhoneNumberConfig[];
    PersistentConnectionConfigs?: PersistentConnectionConfig[];
    VoiceEnhancementConfigs?: VoiceEnhancementConfig[];
    SecurityProfileArns?: string[];
    UserArn?: string;
    Tags?: Tag[];
    UserProficiencies?: UserProficiency[];
}

/** Contains information about the identity of a user. */
export interface UserIdentityInfo {
    FirstName?: string;
    LastName?: string;
    Email?: string;
    SecondaryEmail?: string;
    Mobile?: string;
}

/** The VOICE channel's phone settings, and the after contact work timeout of every channel. Its members are PhoneType (SOFT_PHONE or DESK_PHONE), DeskPhoneNumber (E.164, required with DESK_PHONE; not PhoneNumber), AutoAccept, AfterContactWorkTimeLimit (seconds) and PersistentConnection. Optional, like every member: a member left out takes Amazon Connect's default (SOFT_PHONE, no auto-accept, ACW 0, no persistent connection), or the per-channel list that covers it. Read always returns it, with the user's live VOICE values. */
export interface UserPhoneConfig {
    AfterContactWorkTimeLimit?: number;
    AutoAccept?: boolean;
    DeskPhoneNumber?: string;
    PhoneType?: string;
    PersistentConnection?: boolean;
}

/** Auto-accept for one channel: available agents are connected to contacts of the channel without accepting them. */
export interface AutoAcceptConfig {
    Channel?: string;
    AutoAccept?: boolean;
    AgentFirstCallbackAutoAccept?: boolean;
}

/** The after contact work (ACW) timeout of one channel. */
export interface AfterContactWorkConfigPerChannel {
    Channel?: string;
    AfterContactWorkConfig?: AfterContactWorkConfig;
    AgentFirstCallbackAfterContactWorkConfig?: AfterContactWorkConfig;
}

/** The phone type and desk phone number of the VOICE channel. */
export interface PhoneNumberConfig {
    Channel?: string;
    PhoneType?: string;
    PhoneNumber?: string;
}

/** The persistent connection setting of the VOICE channel. */
export interface PersistentConnectionConfig {
    Channel?: string;
    PersistentConnection?: boolean;
}

/** The voice enhancement mode of the VOICE channel. */
export interface VoiceEnhancementConfig {
    Channel?: string;
    VoiceEnhancementMode?: string;
}

/** A key-value pair to associate with a resource. */
export interface Tag {
    Key?: string;
    Value?: string;
}

/** One proficiency: { AttributeName, AttributeValue, Level }, all three required. AttributeName is a predefined attribute of the instance, AttributeValue one of its values, Level 1 to 5. */
export interface UserProficiency {
    AttributeName?: string;
    AttributeValue?: string;
    Level?: number;
}

/** After contact work (ACW) settings. */
export interface AfterContactWorkConfig {
    AfterContactWorkTimeLimit?: number;
}
