import { describe, expect, it } from 'vitest';
import { goYamlOverride, mayDifferBetween11And12, resolveCore12, taggedNumber, yaml11Difference } from './yaml11.ts';

describe('resolveCore12 (YAML 1.2 core schema)', () => {
  it.each([
    ['yes', 'yes'],
    ['on', 'on'],
    ['y', 'y'],
    ['true', true],
    ['False', false],
    ['~', null],
    ['', null],
    ['NULL', null],
    ['0777', 777],
    ['0o17', 15],
    ['0x1F', 31],
    ['+0x1F', '+0x1F'],
    ['1:20', '1:20'],
    ['1_000', '1_000'],
    ['0b101', '0b101'],
    ['1.5e3', 1500],
    ['.5', 0.5],
    ['-.inf', -Infinity],
    ['2001-12-14', '2001-12-14'],
  ])('%j → %j', (text, expected) => {
    expect(resolveCore12(text)).toEqual(expected);
  });

  it('reads .nan as NaN', () => {
    expect(resolveCore12('.NaN')).toBeNaN();
  });
});

describe('mayDifferBetween11And12', () => {
  it('lets ordinary words through without a regex', () => {
    for (const t of ['flux-sample', 'ghcr.io/x', 'MiniCluster', 'true', 'false', 'echo', '/bin/sh', 'apiVersion']) {
      expect(mayDifferBetween11And12(t)).toBe(false);
    }
    for (const t of ['yes', 'No', 'on', 'OFF', 'y', 'N', '0777', '+1', '-1', '.5', '1:20']) {
      expect(mayDifferBetween11And12(t)).toBe(true);
    }
  });
});

describe('goYamlOverride', () => {
  it('reads Go base prefixes the yaml package leaves as text', () => {
    expect(goYamlOverride('0o17', '0o17')).toEqual({ value: 15 });
    expect(goYamlOverride('0O17', '0O17')).toEqual({ value: 15 });
    expect(goYamlOverride('-0X1f', '-0X1f')).toEqual({ value: -31 });
    expect(goYamlOverride('0B1_1', '0B1_1')).toEqual({ value: 3 });
    expect(goYamlOverride('0o', '0o')).toBeUndefined();
    expect(goYamlOverride('0o8', '0o8')).toBeUndefined();
    expect(goYamlOverride('hello', 'hello')).toBeUndefined();
  });

  it('keeps as text what Go cannot parse as a number', () => {
    expect(goYamlOverride('.', NaN)).toEqual({ value: '.' });
    expect(goYamlOverride('0_', NaN)).toEqual({ value: 0 });
    expect(goYamlOverride('1e400', Infinity)).toEqual({ value: '1e400' });
    expect(goYamlOverride('.nan', NaN)).toBeUndefined();
    expect(goYamlOverride('-.inf', -Infinity)).toBeUndefined();
    expect(goYamlOverride('12', 12)).toBeUndefined();
  });
});

describe('taggedNumber', () => {
  it('reads numbers the way yaml.v2 does for !!int / !!float', () => {
    expect(taggedNumber('1')).toBe(1);
    expect(taggedNumber('1_000.5')).toBe(1000.5);
    expect(taggedNumber('0x1F')).toBe(31);
    expect(taggedNumber('-0o17')).toBe(-15);
    expect(taggedNumber('abc')).toBeUndefined();
    expect(taggedNumber('1e400')).toBeUndefined();
  });
});

describe('yaml11Difference', () => {
  it('is silent when both versions agree', () => {
    expect(yaml11Difference('true', true, false)).toBeUndefined();
    expect(yaml11Difference('12', 12, false)).toBeUndefined();
    expect(yaml11Difference('0x1F', 31, false)).toBeUndefined();
    expect(yaml11Difference('0o17', 15, false)).toBeUndefined();
    expect(yaml11Difference('~', null, false)).toBeUndefined();
    expect(yaml11Difference('.nan', NaN, false)).toBeUndefined();
    expect(yaml11Difference('2001-12-14', '2001-12-14', false)).toBeUndefined();
  });

  it('says what Kubernetes reads and how to write the other meaning', () => {
    expect(yaml11Difference('yes', true, false)).toBe(
      'Kubernetes reads yes as the boolean true (YAML 1.1); write "yes" in quotes for the text',
    );
    expect(yaml11Difference('-0777', -511, false)).toBe(
      'Kubernetes reads -0777 as the octal number -511 (YAML 1.1), while YAML 1.2 tools read -777; write -0o777 for the octal number, -777 for the decimal one, or "-0777" in quotes for the text',
    );
    expect(yaml11Difference('+0x1F', 31, false)).toBe(
      'Kubernetes reads +0x1F as the number 31 (YAML 1.1); write "+0x1F" in quotes for the text',
    );
    expect(yaml11Difference('on', true, true)).toBe(
      'Kubernetes reads the key on as the boolean true (YAML 1.1), which becomes the key "true"; write "on" in quotes to keep the key on',
    );
    expect(yaml11Difference('1e400', '1e400', false)).toBe(
      'Kubernetes reads 1e400 as the text "1e400" (YAML 1.1), while YAML 1.2 tools read the number Infinity; write "1e400" in quotes to make the text explicit',
    );
  });
});
