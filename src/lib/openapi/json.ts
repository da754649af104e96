/** The JSON values of a parsed OpenAPI document, and the one guard every reader of it uses. */
export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export const asString = (v: unknown): string => (typeof v === 'string' ? v : '');
