// The SDK loads its event-stream support (a codec, CRC32 framing, marshallers: about 30 KiB that a
// cold start would parse) only for an operation with an event-stream member, and Amazon Connect's
// API has none: a test reads the Connect client's schemas to hold that. Should that ever change,
// such an operation fails with this message instead of misbehaving.
const refuse = () => {
    throw new Error('this bundle carries no event-stream support: no Amazon Connect operation it calls streams events');
};
Object.defineProperty(exports, 'EventStreamSerde', { get: refuse, enumerable: true });
Object.defineProperty(exports, 'eventStreamSerdeProvider', { get: refuse, enumerable: true });
