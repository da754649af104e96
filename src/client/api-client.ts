/**
 * Scalar's API client and what "Try it" needs beside it, as one module, so one dynamic import
 * fetches all of it in parallel. zod's `jitless` setting comes first: the client's validation
 * library would otherwise probe for eval(), which the strict Content-Security-Policy reports.
 * (Imports evaluate in the order written, so the setting is in place before the client's code runs.)
 */
import './zod-jitless.ts';

export { createApiClientModal, type ApiClientModal } from '@scalar/api-client/modal';
export { createWorkspaceStore, type WorkspaceStore } from '@scalar/workspace-store/client';
export { createWorkspaceEventBus } from '@scalar/workspace-store/events';
export { watch } from 'vue';
