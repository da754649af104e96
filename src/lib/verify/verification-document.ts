/**
 * The copy of an OpenAPI document that `verify:live` hands Redocly Respect to check answers
 * against: every server (of the document, its path items and operations) goes through the run's
 * proxy, and the body of an answer Respect reads as bytes — an image, a zip file — is checked by
 * its content type only, since Respect can only compare text and JSON with a schema.
 */
import { isObject, type Json } from '../openapi/json.ts';
import { forEachOperation, nestedServerHolders } from '../openapi/walk.ts';
import { proxied } from './proxy-address.ts';

/** Media types Respect reads as text (and JSON), so a schema can be checked against them. */
const isTextMedia = (mediaType: string) => /json|^text\/|xml|javascript|x-www-form-urlencoded/i.test(mediaType);

export function verificationDocument(document: Json, proxyOrigin: string): Json {
  const copy = structuredClone(document);
  const move = (holder: Json) => {
    if (!Array.isArray(holder['servers'])) return;
    holder['servers'] = holder['servers'].map((s) => (isObject(s) && typeof s['url'] === 'string' && /^https?:/.test(s['url']) ? { ...s, url: proxied(s['url'], proxyOrigin) } : s));
  };
  const bytesUnchecked = (responses: unknown) => {
    for (const response of Object.values(isObject(responses) ? responses : {})) {
      const content = isObject(response) && isObject(response['content']) ? response['content'] : {};
      for (const [mediaType, media] of Object.entries(content)) {
        if (!isTextMedia(mediaType) && isObject(media)) delete media['schema'];
      }
    }
  };
  [copy, ...nestedServerHolders(copy)].forEach(move);
  forEachOperation(copy, ({ operation }) => bytesUnchecked(operation['responses']));
  // Responses reused through $ref live here.
  bytesUnchecked(isObject(copy['components']) ? copy['components']['responses'] : undefined);
  return copy;
}
