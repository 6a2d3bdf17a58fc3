// The log file rotates by size, keeping a few files, and what nothing else
// caught (uncaught exceptions, unhandled rejections) is logged.
import { EventEmitter } from 'node:events';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileLogger, logUncaughtErrors } from '../../../src/main/log';
import { tempDir } from '../sync/helpers';

describe('log file', () => {
  it('rotates when it would pass the size limit, keeping the newest files only', () => {
    const dir = tempDir('oai-log-');
    const file = path.join(dir, 'oai-desktop.log');
    const log = createFileLogger(file, () => {}, { maxBytes: 1_000, keep: 3 });
    for (let i = 0; i < 100; i += 1) log.info(`line ${String(i).padStart(3, '0')} ${'x'.repeat(40)}`);
    expect(readdirSync(dir).sort()).toEqual(['oai-desktop.log', 'oai-desktop.log.1', 'oai-desktop.log.2', 'oai-desktop.log.3']);
    for (const name of readdirSync(dir)) expect(statSync(path.join(dir, name)).size).toBeLessThanOrEqual(1_000);
    // The newest line is in the current file, the one before it in .1, and the oldest are gone.
    expect(readFileSync(file, 'utf8')).toContain('line 099');
    const all = readdirSync(dir).map((n) => readFileSync(path.join(dir, n), 'utf8')).join('');
    expect(all).not.toContain('line 000');
    const firstOfCurrent = /line (\d+)/.exec(readFileSync(file, 'utf8'))![1]!;
    expect(readFileSync(`${file}.1`, 'utf8')).toContain(`line ${String(Number(firstOfCurrent) - 1).padStart(3, '0')}`);
  });

  it('continues an existing file across restarts, and rotates it when it is already full', () => {
    const dir = tempDir('oai-log-');
    const file = path.join(dir, 'oai-desktop.log');
    createFileLogger(file, () => {}, { maxBytes: 200 }).info('a'.repeat(150));
    createFileLogger(file, () => {}, { maxBytes: 200 }).info('b'.repeat(150));
    expect(readFileSync(file, 'utf8')).toContain('bbb');
    expect(readFileSync(`${file}.1`, 'utf8')).toContain('aaa');
  });

  it('logs uncaught exceptions and unhandled rejections, name and message only', () => {
    const lines: string[] = [];
    const log = createFileLogger(path.join(tempDir('oai-log-'), 'x.log'), (line) => lines.push(line));
    const processEvents = new EventEmitter();
    logUncaughtErrors(processEvents, log);
    processEvents.emit('uncaughtException', new TypeError('boom'));
    processEvents.emit('unhandledRejection', new Error('lost promise'));
    expect(lines[0]).toMatch(/ERROR uncaught exception — TypeError: boom$/);
    expect(lines[1]).toMatch(/ERROR unhandled promise rejection — Error: lost promise$/);
  });
});
