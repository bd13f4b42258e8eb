// Jest environment for integration and browser tests: records whether any test or hook of the file
// failed, so servers started by the file keep their logs for the post-mortem.
import { TestEnvironment } from 'jest-environment-node';
import type { Circus } from '@jest/types';

export default class SoftphoneTestEnvironment extends TestEnvironment {
  async handleTestEvent(event: Circus.Event): Promise<void> {
    if (event.name === 'test_fn_failure' || event.name === 'hook_failure') {
      this.global.__softphoneTestFailed = true;
    }
  }
}
