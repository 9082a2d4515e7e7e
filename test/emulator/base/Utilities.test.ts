// Contract checks of Utilities: Java date patterns and zones, formatString, sleep on the clock, UUIDs, base64,
// digests and HMACs as signed bytes (known vectors)
// (https://developers.google.com/apps-script/reference/utilities/utilities); plus host-only observations (clock,
// deterministic UUIDs, realm).
import { runChecks, type Check } from '../harness';
import { createGasEnvironment } from '../../../emulator/index';

const U = 'https://developers.google.com/apps-script/reference/utilities/utilities';
const SDF = 'https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html';
const FIDELITY = '../shared/docs/local-runtime-fidelity.md §9';

export const utilitiesChecks: Check[] = [
  {
    name: 'formatDate renders the instant in the given zone',
    source: U + '#formatDate(Date,String,String)',
    run: (t) => {
      const d = new Date(Date.UTC(2024, 2, 5, 1, 2, 3));
      t.equal(Utilities.formatDate(d, 'Asia/Shanghai', 'yyyy-MM-dd HH:mm:ss'), '2024-03-05 09:02:03');
      t.equal(Utilities.formatDate(d, 'UTC', 'yyyy-MM-dd HH:mm:ss'), '2024-03-05 01:02:03');
      t.equal(Utilities.formatDate(d, 'America/New_York', 'yyyy-MM-dd HH:mm'), '2024-03-04 20:02');
    },
  },
  {
    name: "quoted literals: 'T' and 'Z' print as text",
    source: U + '#formatDate(Date,String,String)',
    run: (t) => {
      const d = new Date(Date.UTC(2024, 2, 5, 1, 2, 3));
      t.equal(Utilities.formatDate(d, 'GMT', "yyyy-MM-dd'T'HH:mm:ss'Z'"), '2024-03-05T01:02:03Z');
      t.equal(Utilities.formatDate(d, 'GMT', "'week' w 'of' yyyy"), 'week 10 of 2024');
    },
  },
  {
    name: "'' is an apostrophe, inside and outside quotes",
    source: SDF,
    run: (t) => {
      const d = new Date(Date.UTC(2024, 2, 5, 1, 0, 0));
      t.equal(Utilities.formatDate(d, 'Asia/Shanghai', "h 'o''clock' a"), "9 o'clock AM");
      t.equal(Utilities.formatDate(d, 'Asia/Shanghai', "''yy''"), "'24'");
    },
  },
  {
    name: 'an unquoted letter that is not a pattern letter is refused',
    source: SDF,
    run: (t) => {
      const d = new Date(Date.UTC(2024, 2, 5));
      t.throws(() => Utilities.formatDate(d, 'GMT', 'yyyy-MM-ddTHH:mm'), "Illegal pattern character 'T'");
      t.throws(() => Utilities.formatDate(d, 'GMT', "yyyy 'open"), /Unterminated quote/);
    },
  },
  {
    name: 'custom GMT offsets and IANA ids agree',
    source: 'https://docs.oracle.com/javase/8/docs/api/java/util/TimeZone.html',
    run: (t) => {
      const d = new Date(Date.UTC(2024, 6, 1, 20, 30));
      const p = 'yyyy-MM-dd HH:mm';
      t.equal(Utilities.formatDate(d, 'GMT+8', p), Utilities.formatDate(d, 'Asia/Shanghai', p));
      t.equal(Utilities.formatDate(d, 'GMT+08:00', p), '2024-07-02 04:30');
      t.equal(Utilities.formatDate(d, 'GMT-05:00', p), '2024-07-01 15:30');
      t.equal(Utilities.formatDate(d, 'America/New_York', p), '2024-07-01 16:30', 'summer time');
    },
  },
  {
    name: 'a missing time zone is an invalid argument',
    source: FIDELITY + ' (message seen in public Apps Script logs, OBS ×3)',
    run: (t) => {
      t.throws(
        () => Utilities.formatDate(new Date(), undefined as unknown as string, 'yyyy'),
        'Invalid argument: timeZone. Should be of type: String',
      );
      t.throws(
        () => Utilities.formatDate(new Date(), null as unknown as string, 'yyyy'),
        'Invalid argument: timeZone. Should be of type: String',
      );
    },
  },
  {
    name: 'an unknown zone id is refused (Java would silently use GMT)',
    source: FIDELITY + ' (stricter than Apps Script on purpose)',
    run: (t) => {
      t.throws(() => Utilities.formatDate(new Date(), 'Asia/Shangai', 'yyyy'), /Invalid argument: timeZone/);
      t.throws(() => Utilities.formatDate(new Date(), 'asia/shanghai', 'yyyy'), /Invalid argument: timeZone/);
    },
  },
  {
    name: 'the yy / YYYY trap: week-year differs from year at the turn of the year',
    source: SDF + ' (Y: week year)',
    run: (t) => {
      const d = new Date(Date.UTC(2024, 11, 29, 4)); // Sunday 29 December 2024, noon in Shanghai
      t.equal(Utilities.formatDate(d, 'Asia/Shanghai', 'yyyy'), '2024');
      t.equal(Utilities.formatDate(d, 'Asia/Shanghai', 'YYYY'), '2025');
      t.equal(Utilities.formatDate(d, 'Asia/Shanghai', 'yy'), '24');
      t.equal(Utilities.formatDate(d, 'Asia/Shanghai', 'w'), '1');
      t.equal(Utilities.formatDate(d, 'Asia/Shanghai', 'D'), '364');
    },
  },
  {
    name: 'English month and day names',
    source: SDF,
    run: (t) => {
      const d = new Date(Date.UTC(2024, 8, 2, 4)); // Monday 2 September 2024
      t.equal(Utilities.formatDate(d, 'Asia/Shanghai', 'MMM MMMM EEE EEEE'), 'Sep September Mon Monday');
      t.equal(Utilities.formatDate(d, 'Asia/Shanghai', 'M/d/yy u F'), '9/2/24 1 1');
    },
  },
  {
    name: 'hour letters, AM/PM and zero-padded milliseconds',
    source: SDF,
    run: (t) => {
      const d = new Date(Date.UTC(2024, 0, 1, 16, 5, 9, 7)); // 00:05:09.007 in Shanghai
      t.equal(Utilities.formatDate(d, 'Asia/Shanghai', 'H k K h a'), '0 24 0 12 AM');
      t.equal(Utilities.formatDate(d, 'Asia/Shanghai', 'HH:mm:ss.SSS'), '00:05:09.007');
      t.equal(Utilities.formatDate(d, 'Asia/Shanghai', 's.S'), '9.7');
    },
  },
  {
    name: 'zone letters z, zzzz, Z and X',
    source: SDF,
    run: (t) => {
      const d = new Date(Date.UTC(2024, 0, 1));
      t.equal(
        Utilities.formatDate(d, 'Asia/Shanghai', 'z|zzzz|Z|X|XX|XXX'),
        'CST|China Standard Time|+0800|+08|+0800|+08:00',
      );
      t.equal(Utilities.formatDate(d, 'UTC', 'X Z'), 'Z +0000');
      t.equal(Utilities.formatDate(d, 'GMT+5:30', 'z XXX'), 'GMT+05:30 +05:30');
    },
  },
  {
    name: 'parseDate reads a wall clock in the given zone',
    source: U + '#parseDate(String,String,String)',
    run: (t) => {
      t.equal(
        Utilities.parseDate('2024-03-05 14:30', 'Asia/Shanghai', 'yyyy-MM-dd HH:mm').getTime(),
        Date.UTC(2024, 2, 5, 6, 30),
      );
      t.equal(Utilities.parseDate('20240305', 'UTC', 'yyyyMMdd').getTime(), Date.UTC(2024, 2, 5));
      t.equal(
        Utilities.parseDate('5 Mar 2024 2:30 PM', 'UTC', 'd MMM yyyy h:mm a').getTime(),
        Date.UTC(2024, 2, 5, 14, 30),
      );
      t.equal(
        Utilities.parseDate('2024-03-05T01:02:03+0800', 'UTC', "yyyy-MM-dd'T'HH:mm:ssZ").getTime(),
        Date.UTC(2024, 2, 4, 17, 2, 3),
      );
    },
  },
  {
    name: 'parseDate throws an Exception when the text does not match',
    source: 'gas-fakes gf_agent/knowledge/14-utilities-parity.md (parseDate throws a generic Exception)',
    run: (t) => {
      t.throws(() => Utilities.parseDate('05/03/2024', 'UTC', 'yyyy-MM-dd'), /Unparseable date/);
    },
  },
  {
    name: 'formatString follows Java: %s %d %f with width, flags and precision',
    source: U + '#formatString(String,Object...)',
    run: (t) => {
      t.equal(Utilities.formatString('%s has %d cases', '张三', 3), '张三 has 3 cases');
      t.equal(Utilities.formatString('%05d|%-4s|%4s|%,d', 42, 'ab', 'cd', 1234567), '00042|ab  |  cd|1,234,567');
      t.equal(Utilities.formatString('%.2f %.1f %f %%', 1.005, 0.25, 3), '1.01 0.3 3.000000 %');
    },
  },
  {
    name: 'formatString with too few arguments throws',
    source: 'https://docs.oracle.com/javase/8/docs/api/java/util/Formatter.html',
    run: (t) => {
      t.throws(() => Utilities.formatString('%s and %s', 'one'), "Format specifier '%s'");
    },
  },
  {
    name: 'sleep advances the clock and refuses more than 300000 ms',
    source: U + '#sleep(Integer)',
    run: (t) => {
      const before = Date.now();
      Utilities.sleep(1500);
      t.ok(Date.now() - before >= 1500, 'the clock moved by the sleep');
      t.throws(() => Utilities.sleep(300001), /Invalid argument/);
    },
  },
  {
    name: 'getUuid returns distinct version-4 UUID strings',
    source: U + '#getUuid()',
    run: (t) => {
      const a = Utilities.getUuid();
      const b = Utilities.getUuid();
      t.ok(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(a), a);
      t.ok(a !== b);
    },
  },
  {
    name: 'base64 of a UTF-8 string, and decoding to signed bytes',
    source: U + '#base64Decode(String)',
    run: (t) => {
      t.equal(Utilities.base64Encode('中文', Utilities.Charset.UTF_8), '5Lit5paH');
      t.deepEqual(Utilities.base64Decode('5Lit5paH'), [-28, -72, -83, -26, -106, -121]);
      t.equal(
        Utilities.newBlob(Utilities.base64Decode(Utilities.base64Encode('信访 台账 ✓'))).getDataAsString(),
        '信访 台账 ✓',
      );
    },
  },
  {
    name: 'web-safe base64 uses - and _ and keeps the padding',
    source: U + '#base64EncodeWebSafe(Byte)',
    run: (t) => {
      t.equal(Utilities.base64Encode([-5, -1]), '+/8=');
      t.equal(Utilities.base64EncodeWebSafe([-5, -1]), '-_8=');
      t.deepEqual(Utilities.base64DecodeWebSafe('-_8='), [-5, -1]);
      t.throws(() => Utilities.base64Decode('abc'), /Could not decode string/);
    },
  },
  {
    name: 'computeHmacSha256Signature returns 32 signed bytes (vector measured in Apps Script by gas-fakes)',
    source: U + '#computeHmacSha256Signature(String,String) — gas-fakes test/testutilities.js',
    run: (t) => {
      const sig = Utilities.computeHmacSha256Signature('this is my input', 'my key - use a stronger one');
      t.deepEqual(
        sig,
        [
          53, -75, -52, -25, -47, 86, -21, 14, -2, -57, 5, -13, 24, 105, -2, -84, 127, 115, -40, -75, -93, -27, -21, 34,
          -55, -117, -36, -103, -47, 116, -55, -61,
        ],
      );
      t.ok(sig.some((b) => b < 0) && sig.every((b) => b >= -128 && b <= 127));
    },
  },
  {
    name: 'HMAC-SHA256 matches RFC 4231 test case 2 (hex via (b + 256) % 256)',
    source: 'https://www.rfc-editor.org/rfc/rfc4231#section-4.3',
    run: (t) => {
      const sig = Utilities.computeHmacSignature(
        Utilities.MacAlgorithm.HMAC_SHA_256,
        'what do ya want for nothing?',
        'Jefe',
        Utilities.Charset.UTF_8,
      );
      const hex = sig.map((b) => ('0' + ((b + 256) % 256).toString(16)).slice(-2)).join('');
      t.equal(hex, '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    },
  },
  {
    name: 'a string without a charset is hashed as US-ASCII (non-ASCII becomes ?)',
    source: 'gas-fakes test/testutilities.js "default is ascii"',
    run: (t) => {
      const md5 = Utilities.DigestAlgorithm.MD5;
      t.deepEqual(Utilities.computeDigest(md5, 'café'), Utilities.computeDigest(md5, 'caf?'));
      t.ok(
        Utilities.computeDigest(md5, 'café', Utilities.Charset.UTF_8).join() !==
          Utilities.computeDigest(md5, 'caf?').join(),
      );
    },
  },
  {
    name: 'computeDigest SHA-256 of "abc" (FIPS 180-2 vector) as signed bytes',
    source: U + '#computeDigest(DigestAlgorithm,String)',
    run: (t) => {
      const d = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, 'abc');
      t.equal(d.length, 32);
      t.equal(
        d.map((b) => ('0' + ((b + 256) % 256).toString(16)).slice(-2)).join(''),
        'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      );
    },
  },
  {
    name: 'mixing a byte[] value with a string key does not match any signature',
    source: U + '#computeHmacSha256Signature(Byte,Byte)',
    run: (t) => {
      t.throws(
        () => (Utilities.computeHmacSha256Signature as unknown as (...a: unknown[]) => unknown)([1, 2], 'key'),
        /don't match the method signature for Utilities.computeHmacSha256Signature/,
      );
    },
  },
];

runChecks('base.Utilities', utilitiesChecks);

describe('Utilities on the host side', () => {
  test('sleep advances the simulated clock by its argument and never waits', () => {
    const env = createGasEnvironment({ now: '2024-03-05T09:00:00+08:00' });
    env.loadSource('function nap() { Utilities.sleep(300000); }');
    const started = Date.now();
    env.run('nap');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(env.clock.now().getTime() - new Date('2024-03-05T09:00:00+08:00').getTime()).toBeGreaterThanOrEqual(300000);
  });

  test('a sleep past the 6-minute limit ends the execution', () => {
    const env = createGasEnvironment({ now: '2024-03-05T09:00:00+08:00' });
    env.loadSource('function slow() { for (var i = 0; i < 2; i++) Utilities.sleep(300000); }');
    expect(() => env.run('slow')).toThrow(/Exceeded maximum execution time/);
  });

  test('UUIDs follow the environment seed', () => {
    const uuid = (seed: number) =>
      createGasEnvironment({ seed }).runCheck('function () { return Utilities.getUuid(); }');
    expect(uuid(3)).toBe(uuid(3));
    expect(uuid(3)).not.toBe(uuid(4));
  });

  test('values returned to the app belong to its realm (arrays of bytes are real Arrays there)', () => {
    const env = createGasEnvironment();
    const ok = env.runCheck(
      'function () { return Utilities.base64Decode("AQI=") instanceof Array && Utilities.parseDate("2024", "UTC", "yyyy") instanceof Date; }',
    );
    expect(ok).toBe(true);
  });
});
