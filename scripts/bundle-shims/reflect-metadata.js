// In the bundle, the reflect-metadata polyfill (a full implementation of the proposal, with its
// own Map and WeakMap emulation and provider registry) is replaced by its API on plain WeakMap
// and Map: metadata kept per object and property key, looked up along the prototype chain.
// Nothing in the bundle emits design-time type metadata. The whole API is there, so a real
// reflect-metadata loaded later in the same process takes it as an existing implementation.
if (typeof Reflect.getMetadata !== 'function') {
    const store = new WeakMap();
    const table = (target, property, create) => {
        let byProperty = store.get(target);
        if (!byProperty && create) store.set(target, (byProperty = new Map()));
        let entries = byProperty?.get(property);
        if (!entries && create) byProperty.set(property, (entries = new Map()));
        return entries;
    };
    const getOwnMetadata = (key, target, property) => table(target, property, false)?.get(key);
    const hasOwnMetadata = (key, target, property) => table(target, property, false)?.has(key) ?? false;
    const defineMetadata = (key, value, target, property) => void table(target, property, true).set(key, value);
    const getMetadata = (key, target, property) => {
        for (let object = target; object !== null && object !== undefined; object = Object.getPrototypeOf(object)) {
            if (hasOwnMetadata(key, object, property)) return getOwnMetadata(key, object, property);
        }
        return undefined;
    };
    const getOwnMetadataKeys = (target, property) => [...(table(target, property, false)?.keys() ?? [])];
    const getMetadataKeys = (target, property) => {
        const keys = new Set();
        for (let object = target; object !== null && object !== undefined; object = Object.getPrototypeOf(object)) {
            for (const key of getOwnMetadataKeys(object, property)) keys.add(key);
        }
        return [...keys];
    };
    Object.assign(Reflect, {
        defineMetadata,
        getMetadata,
        getOwnMetadata,
        hasOwnMetadata,
        getOwnMetadataKeys,
        getMetadataKeys,
        deleteMetadata: (key, target, property) => table(target, property, false)?.delete(key) ?? false,
        hasMetadata: (key, target, property) => getMetadata(key, target, property) !== undefined,
        metadata: (key, value) => (target, property) => defineMetadata(key, value, target, property),
    });
}
