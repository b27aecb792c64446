#!/usr/bin/env node
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isMainThread, workerData } from 'node:worker_threads';
import { InputError } from '../adapters/xlsx/input-error';
import { readWorkbookFile } from '../adapters/xlsx/read-file';
import { type CatalogData, importCatalog, ALL_RULES, type RuleConfig } from '../core';
import { parseArgs, USAGE, type CheckOptions } from './args';
import { batchHeadline, batchSummaryCsv, batchSummaryHtml, type SummaryLine } from './batch-summary';
import { expandInputs } from './inputs';
import { isReviewWorker, jobsFor, reviewOnWorkers, serveReviews, workerScript } from './pool';
import { jsonOf, reportOf, reviewOne, type Outcome, type ReviewSettings } from './review-one';

/**
 * `budget-review check FILE...`: review, report, and exit 0 (clean) / 1 (errors found) / 2 (a workbook unreadable, or
 * its review failed). A batch writing reports (--json-dir, --summary) exits 0 once every workbook is reviewed, unless
 * --strict.
 */
async function check(opts: CheckOptions): Promise<number> {
  let notReviewed = 0;
  let withErrors = 0;
  if (opts.jsonDir) await mkdir(opts.jsonDir, { recursive: true });
  if (opts.htmlDir) await mkdir(opts.htmlDir, { recursive: true });
  let rules: RuleConfig = {};
  if (opts.config) {
    try {
      rules = (JSON.parse(await readFile(opts.config, 'utf8')) as { rules?: RuleConfig }).rules ?? {};
    } catch (e) {
      process.stderr.write(`✗ 规则设置 ${opts.config} 无法读取：${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
  }
  const ruleTitles = Object.fromEntries(ALL_RULES.map((r) => [r.meta.id, r.meta.title.zh]));
  const catalogs: CatalogData[] = [];
  for (const file of opts.catalogs) {
    try {
      const imported = importCatalog(await readWorkbookFile(file), { year: opts.year });
      catalogs.push(...imported.catalogs);
      process.stderr.write(
        `已导入科目表 ${basename(file)}：${imported.lines} 个科目（${imported.year ?? '年度未知'}）\n`,
      );
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      process.stderr.write(`✗ 科目表 ${file}: ${e.message}\n`);
      return 2;
    }
  }
  const files = await expandInputs(opts.files);
  if (files.length === 0) {
    process.stderr.write(
      `✗ ${opts.files.join(' ')}: 文件夹中没有 Excel 工作簿（.xlsx）（no workbook in the folder）\n`,
    );
    return 2;
  }
  if ((opts.json || opts.html) && files.length > 1) {
    process.stderr.write('✗ --json/--html 只能用于一个工作簿，多个请用 --json-dir/--html-dir（one workbook only）\n');
    return 2;
  }
  const settings: ReviewSettings = {
    catalogs,
    year: opts.year,
    rules,
    verbose: opts.verbose && !opts.quiet,
    htmlTitles: opts.html || opts.htmlDir ? ruleTitles : undefined,
  };
  // One workbook at a time in process, or on worker threads: either way the outcomes are taken in input order.
  const jobs = jobsFor(files.length, opts.jobs);
  const script = jobs > 1 ? workerScript() : null;
  const pool = script ? reviewOnWorkers(files, settings, jobs, script) : null;
  const summaryLines: SummaryLine[] = [];
  const showProgress = files.length > 1 && process.stderr.isTTY;
  try {
    for (const [i, { path: file, reportName }] of files.entries()) {
      if (showProgress) process.stderr.write(`\r[${i + 1}/${files.length}] ${reportName}\x1b[K`);
      const outcome = await (pool ? (pool.outcomes[i] as Promise<Outcome>) : reviewOne(file, settings));
      if (showProgress) process.stderr.write('\r\x1b[K');
      const reviewedAt = new Date(outcome.reviewedAt);
      if (outcome.kind !== 'reviewed') {
        notReviewed++;
        const { message } = outcome;
        const failed = outcome.kind === 'failed';
        summaryLines.push({
          file: reportName,
          ...(failed ? { failed: message } : { unreadable: message }),
          reviewedAt,
        });
        process.stderr.write(`✗ ${file}: ${failed ? `审核出错：${message}` : message}\n`);
        continue;
      }
      const report = reportOf(outcome);
      if (report.findings.some((f) => f.severity === 'error')) withErrors++;
      summaryLines.push({ file: reportName, report, department: outcome.department, units: outcome.units, reviewedAt });
      if (opts.json) await writeFile(opts.json, jsonOf(outcome));
      if (opts.jsonDir) await writeFile(join(opts.jsonDir, `${reportName}.json`), jsonOf(outcome));
      if (opts.html && outcome.html !== undefined) await writeFile(opts.html, outcome.html);
      if (opts.htmlDir && outcome.html !== undefined)
        await writeFile(join(opts.htmlDir, `${reportName}.html`), outcome.html);
      process.stdout.write(outcome.console + '\n');
    }
  } finally {
    // A write that failed ends the batch as in process: the workers stop with it.
    pool?.close();
  }
  if (files.length > 1) {
    process.stdout.write(`\n${batchHeadline(summaryLines)}\n`);
  }
  if (opts.summary) await writeFile(opts.summary, batchSummaryCsv(summaryLines));
  if (opts.htmlDir && files.length > 1)
    await writeFile(join(opts.htmlDir, 'index.html'), batchSummaryHtml(summaryLines));
  // A batch writing reports succeeds when every workbook was reviewed: its findings are in the reports (--strict: exit 1).
  const batch = (opts.jsonDir !== undefined || opts.summary !== undefined) && !opts.strict;
  return notReviewed > 0 ? 2 : withErrors > 0 && !batch ? 1 : 0;
}

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.command === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (args.command === 'error') {
    process.stderr.write(`${args.message}\n\n${USAGE}\n`);
    return 2;
  }
  // fill writes with ExcelJS: its module graph loads only when a write is asked for, never for a review.
  if (args.command === 'fill') return (await import('./fill')).fill(args);
  return check(args);
}

/**
 * main as a process runs it (bin/budget-review.mjs, or this file run directly): an exception that escapes — a report
 * that cannot be written, a bug — is printed once as an internal error, exit 2 (not 1: that means findings).
 */
export async function run(argv: readonly string[]): Promise<number> {
  try {
    return await main(argv);
  } catch (e) {
    process.stderr.write(`内部错误 Internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
}

// The same bundle is the batch's worker (src/cli/pool.ts): started as one, it serves reviews and runs no command.
if (!isMainThread && isReviewWorker(workerData)) serveReviews();
else if (require.main === module) void run(process.argv.slice(2)).then((code) => process.exit(code));
