// What every agent downloads before the phone can ring is the softphoneCore static resource (bench B3).
// The parts deferred to other resources must stay out of it, and still work from the resource they moved to.
import { build, type Metafile } from 'esbuild';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { bundles, coreBuildOptions } from '../../scripts/build';
import type * as DeskphoneModule from '../../src/deskphone';
import type * as DialingModule from '../../src/dialing';

const root = resolve(__dirname, '../..');

async function built(name: string): Promise<{ code: string; inputs: string[] }> {
  const bundle = bundles.find((b) => b.name === name);
  if (!bundle) throw new Error(`scripts/build.ts has no ${name} bundle`);
  const result = await build({
    ...coreBuildOptions(resolve(root, bundle.entry), bundle.globalName),
    write: false,
    metafile: true,
    outfile: resolve(root, `.core-bundle-test/${name}.js`),
  });
  const metafile = result.metafile as Metafile;
  const inputs = Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs));
  return { code: result.outputFiles[0]?.text ?? '', inputs };
}

/** src/dialing as a fresh page has it: the core loaded, its numbering plans not yet. */
function freshDialing(): typeof DialingModule {
  let fresh: typeof DialingModule | undefined;
  jest.isolateModules(() => {
    fresh = jest.requireActual<typeof DialingModule>('../../src/dialing');
  });
  if (!fresh) throw new Error('src/dialing did not load');
  return fresh;
}

/** Deskphone mode's own code (src/deskphone-resource.ts): the leg to the agent's phone, prompt, key listener. */
const DESKPHONE_ONLY = [
  'src/sip/device-leg.ts',
  'src/media/device-media.ts',
  'src/media/listen-for-keys.ts',
  'src/media/dtmf-detector.ts',
  'src/media/connect-prompt.ts',
];

describe('the softphoneCore static resource', () => {
  test('carries none of libphonenumber-js: its code and its metadata come with softphoneNumberingPlans', async () => {
    const core = await built('softphoneCore');
    const plans = await built('softphoneNumberingPlans');

    expect(core.inputs.filter((input) => input.includes('node_modules/libphonenumber-js/'))).toEqual([]);
    expect(plans.inputs.filter((input) => input.includes('node_modules/sip.js/'))).toEqual([]);
    expect(plans.inputs).toEqual(
      expect.arrayContaining([expect.stringMatching(/libphonenumber-js\/es6\/parsePhoneNumber/)]),
    );
  });

  test('the built softphoneNumberingPlans script, handed to the core, prepares dials', async () => {
    const plans = await built('softphoneNumberingPlans');
    const page: { SoftphoneNumberingPlans?: unknown } = {};
    runInNewContext(plans.code, { globalThis: page });
    const dialing = freshDialing();

    dialing.provideNumberingPlans(page.SoftphoneNumberingPlans);

    expect(dialing.prepareDial('(415) 555-0100', dialing.defaultDialingSettings)).toMatchObject({
      ok: true,
      target: { e164: '+14155550100' },
    });
    expect(dialing.searchVariants('+44 20 7946 0000', 'US')).toContain('+442079460000');
  });

  test('carries none of deskphone mode’s own code: softphoneDeskphone does, without SIP.js or the statecharts', async () => {
    const core = await built('softphoneCore');
    const deskphone = await built('softphoneDeskphone');

    expect(core.inputs.filter((input) => DESKPHONE_ONLY.includes(input))).toEqual([]);
    expect(deskphone.inputs).toEqual(expect.arrayContaining(DESKPHONE_ONLY));
    expect(
      deskphone.inputs.filter((input) => /node_modules|src\/call\/(?!call-failure\.ts)/.test(input)),
    ).toEqual([]);
  });

  test('the built softphoneDeskphone script is what the core takes as deskphone mode’s code', async () => {
    const deskphone = await built('softphoneDeskphone');
    const page: { SoftphoneDeskphone?: unknown } = {};
    runInNewContext(deskphone.code, { globalThis: page });
    let fresh: typeof DeskphoneModule | undefined;
    jest.isolateModules(() => {
      fresh = jest.requireActual<typeof DeskphoneModule>('../../src/deskphone');
    });

    expect(() => fresh?.provideDeskphone({ DeviceLeg: 'no' })).toThrow(TypeError);
    fresh?.provideDeskphone(page.SoftphoneDeskphone);
    expect(Object.keys(fresh?.deskphoneParts() ?? {}).sort()).toEqual(['DeviceLeg', 'DeviceMedia']);
  });
});
