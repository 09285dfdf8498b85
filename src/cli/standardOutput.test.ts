import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { descriptorWriter } from './standardOutput.ts';

const failure = (code: string) => Object.assign(new Error(code), { code });

/** A stand-in for process.stdout: what it was given, and its 'error' listeners. */
function fakeStream() {
  const emitter = new EventEmitter();
  const written: string[] = [];
  const stream = Object.assign(emitter, { write: (chunk: Uint8Array | string) => (written.push(Buffer.from(chunk).toString()), true) });
  return { stream: stream as unknown as NodeJS.WriteStream, written, emitter };
}

/** A descriptor that takes `script` in turn: a byte count to accept, or an error code to throw. */
function descriptor(script: (number | string)[]) {
  const got: string[] = [];
  const write = (_fd: number, bytes: Uint8Array, offset: number) => {
    const step = script.shift() ?? Infinity;
    if (typeof step === 'string') throw failure(step);
    const end = Math.min(bytes.length, offset + step);
    got.push(Buffer.from(bytes.subarray(offset, end)).toString());
    return end - offset;
  };
  return { got, write };
}

describe('standard output written to its descriptor', () => {
  it('writes the whole text, continuing after partial writes and an interrupted one', () => {
    const { got, write } = descriptor([3, 'EINTR', 2]);
    const { stream, written } = fakeStream();
    const out = descriptorWriter(1, () => stream, { onFault: () => expect.fail('no fault') }, write);
    out('kind: Job\n');
    out('é\n');
    expect(got.join('')).toBe('kind: Job\né\n');
    expect(got.slice(0, 2)).toEqual(['kin', 'd:']);
    expect(written).toEqual([]);
  });

  it('hands the rest to the stream when the descriptor would block, and keeps the order', () => {
    const { got, write } = descriptor([4, 'EAGAIN']);
    const { stream, written } = fakeStream();
    let made = 0;
    const out = descriptorWriter(1, () => (made++, stream), { onFault: () => expect.fail('no fault') }, write);
    out('first text\n');
    out('second\n');
    expect(got).toEqual(['firs']);
    expect(written).toEqual(['t text\n', 'second\n']);
    expect(made).toBe(1);
  });

  it('a reader that went away (EPIPE) ends the output quietly', () => {
    const { got, write } = descriptor([2, 'EPIPE']);
    const faults: string[] = [];
    const out = descriptorWriter(1, () => fakeStream().stream, { onFault: (e) => faults.push(e.code ?? '') }, write);
    out('abcdef');
    out('more');
    expect(got).toEqual(['ab']);
    expect(faults).toEqual([]);
  });

  it('another failure (a full disk) is reported once, and nothing more is written', () => {
    const { got, write } = descriptor(['ENOSPC']);
    const faults: string[] = [];
    const out = descriptorWriter(1, () => fakeStream().stream, { onFault: (e) => faults.push(e.code ?? '') }, write);
    out('abc');
    out('def');
    expect(got).toEqual([]);
    expect(faults).toEqual(['ENOSPC']);
  });

  it("the stream's own later failure is reported once too, and EPIPE there is quiet", () => {
    for (const [code, expected] of [['ENOSPC', ['ENOSPC']], ['EPIPE', []]] as const) {
      const { write } = descriptor(['EAGAIN']);
      const { stream, emitter, written } = fakeStream();
      const faults: string[] = [];
      const out = descriptorWriter(1, () => stream, { onFault: (e) => faults.push(e.code ?? '') }, write);
      out('abc');
      emitter.emit('error', failure(code));
      emitter.emit('error', failure(code));
      out('def');
      expect(faults).toEqual(expected);
      expect(written).toEqual(['abc']);
    }
  });
});
