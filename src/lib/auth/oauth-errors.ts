/**
 * Failures of a step of the OAuth flow (discovery, authorization, token, refresh), in words a
 * reader can act on. Every error the token helper shows goes through `explainError`, so the
 * wording lives in one place.
 */
import * as oauth from 'oauth4webapi';

/** The steps of the flow, named after the request that failed. */
export type OAuthStep = 'discovery' | 'authorization' | 'token' | 'refresh';

export class OAuthStepError extends Error {
  override name = 'OAuthStepError';
  readonly title: string;
  readonly detail: string;

  constructor(title: string, detail: string) {
    super(`${title}: ${detail}`);
    this.title = title;
    this.detail = detail;
  }
}

export interface ErrorContext {
  /** What was being done: which request failed. */
  step: OAuthStep;
  /** The URL that was being called, when there was one. */
  url?: string | undefined;
  /** This site's origin, which the provider must allow for CORS. */
  origin: string;
}

function described(code: string, description: unknown): string {
  return typeof description === 'string' && description ? `${code}: ${description}` : code;
}

export function explainError(error: unknown, context: ErrorContext): OAuthStepError {
  if (error instanceof OAuthStepError) return error;

  if (error instanceof oauth.AuthorizationResponseError) {
    const { error: code, error_description: description } = error;
    const hint =
      code === 'access_denied'
        ? 'The sign-in was cancelled or consent was refused. Start again if you want a token.'
        : code === 'invalid_scope'
          ? 'Ask only for scopes your client is approved for (see the scope list above), or ask ALA support to approve them.'
          : code === 'unauthorized_client' || code === 'invalid_client'
            ? 'Check the client ID, and that this page\'s URL is registered as a redirect URI of that client.'
            : 'Check the client ID, scopes and redirect URI, then try again.';
    return new OAuthStepError('The provider refused the sign-in', `${described(code, description)}. ${hint}`);
  }

  if (error instanceof oauth.ResponseBodyError) {
    const { error: code, error_description: description } = error;
    const hint =
      code === 'invalid_grant'
        ? context.step === 'refresh'
          ? 'The refresh token is no longer valid: sign in again.'
          : 'The code was already used, has expired, or the code verifier did not match. Start the sign-in again.'
        : code === 'invalid_client' || code === 'unauthorized_client'
          ? 'This client may not use this flow without a secret: it must be registered as a public client with PKCE.'
          : 'Nothing was stored. Check the client settings and try again.';
    return new OAuthStepError('The token endpoint rejected the request', `${described(code, description)} (HTTP ${error.status}). ${hint}`);
  }

  if (error instanceof oauth.OperationProcessingError) {
    if (error.code === oauth.INVALID_RESPONSE && /state/i.test(error.message)) {
      return new OAuthStepError(
        'The sign-in response does not match this tab',
        'Its "state" value is not the one this page sent, so it may have been forged (a cross-site request forgery attempt) or belong to another tab. Nothing was exchanged and no token was stored. Start the sign-in again from this page.',
      );
    }
    if (error.code === oauth.JSON_ATTRIBUTE_COMPARISON && context.step === 'discovery') {
      return new OAuthStepError(
        'The discovery document names another issuer',
        `${error.message}. Use the discovery URL that belongs to the issuer you want (the issuer is the URL before /.well-known).`,
      );
    }
    if (error.code === oauth.JWT_TIMESTAMP_CHECK) {
      return new OAuthStepError('The ID token has expired or is not yet valid', `${error.message}. Check your computer's clock, then sign in again.`);
    }
    if (error.code === oauth.JWT_CLAIM_COMPARISON) {
      return new OAuthStepError('The ID token failed validation', `${error.message}. Nothing was stored. Sign in again.`);
    }
    return new OAuthStepError('The provider\'s response could not be used', `${error.message}. Nothing was stored.`);
  }

  if (error instanceof TypeError && context.url) {
    const target = new URL(context.url);
    return new OAuthStepError(
      context.step === 'discovery' ? 'The discovery document could not be fetched' : 'The provider could not be reached',
      `The request to ${target.origin} failed before any answer was read: the host is unreachable, or it does not allow requests from this site (CORS). The provider must allow the origin ${context.origin} for ${target.pathname}.`,
    );
  }

  const message = error instanceof Error ? error.message : String(error);
  return new OAuthStepError('Something went wrong', `${message}. Nothing was stored.`);
}
