// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { env, isProduction } from './src/config/index.ts';
import { sidebar } from './src/routing/navigation.ts';
import { SEARCH_RANKING } from './src/config/search.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { tableLabels } from './src/lib/markdown/table-labels.ts';
import { cspMeta } from './src/integrations/csp-meta.ts';
import { hostingHeaders } from './deploy/static-host-headers.ts';

const title = isProduction ? 'ALA API' : `ALA API (${env.label})`;

export default defineConfig({
  site: 'https://docs.api.ala.org.au',
  trailingSlash: 'always',
  // Starlight adds its own Markdown transforms to this processor.
  markdown: { processor: satteri({ hastPlugins: [tableLabels] }) },
  // Leaflet's CSS names its control and marker images; as files they load only if ever shown.
  vite: {
    build: {
      assetsInlineLimit: (file) => (file.includes('/node_modules/leaflet/') ? false : undefined),
      // The API client behind "Try it" is one large chunk by design: fetched only on a reader's
      // first Try it, never with a page (README: "Operation pages and Try it").
      chunkSizeWarningLimit: 4000,
      rollupOptions: {
        onwarn(warning, warn) {
          // Astro marks every MDX page module with "use astro:head-inject", which the bundler
          // reports as a directive it may drop; Astro reads it before bundling, so nothing is lost.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  integrations: [
    hostingHeaders(),
    starlight({
      title,
      description: 'Documentation of the Atlas of Living Australia web APIs: guides, authentication, and the reference of every operation, with samples and Try it.',
      logo: { src: './src/assets/ala-logo.svg', replacesTitle: false, alt: 'Atlas of Living Australia' },
      favicon: '/favicon.svg',
      routeMiddleware: './src/starlight/route-data.ts',
      customCss: ['./src/styles/theme.css'],
      components: {
        Banner: './src/components/overrides/Banner.astro',
        SocialIcons: './src/components/overrides/SocialIcons.astro',
        Search: './src/components/overrides/Search.astro',
        PageTitle: './src/components/overrides/PageTitle.astro',
      },
      social: [
        { icon: 'github', label: 'ALA on GitHub', href: 'https://github.com/AtlasOfLivingAustralia' },
        { icon: 'email', label: 'Email ALA support', href: 'mailto:support@ala.org.au' },
      ],
      // Our own src/pages/404.astro: Starlight's would want a docs entry for its text.
      disable404Route: true,
      lastUpdated: false,
      pagination: true,
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
      sidebar,
      pagefind: { ranking: SEARCH_RANKING },
    }),
    // Last: it reads the pages every other integration has finished writing (Pagefind included).
    cspMeta(),
  ],
});
