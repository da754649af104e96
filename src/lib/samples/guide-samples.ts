/**
 * Code samples of the guides, built from the environment so that no URL is typed into the MDX.
 * Every group offers the same languages (the `SampleSet` type of ./languages.ts enforces it), so
 * the synced language tabs always have something to switch to.
 */
import type { Environment } from '../../config/environments.ts';
import { shellQuote, type SampleSet } from './languages.ts';

/** A protected call every sample ends with: search ALA user accounts (needs `users/read`). */
export function protectedExample(env: Environment) {
  return { url: `${env.services['user-details'].api}/userDetails/search`, query: 'smith', scope: 'users/read' };
}

export function bearerSamples(env: Environment): SampleSet {
  const call = protectedExample(env);
  return {
    shell: `curl "${call.url}?q=${call.query}" \\
  -H "Authorization: Bearer $ACCESS_TOKEN"`,
    python: `import os
import requests

response = requests.get(
    "${call.url}",
    params={"q": "${call.query}"},
    headers={"Authorization": f"Bearer {os.environ['ACCESS_TOKEN']}"},
    timeout=30,
)
response.raise_for_status()
print(response.json())`,
    r: `library(httr2)

users <- request("${call.url}") |>
  req_url_query(q = "${call.query}") |>
  req_auth_bearer_token(Sys.getenv("ACCESS_TOKEN")) |>
  req_perform() |>
  resp_body_json()`,
  };
}

export function discoverySamples(env: Environment): SampleSet {
  const url = env.oidc.discovery;
  return {
    shell: `# The provider's metadata: endpoints, supported scopes and claims, signing keys
curl -s "${url}" \\
  | jq '{issuer, authorization_endpoint, token_endpoint, jwks_uri, scopes_supported}'`,
    python: `import requests

metadata = requests.get("${url}", timeout=30).json()
print(metadata["issuer"])
print(metadata["authorization_endpoint"])
print(metadata["token_endpoint"])
print(metadata["scopes_supported"])`,
    r: `library(httr2)

metadata <- request("${url}") |>
  req_perform() |>
  resp_body_json()
metadata$token_endpoint`,
  };
}

export interface ClientCredentialsInputs {
  tokenUrl: string;
  /** A protected operation to call with the token. */
  callUrl: string;
  clientId?: string | undefined;
  scope?: string | undefined;
}

/**
 * The client-credentials commands for given inputs. The secret is never an input: every sample
 * reads it from the environment variable ALA_CLIENT_SECRET when it runs.
 */
export function clientCredentialsCode(inputs: ClientCredentialsInputs): SampleSet {
  const { tokenUrl: token, callUrl } = inputs;
  const clientId = inputs.clientId?.trim() || 'your-client-id';
  const scope = inputs.scope?.trim().replace(/\s+/g, ' ') || 'users/read';
  const pyQuote = (v: string) => JSON.stringify(v);
  return {
    shell: `CLIENT_ID=${shellQuote(clientId)}
SCOPE=${shellQuote(scope)}   # space-separated scopes approved for your client
# The secret comes from your environment: export ALA_CLIENT_SECRET=... (never commit it)

# 1. Exchange the client ID and secret for an access token (HTTP Basic authentication)
ACCESS_TOKEN=$(curl -s -X POST "${token}" \\
  -u "$CLIENT_ID:$ALA_CLIENT_SECRET" \\
  -d grant_type=client_credentials \\
  --data-urlencode "scope=$SCOPE" | jq -r .access_token)

# 2. Call a protected API with the token
curl "${callUrl}?q=smith" \\
  -H "Authorization: Bearer $ACCESS_TOKEN"`,
    python: `import os
import requests

# 1. Exchange the client ID and secret for an access token (HTTP Basic authentication)
token_response = requests.post(
    "${token}",
    auth=(${pyQuote(clientId)}, os.environ["ALA_CLIENT_SECRET"]),
    data={"grant_type": "client_credentials", "scope": ${pyQuote(scope)}},
    timeout=30,
)
token_response.raise_for_status()
access_token = token_response.json()["access_token"]

# 2. Call a protected API with the token
response = requests.get(
    "${callUrl}",
    params={"q": "smith"},
    headers={"Authorization": f"Bearer {access_token}"},
    timeout=30,
)
response.raise_for_status()
print(response.json())`,
    r: `library(httr2)

# 1. Exchange the client ID and secret for an access token (HTTP Basic authentication)
token <- request("${token}") |>
  req_auth_basic(${pyQuote(clientId)}, Sys.getenv("ALA_CLIENT_SECRET")) |>
  req_body_form(grant_type = "client_credentials", scope = ${pyQuote(scope)}) |>
  req_perform() |>
  resp_body_json()

# 2. Call a protected API with the token
users <- request("${callUrl}") |>
  req_url_query(q = "smith") |>
  req_auth_bearer_token(token$access_token) |>
  req_perform() |>
  resp_body_json()`,
  };
}

export function clientCredentialsSamples(env: Environment): SampleSet {
  return clientCredentialsCode({ tokenUrl: env.oidc.token, callUrl: protectedExample(env).url });
}

export function authorizationCodeSamples(env: Environment): SampleSet {
  const { authorize, token } = env.oidc;
  const call = protectedExample(env);
  return {
    shell: `CLIENT_ID="your-client-id"
REDIRECT_URI="http://localhost:8080/callback"   # registered with your client

# 1. A fresh PKCE code verifier, its S256 challenge, and a state value
CODE_VERIFIER=$(openssl rand -base64 64 | tr -d '\\n=+/' | cut -c1-64)
CODE_CHALLENGE=$(printf '%s' "$CODE_VERIFIER" | openssl dgst -sha256 -binary \\
  | openssl base64 -A | tr '+/' '-_' | tr -d '=')
STATE=$(openssl rand -hex 16)

# 2. Open this URL in a browser and sign in. ALA sends the browser back to
#    REDIRECT_URI?code=...&state=... — check that state equals $STATE.
echo "${authorize}?response_type=code&client_id=$CLIENT_ID&scope=openid%20profile&state=$STATE\\
&code_challenge=$CODE_CHALLENGE&code_challenge_method=S256\\
&redirect_uri=$(jq -rn --arg u "$REDIRECT_URI" '$u|@uri')"

# 3. Exchange the code for tokens, proving possession of the verifier
CODE="the-code-from-the-redirect"
curl -s -X POST "${token}" \\
  -d grant_type=authorization_code \\
  --data-urlencode "code=$CODE" \\
  --data-urlencode "redirect_uri=$REDIRECT_URI" \\
  --data-urlencode "client_id=$CLIENT_ID" \\
  --data-urlencode "code_verifier=$CODE_VERIFIER"`,
    python: `import base64
import hashlib
import secrets
import urllib.parse
import webbrowser

import requests

CLIENT_ID = "your-client-id"
REDIRECT_URI = "http://localhost:8080/callback"  # registered with your client

# 1. A fresh PKCE code verifier, its S256 challenge, and a state value
verifier = secrets.token_urlsafe(64)
challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
state = secrets.token_urlsafe(16)

# 2. Sign in in the browser, then paste the URL it was sent back to
webbrowser.open("${authorize}?" + urllib.parse.urlencode({
    "response_type": "code",
    "client_id": CLIENT_ID,
    "redirect_uri": REDIRECT_URI,
    "scope": "openid profile",
    "state": state,
    "code_challenge": challenge,
    "code_challenge_method": "S256",
}))
returned = urllib.parse.parse_qs(urllib.parse.urlparse(input("Redirected to: ")).query)
if returned.get("state") != [state]:
    raise SystemExit("state does not match: do not use this code")

# 3. Exchange the code for tokens, proving possession of the verifier
tokens = requests.post(
    "${token}",
    data={
        "grant_type": "authorization_code",
        "code": returned["code"][0],
        "redirect_uri": REDIRECT_URI,
        "client_id": CLIENT_ID,
        "code_verifier": verifier,
    },
    timeout=30,
)
tokens.raise_for_status()
access_token = tokens.json()["access_token"]`,
    r: `library(httr2)

# httr2 runs the whole flow: PKCE, the browser sign-in, state check and code exchange
client <- oauth_client(id = "your-client-id", token_url = "${token}")

users <- request("${call.url}") |>
  req_url_query(q = "${call.query}") |>
  req_oauth_auth_code(
    client,
    auth_url = "${authorize}",
    scope = "openid profile ${call.scope}",
    pkce = TRUE,
    redirect_uri = "http://localhost:1410/"  # registered with your client
  ) |>
  req_perform() |>
  resp_body_json()`,
  };
}

export function implicitSamples(env: Environment): SampleSet {
  const { authorize } = env.oidc;
  return {
    shell: `CLIENT_ID="your-client-id"
REDIRECT_URI="http://localhost:8080/callback"   # registered with your client
STATE=$(openssl rand -hex 16)

# Open this URL in a browser and sign in. The token comes back in the URL fragment:
# REDIRECT_URI#access_token=...&token_type=Bearer&expires_in=...&state=...
echo "${authorize}?response_type=token&client_id=$CLIENT_ID&scope=openid%20profile\\
&state=$STATE&redirect_uri=$(jq -rn --arg u "$REDIRECT_URI" '$u|@uri')"`,
    python: `import secrets
import urllib.parse

CLIENT_ID = "your-client-id"
REDIRECT_URI = "http://localhost:8080/callback"  # registered with your client
state = secrets.token_urlsafe(16)

print("${authorize}?" + urllib.parse.urlencode({
    "response_type": "token",
    "client_id": CLIENT_ID,
    "redirect_uri": REDIRECT_URI,
    "scope": "openid profile",
    "state": state,
}))
# The browser returns to REDIRECT_URI#access_token=...&state=...: read the fragment
fragment = urllib.parse.parse_qs(urllib.parse.urlparse(input("Redirected to: ")).fragment)
if fragment.get("state") != [state]:
    raise SystemExit("state does not match: discard this token")
access_token = fragment["access_token"][0]`,
    r: `library(httr2)

state <- paste(sample(c(letters, 0:9), 32, replace = TRUE), collapse = "")
url <- url_modify("${authorize}", query = list(
  response_type = "token",
  client_id = "your-client-id",
  redirect_uri = "http://localhost:8080/callback",  # registered with your client
  scope = "openid profile",
  state = state
))
utils::browseURL(url)
# The browser returns to the redirect URI with #access_token=...&state=... in the fragment`,
  };
}

/** An open (no token) call: count the records of the red fox, Vulpes vulpes. */
export function openAccessSamples(env: Environment): SampleSet {
  const url = `${env.services.occurrences.api}/occurrences/search`;
  const q = 'taxonConceptID:"https://biodiversity.org.au/afd/taxa/2869ce8a-8212-46c2-8327-dfb7fabb8296"';
  return {
    shell: `curl -s -G "${url}" \\
  --data-urlencode '${'q=' + q}' \\
  -d pageSize=0 | jq .totalRecords`,
    python: `import requests

response = requests.get(
    "${url}",
    params={"q": '${q}', "pageSize": 0},
    timeout=30,
)
response.raise_for_status()
print(response.json()["totalRecords"])`,
    r: `# With galah: galah_call() |> identify("Vulpes vulpes") |> atlas_counts()
library(httr2)

result <- request("${url}") |>
  req_url_query(q = '${q}', pageSize = 0) |>
  req_perform() |>
  resp_body_json()
result$totalRecords`,
  };
}
