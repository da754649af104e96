// @ts-check
// Expressive Code (Shiki highlighting, frames, copy buttons) for every code block of the site.
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { codeBlockLabels } from './src/lib/code-block-labels.ts';

export default defineEcConfig({
  themes: ['github-dark', 'github-light'],
  styleOverrides: { borderRadius: '0.4rem' },
  // Samples are scripts to keep: copy their comments too.
  frames: { removeCommentsWhenCopyingTerminalFrames: false },
  plugins: [codeBlockLabels],
});
