// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { env, isProduction, shownServices } from './src/config/index.ts';
import { servicePath, TOKEN_HELPER_PATH } from './src/config/site.ts';
import { cspMeta } from './src/integrations/csp-meta.ts';
import { hostingHeaders } from './src/integrations/hosting-headers.ts';
import { openApiCheck } from './src/integrations/openapi-check.ts';

const title = isProduction ? 'ALA API' : `ALA API (${env.label})`;

export default defineConfig({
  site: 'https://docs.api.ala.org.au',
  trailingSlash: 'always',
  integrations: [
    openApiCheck(),
    hostingHeaders(),
    starlight({
      title,
      description: 'Documentation of the Atlas of Living Australia web APIs: guides, authentication, and every service with a try-it console.',
      logo: { src: './src/assets/ala-logo.svg', replacesTitle: false, alt: 'Atlas of Living Australia' },
      favicon: '/favicon.svg',
      customCss: ['./src/styles/theme.css'],
      components: {
        Banner: './src/components/EnvironmentBanner.astro',
        SocialIcons: './src/components/HeaderExtras.astro',
        Search: './src/components/SearchWithShortcut.astro',
      },
      social: [
        { icon: 'github', label: 'ALA on GitHub', href: 'https://github.com/AtlasOfLivingAustralia' },
        { icon: 'email', label: 'Email ALA support', href: 'mailto:support@ala.org.au' },
      ],
      lastUpdated: false,
      pagination: true,
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
      sidebar: [
        { label: 'Introduction', link: '/' },
        {
          label: 'Authentication',
          items: [
            { label: 'Overview and flows', link: '/authentication/' },
            { label: 'Token helper', link: TOKEN_HELPER_PATH },
          ],
        },
        {
          label: 'Services',
          items: [
            { label: 'All services', link: '/services/' },
            ...shownServices.map((s) => ({ label: s.name, link: servicePath(s.id) })),
          ],
        },
        { label: 'Errors', link: '/errors/' },
      ],
    }),
    // Last: it reads the pages every other integration has finished writing (Pagefind included).
    cspMeta(),
  ],
});
