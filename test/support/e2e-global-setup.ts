// Builds the workbench's bundles once for the whole browser test run (the LWC compile takes ~10 s).
import { buildWorkbench } from '../../workbench/build';

export default async function globalSetup(): Promise<void> {
  await buildWorkbench();
}
