// The SDK loads its event-stream support (a codec, CRC32 framing, marshallers: about 30 KiB that a
// cold start would parse) only for an operation with an event-stream member. Amazon Connect's API
// has none (a test reads the Connect client's schemas to hold that), and of CloudWatch Logs the
// provider calls only PutLogEvents, CreateLogStream and CreateLogGroup. Clients may be built with
// this stand-in; an operation that streams events fails with this message instead of misbehaving.
const refuse = () => {
    throw new Error('this bundle carries no event-stream support: no operation it calls streams events');
};
const refusing = new Proxy({}, { get: refuse });
exports.eventStreamSerdeProvider = () => refusing;
exports.EventStreamSerde = class EventStreamSerde {
    constructor() {
        return refusing;
    }
};
exports.resolveEventStreamSerdeConfig = (input) => Object.assign(input, { eventStreamMarshaller: input.eventStreamSerdeProvider(input) });
