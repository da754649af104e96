// CloudFront Function (runtime cloudfront-js-2.0), on viewer requests of the pages behaviour.
// S3 has no directory indexes: /path/ is answered by /path/index.html, and /path (no file
// extension) is redirected to /path/, as nginx and static hosts do.
function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) {
    request.uri = uri + 'index.html';
    return request;
  }
  if (uri.slice(uri.lastIndexOf('/') + 1).indexOf('.') === -1) {
    return {
      statusCode: 301,
      statusDescription: 'Moved Permanently',
      headers: { location: { value: uri + '/' + queryString(request.querystring) } },
    };
  }
  return request;
}

function queryString(query) {
  var parts = [];
  Object.keys(query).forEach(function (name) {
    var entry = query[name];
    var values = entry.multiValue ? entry.multiValue : [entry];
    values.forEach(function (v) {
      parts.push(v.value === '' ? name : name + '=' + v.value);
    });
  });
  return parts.length ? '?' + parts.join('&') : '';
}
