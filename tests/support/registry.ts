import { services } from '../../src/config/services.ts';

export const SERVICES_REGISTRY_NAMES = services.map((s) => s.name);
