/** zod without eval(): imported before anything that uses zod (see ./api-client.ts). */
import { config } from 'zod';

config({ jitless: true });
