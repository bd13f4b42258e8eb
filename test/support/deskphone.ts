// Jest setup (unit, integration, e2e): the host's part once the softphoneDeskphone resource has loaded, as the
// utility's service does in the browser in deskphone mode (src/deskphone.ts).
import { provideDeskphone } from '../../src/deskphone';
import * as deskphone from '../../src/deskphone-resource';

provideDeskphone(deskphone);
