/**
 * The pages a reader would otherwise use, rendering the same OpenAPI document: swagger-ui (as
 * ALA runs today), Redoc standalone, and Scalar's standalone page — written next to the built
 * site with their code copied from node_modules, so one loopback server serves everything.
 */
import { copyFileSync, cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Peer {
  name: string;
  path: string;
  /** Visible once the first operation is on screen. */
  firstOperation: string;
}

const page = (title: string, head: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>${head}</head><body>${body}</body></html>`;

export function writePeers(siteDir: string, specFile: string): Peer[] {
  const root = join(siteDir, 'bench-peers');
  mkdirSync(join(root, 'vendor'), { recursive: true });
  copyFileSync(specFile, join(root, 'spec.json'));
  for (const file of ['swagger-ui.css', 'swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js']) {
    copyFileSync(join('node_modules/swagger-ui-dist', file), join(root, 'vendor', file));
  }
  copyFileSync('node_modules/redoc/bundles/redoc.standalone.js', join(root, 'vendor/redoc.standalone.js'));
  cpSync('node_modules/@scalar/api-reference/dist/browser', join(root, 'vendor/scalar'), { recursive: true });

  writeFileSync(
    join(root, 'swagger-ui.html'),
    page(
      'swagger-ui',
      '<link rel="stylesheet" href="vendor/swagger-ui.css">',
      '<div id="swagger-ui"></div><script src="vendor/swagger-ui-bundle.js"></script><script src="vendor/swagger-ui-standalone-preset.js"></script>' +
        '<script>window.ui = SwaggerUIBundle({ url: "spec.json", dom_id: "#swagger-ui", presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: "StandaloneLayout" });</script>',
    ),
  );
  writeFileSync(join(root, 'redoc.html'), page('Redoc', '', '<redoc spec-url="spec.json"></redoc><script src="vendor/redoc.standalone.js"></script>'));
  writeFileSync(
    join(root, 'scalar.html'),
    page('Scalar', '', '<script id="api-reference" data-url="spec.json"></script><script src="vendor/scalar/standalone.js"></script>'),
  );
  return [
    { name: 'swagger-ui (ALA today)', path: '/bench-peers/swagger-ui.html', firstOperation: '.opblock' },
    { name: 'Redoc standalone', path: '/bench-peers/redoc.html', firstOperation: '[data-section-id^="operation/"]' },
    { name: 'Scalar standalone', path: '/bench-peers/scalar.html', firstOperation: 'section[id*="/tag/"]' },
  ];
}
