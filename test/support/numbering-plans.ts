// Jest setup (unit and integration): the host's part once the softphoneNumberingPlans resource has loaded,
// as the utility's service does in the browser. Tests of the moments before that import a fresh module.
import { provideNumberingPlans } from '../../src/dialing/numbering-plans';
import * as numberingPlans from '../../src/dialing/numbering-plans-resource';

provideNumberingPlans(numberingPlans);
