#!/usr/bin/env bash
# Serves a built site with Debian's nginx and the portal's server rules (portal.conf, and
# brotli.conf when nginx has the Brotli module), in the foreground on 127.0.0.1:<port>:
#
#   deploy/nginx/serve.sh <dist-dir> <port>
#
# nginx logs errors to stderr; its pid and temporary files live in a temporary folder, removed
# when it stops. No system path is written. Stops on SIGTERM or Ctrl+C.
set -euo pipefail

usage() {
  echo "usage: $0 <dist-dir> <port>   (e.g. $0 dist 8080)" >&2
  exit 2
}
[ $# -eq 2 ] || usage
here=$(cd "$(dirname "$0")" && pwd)
port=$2
if ! [[ $port =~ ^[0-9]+$ ]] || [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then
  echo "$0: port \"$port\" must be a number from 1 to 65535." >&2
  exit 2
fi
if [ ! -f "$1/index.html" ]; then
  echo "$0: \"$1\" is not a built site (no index.html in it): run \`npm run build\` and pass dist." >&2
  exit 2
fi
dist=$(cd "$1" && pwd)
if [ "$(id -u)" -eq 0 ] && [ -z "$(find "$dist" -maxdepth 0 -perm -o=rx)" ]; then
  echo "$0: started as root, nginx serves files as the user nobody, who cannot read \"$dist\": chmod o+rx it (and its parent folders)." >&2
  exit 2
fi

nginx=${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}
if [ ! -x "$nginx" ]; then
  echo "$0: nginx not found: install Debian's nginx (apt-get install nginx), or set NGINX=<path>." >&2
  exit 2
fi

# Debian's nginx keeps its dynamic modules here; Brotli is one when its package is installed.
modules=/usr/lib/nginx/modules
load_brotli='' brotli_rules='' brotli=off
if [ -f "$modules/ngx_http_brotli_filter_module.so" ]; then
  load_brotli="load_module \"$modules/ngx_http_brotli_filter_module.so\";"
  brotli_rules="include \"$here/brotli.conf\";"
  brotli=on
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/portal-nginx.XXXXXX")
# Started as root, nginx's workers run as nobody: they must be able to enter this folder.
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT

cat >"$work/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid "$work/nginx.pid";
error_log stderr warn;
$load_brotli

events {
    worker_connections 256;
}

http {
    access_log off;
    client_body_temp_path "$work/client_body";
    proxy_temp_path "$work/proxy";
    fastcgi_temp_path "$work/fastcgi";
    uwsgi_temp_path "$work/uwsgi";
    scgi_temp_path "$work/scgi";
    sendfile on;

    server {
        listen 127.0.0.1:$port;
        root "$dist";
        include "$here/portal.conf";
        $brotli_rules
    }
}
CONF

# -e: nginx's own startup log goes to stderr, never to a system path.
"$nginx" -e stderr -p "$work/" -c "$work/nginx.conf" &
pid=$!
stopping=0
trap 'stopping=1; kill -TERM "$pid" 2>/dev/null || true' TERM INT
echo "serve.sh: nginx serves $dist at http://127.0.0.1:$port/ (brotli $brotli; its files in $work)"
status=0
wait "$pid" || status=$?
if [ "$stopping" = 1 ]; then
  # The signal ended the first wait; this one lasts until nginx has stopped.
  wait "$pid" 2>/dev/null || true
  status=0
fi
exit "$status"
