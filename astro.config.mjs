// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { env, isProduction } from './src/config/index.ts';
import { sidebar } from './src/config/navigation.ts';
import { cspMeta } from './src/integrations/csp-meta.ts';
import { markdownTwins } from './src/integrations/markdown-twins.ts';
import { hostingHeaders } from './src/integrations/hosting-headers.ts';
import { openApiCheck } from './src/integrations/openapi-check.ts';

const title = isProduction ? 'ALA API' : `ALA API (${env.label})`;

export default defineConfig({
  site: 'https://docs.api.ala.org.au',
  trailingSlash: 'always',
  // Leaflet's CSS names its control and marker images; as files they load only if ever shown.
  vite: { build: { assetsInlineLimit: (file) => (file.includes('/node_modules/leaflet/') ? false : undefined) } },
  integrations: [
    openApiCheck(),
    hostingHeaders(),
    starlight({
      title,
      description: 'Documentation of the Atlas of Living Australia web APIs: guides, authentication, and the reference of every operation, with samples and Try it.',
      logo: { src: './src/assets/ala-logo.svg', replacesTitle: false, alt: 'Atlas of Living Australia' },
      favicon: '/favicon.svg',
      routeMiddleware: './src/starlight/route-data.ts',
      customCss: ['./src/styles/theme.css'],
      components: {
        Banner: './src/components/EnvironmentBanner.astro',
        SocialIcons: './src/components/HeaderExtras.astro',
        Search: './src/components/SearchWithShortcut.astro',
        PageTitle: './src/components/PageTitleWithMarkdown.astro',
      },
      social: [
        { icon: 'github', label: 'ALA on GitHub', href: 'https://github.com/AtlasOfLivingAustralia' },
        { icon: 'email', label: 'Email ALA support', href: 'mailto:support@ala.org.au' },
      ],
      lastUpdated: false,
      pagination: true,
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
      sidebar,
    }),
    markdownTwins(),
    // Last: it reads the pages every other integration has finished writing (Pagefind included).
    cspMeta(),
  ],
});
