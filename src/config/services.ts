/**
 * The service registry: the 17 ALA services the portal documents, in the order readers know
 * them from the original documentation. Environment-specific URLs live in ./environments.ts;
 * the operations live in `openapi/<id>.yaml`; longer prose lives in `content/services/<id>.mdx`.
 */
export const SERVICE_IDS = [
  'alerts',
  'occurrences',
  'surveys',
  'species',
  'metadata',
  'data-quality',
  'doi',
  'galah',
  'images',
  'download-statistics',
  'profiles',
  'species-lists',
  'spatial',
  'user-details',
  'namematching',
  'events',
  'ecodata',
] as const;

export type ServiceId = (typeof SERVICE_IDS)[number];

export interface ServiceInfo {
  id: ServiceId;
  /** Human name, as in the navigation. */
  name: string;
  /** One line: what a reader can do with it. */
  purpose: string;
  /** Name of the ALA web application that shows the same data. */
  appName: string;
}

export const services: readonly ServiceInfo[] = [
  { id: 'alerts', name: 'Alerts', appName: 'ALA Alerts', purpose: 'Subscribe users to email alerts on new records, annotations and lists, and manage those subscriptions.' },
  { id: 'occurrences', name: 'Occurrences', appName: 'ALA occurrence search (biocache)', purpose: 'Search, count, facet, map and download species occurrence records, and annotate them.' },
  { id: 'surveys', name: 'Surveys', appName: 'BioCollect', purpose: 'Find citizen-science and ecological survey projects, their surveys and recorded activities.' },
  { id: 'species', name: 'Species', appName: 'Biodiversity Information Explorer', purpose: 'Search taxa, read species profiles and classifications, and look up names in bulk.' },
  { id: 'metadata', name: 'Metadata', appName: 'Collectory', purpose: 'Read attribution metadata: data resources, providers, collections, institutions and citations.' },
  { id: 'data-quality', name: 'Data quality', appName: 'Data Quality Filter Service', purpose: 'Read the data-quality profiles and the filters they apply to occurrence searches.' },
  { id: 'doi', name: 'DOI', appName: 'ALA DOI', purpose: 'Look up the DOIs minted for ALA downloads and datasets, and mint new ones.' },
  { id: 'galah', name: 'galah (Common APIs)', appName: 'galah', purpose: 'The curated set of endpoints the galah R and Python packages call, used with an API key.' },
  { id: 'images', name: 'Images', appName: 'ALA Images', purpose: 'Find images and sound recordings, read their metadata and fetch thumbnails or originals.' },
  { id: 'download-statistics', name: 'Download statistics', appName: 'ALA Logger', purpose: 'Read download and usage statistics, broken down by reason, source and month.' },
  { id: 'profiles', name: 'Profiles', appName: 'ALA Profiles', purpose: 'Read and edit species profile collections and the profiles in them.' },
  { id: 'species-lists', name: 'Species lists', appName: 'ALA species lists', purpose: 'Read species lists and their traits, find the lists a taxon is on, and create lists.' },
  { id: 'spatial', name: 'Spatial', appName: 'ALA Spatial Portal', purpose: 'Read environmental and contextual layers, intersect points, and work with areas and distributions.' },
  { id: 'user-details', name: 'User details', appName: 'ALA user accounts', purpose: 'Look up ALA user accounts and roles (protected: for ALA applications).' },
  { id: 'namematching', name: 'Name matching', appName: 'ALA name matching', purpose: 'Match scientific and common names to the ALA taxonomic backbone.' },
  { id: 'events', name: 'Events', appName: 'ALA Events', purpose: 'Query event-based (survey and sampling) datasets through GraphQL.' },
  { id: 'ecodata', name: 'Ecodata', appName: 'MERIT and BioCollect', purpose: 'Read the projects, sites, activities and documents behind MERIT and BioCollect.' },
];

export function isServiceId(value: string): value is ServiceId {
  return (SERVICE_IDS as readonly string[]).includes(value);
}
