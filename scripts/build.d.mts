// Types of scripts/build.mjs, for the tests that call it.
export declare const ROOT: string;
export declare function isStale(): boolean;
export declare function build(): void;
export declare function ensureBuilt(): void;
