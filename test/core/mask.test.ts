// Masking of personal data (decisions.md §7): what a masked value may and may not reveal.
import fc from 'fast-check';
import { maskIdNumber, maskName, maskPhone, maskText } from '../../src/core/mask';

describe('examples', () => {
  test('names keep the first character', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳小明')).toBe('欧***');
    expect(maskName('王')).toBe('王*');
    expect(maskName(' ')).toBe('');
  });

  test('ID numbers keep the first 6 and last 4', () => {
    expect(maskIdNumber('330602199001011234')).toBe('330602********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskIdNumber('12345')).toBe('*****');
  });

  test('phones', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(maskPhone('0575-88001234')).toBe('0575-****1234');
    expect(maskPhone('057588001234')).toBe('0575-****1234');
    expect(maskPhone('(010)88001234')).toBe('010-****1234');
    expect(maskPhone('0575-88001234转808')).toBe('0575-****1234');
    expect(maskPhone('88001234')).toBe('****1234');
    expect(maskPhone('电话 12345')).toBe('电话 *2345');
  });

  test('free text: IDs, mobiles and landlines inside 信访诉求', () => {
    const text = '本人张三（身份证330602199001011234），电话 138 1234 5678，单位0575-88001234，反映工资拖欠。';
    expect(maskText(text)).toBe(
      '本人张三（身份证330602********1234），电话 138 **** 5678，单位0575-****1234，反映工资拖欠。',
    );
    expect(maskText('联系+8613812345678或１３８１２３４５６７８')).toBe('联系+86138****5678或１３８****５６７８');
    expect(maskText('金额12000元，编号2026001')).toBe('金额12000元，编号2026001');
  });
});

describe('properties', () => {
  const digits = (n: number) =>
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
  const id = fc.tuple(digits(17), fc.constantFrom('0', '5', '9', 'X')).map(([a, b]) => a + b);
  const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), digits(9)).map(([b, rest]) => `1${b}${rest}`);
  const name = fc
    .array(fc.constantFrom(...'张王李赵欧阳小明华丽𠀋·'), { minLength: 1, maxLength: 6 })
    .map((a) => a.join(''));
  const prose = fc
    .array(fc.constantFrom(...'反映问题诉求，。：（）请尽快处理 ab'), { maxLength: 20 })
    .map((a) => a.join(''));

  test('a masked ID never contains characters 7–14 and keeps only the first 6 and last 4', () => {
    fc.assert(
      fc.property(id, (s) => {
        const m = maskIdNumber(s);
        expect(m).toBe(s.slice(0, 6) + '********' + s.slice(-4));
        expect(m).not.toContain(s.slice(6, 14));
      }),
    );
  });

  test('a masked name reveals only its first character', () => {
    fc.assert(
      fc.property(name, (s) => {
        const [first, ...rest] = Array.from(maskName(s));
        expect(first).toBe(Array.from(s)[0]);
        expect(rest.every((c) => c === '*')).toBe(true);
      }),
    );
  });

  test('a masked mobile hides digits 4–7', () => {
    fc.assert(
      fc.property(mobile, (s) => {
        expect(maskPhone(s)).toBe(`${s.slice(0, 3)}****${s.slice(7)}`);
      }),
    );
  });

  test('maskText hides the middle of IDs and mobiles in prose and keeps the length', () => {
    fc.assert(
      fc.property(prose, id, prose, mobile, prose, (a, i, b, p, c) => {
        const text = a + i + b + p + c;
        const m = maskText(text);
        expect(m).toHaveLength(text.length);
        expect(m).not.toContain(i.slice(6, 14));
        expect(m).not.toContain(p.slice(3, 7) + p.slice(7));
        expect(m).toContain(a);
        expect(m).toContain(c);
      }),
    );
  });

  test('masking is idempotent', () => {
    fc.assert(
      fc.property(name, id, mobile, prose, fc.string(), (n, i, p, t, s) => {
        expect(maskName(maskName(n))).toBe(maskName(n));
        expect(maskIdNumber(maskIdNumber(i))).toBe(maskIdNumber(i));
        expect(maskPhone(maskPhone(p))).toBe(maskPhone(p));
        expect(maskPhone(maskPhone(s))).toBe(maskPhone(s));
        const text = `${t}${i}${t}${p}${s}`;
        expect(maskText(maskText(text))).toBe(maskText(text));
        expect(maskText(maskText(s))).toBe(maskText(s));
      }),
    );
  });
});
