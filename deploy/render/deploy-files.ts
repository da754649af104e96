/**
 * The files under deploy/ rendered from the hosting definition, by path from the repository root.
 * `npm run hosting:render` writes them; a unit test fails when a committed one differs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCloudFormation } from './cloudformation.ts';
import { renderAwsDeployData } from './aws-deploy-data.ts';
import { renderNginxBrotli, renderNginxRules } from './nginx-rules.ts';

/** The CloudFront Function, written by hand and carried inside the template. */
export const VIEWER_REQUEST_FUNCTION = 'deploy/aws/viewer-request.js';

export function renderDeployFiles(root: string): Record<string, string> {
  return {
    'deploy/nginx/portal.conf': renderNginxRules(),
    'deploy/nginx/brotli.conf': renderNginxBrotli(),
    'deploy/aws/portal.yaml': renderCloudFormation(readFileSync(join(root, VIEWER_REQUEST_FUNCTION), 'utf8')),
    'deploy/aws/upload-classes.tsv': renderAwsDeployData(),
  };
}
