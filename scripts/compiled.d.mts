// Types of compiled.mjs (plain JavaScript, so that bin/kg.js can read it before anything is compiled).
export declare const ROOT: string;
export declare const SRC: string;
export declare const DIST: string;
export declare const STAMP_NAME: string;
export declare function isCompiledCurrent(root?: string): boolean;
