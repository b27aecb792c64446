/** Command line of `budget-review`. */
export interface CheckOptions {
  command: 'check';
  files: string[];
  json?: string;
  jsonDir?: string;
  /** Official catalog workbooks (政府收支分类科目) to check codes against. */
  catalogs: string[];
  /** Fiscal year override. */
  year?: number;
  /** In a batch run (--json-dir, --summary), also exit 1 when a workbook has errors. */
  strict: boolean;
  html?: string;
  htmlDir?: string;
  /** JSON file with rule settings: { "rules": { "sum.row": "off", "code.unknown": "info" } }. */
  config?: string;
  /** CSV with one line per workbook (counts by severity), for a bureau's overview. */
  summary?: string;
  /** One line per workbook is the default; --verbose adds every table and finding. --quiet is kept as the default. */
  quiet: boolean;
  verbose: boolean;
  /** Workbooks reviewed at once on worker threads (1: in process); default from the cores (src/cli/pool.ts). */
  jobs?: number;
}

/** `fill`: write what can be derived into a copy of the workbook. */
export interface FillOptions {
  command: 'fill';
  file: string;
  out: string;
  codes: boolean;
  selfEvaluation: boolean;
  targets: boolean;
  selfEvaluationSheets: boolean;
  department: boolean;
}

export type ParsedArgs = CheckOptions | FillOptions | { command: 'help' } | { command: 'error'; message: string };

export const USAGE = `用法 Usage:
  budget-review check FILE.xlsx|FOLDER... [--json OUT.json | --json-dir DIR] [--catalog 科目.xlsx] [--year 2021] [--verbose]

  --json FILE      写出审核报告 JSON（仅限一个工作簿）      write the JSON report (one workbook)
  --json-dir DIR   为每个工作簿写出 DIR/<文件名>.json         write DIR/<file name>.json per workbook
  --html FILE      另存一份可归档的 HTML 报告                 also write an HTML report to archive
  --html-dir DIR   为每个工作簿写出 DIR/<文件名>.html 及汇总页 index.html  one HTML report per workbook, and an index
  --summary FILE   写出汇总表 CSV（每个工作簿一行）          one CSV line per workbook (counts by severity)
  --catalog FILE   导入当年政府收支分类科目（可多次指定）    check codes against an official catalog workbook
  --config FILE    规则设置（JSON：开关、级别、参数）         rule settings (JSON: on/off, severity, parameters)
  --year YYYY      指定预算年度（默认从表头识别）            fiscal year (default: read from the titles)
  --verbose        逐表列出识别结果和错误、警告               list every table, error and warning
  --quiet          每个工作簿一行（默认）                     one line per workbook (the default)
  --strict         批量模式下发现错误时也以 1 退出           in a --json-dir batch, also exit 1 on errors
  --jobs N         同时审核 N 个工作簿（1 为逐个审核）        review N workbooks at once on worker threads (1: one by one)

  budget-review fill FILE.xlsx --out OUT.xlsx [--codes] [--self-eval] [--targets] [--self-eval-sheets] [--department]

  --codes          填写按名称推断的科目编码                   write codes inferred from names
  --self-eval      补算绩效自评的执行率、得分、总分和等级     compute self-evaluation scores, total and grade
  --targets        为项目支出表的每个项目插入绩效目标表       insert a performance-target sheet per project
  --department     插入部门整体支出绩效目标表                 insert the department performance-target sheet
  --self-eval-sheets  为每个项目插入绩效自评表（沿用目标表指标）  insert a self-evaluation sheet per project
                   （不指定时默认 --codes --self-eval；只写空白单元格和新工作表，原文件不变）

退出码 Exit codes: 0 无错误 no errors · 1 发现错误 errors found · 2 文件无法读取或审核出错 input unreadable or review failed
  批量模式（--json-dir 或 --summary）以报告为准：全部审核完成即为 0（加 --strict 则发现错误为 1）
  A --json-dir or --summary batch exits 0 once every workbook is reviewed (its findings are in the reports); --strict adds exit 1.`;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === 'fill') return parseFill(rest);
  if (command !== 'check') return { command: 'error', message: `未知命令 Unknown command: ${command}` };
  const opts: CheckOptions = { command: 'check', files: [], catalogs: [], quiet: false, verbose: false, strict: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (['--json', '--json-dir', '--catalog', '--html', '--html-dir', '--config', '--summary'].includes(a)) {
      const v = rest[++i];
      if (!v) return { command: 'error', message: `${a} 需要一个路径 needs a path` };
      if (a === '--json') opts.json = v;
      else if (a === '--json-dir') opts.jsonDir = v;
      else if (a === '--html') opts.html = v;
      else if (a === '--html-dir') opts.htmlDir = v;
      else if (a === '--config') opts.config = v;
      else if (a === '--summary') opts.summary = v;
      else opts.catalogs.push(v);
    } else if (a === '--year') {
      const y = Number(rest[++i]);
      if (!Number.isInteger(y) || y < 1990 || y > 2100)
        return { command: 'error', message: '--year 需要四位年份 needs a year' };
      opts.year = y;
    } else if (a === '--jobs') {
      const n = Number(rest[++i]);
      if (!Number.isInteger(n) || n < 1 || n > 64)
        return { command: 'error', message: '--jobs 需要 1 到 64 之间的整数 needs a whole number from 1 to 64' };
      opts.jobs = n;
    } else if (a === '--quiet') opts.quiet = true;
    else if (a === '--verbose') opts.verbose = true;
    else if (a === '--strict') opts.strict = true;
    else if (a.startsWith('--')) return { command: 'error', message: `未知选项 Unknown option: ${a}` };
    else opts.files.push(a);
  }
  if (opts.files.length === 0) return { command: 'error', message: '请指定至少一个工作簿 No workbook given' };
  if (opts.json && opts.files.length > 1)
    return {
      command: 'error',
      message: '--json 只能用于一个工作簿，多个请用 --json-dir / use --json-dir for several files',
    };
  return opts;
}

function parseFill(rest: readonly string[]): ParsedArgs {
  const opts: FillOptions = {
    command: 'fill',
    file: '',
    out: '',
    codes: false,
    selfEvaluation: false,
    targets: false,
    selfEvaluationSheets: false,
    department: false,
  };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (a === '--out') opts.out = rest[++i] ?? '';
    else if (a === '--codes') opts.codes = true;
    else if (a === '--self-eval') opts.selfEvaluation = true;
    else if (a === '--targets') opts.targets = true;
    else if (a === '--department') opts.department = true;
    else if (a === '--self-eval-sheets') opts.selfEvaluationSheets = true;
    else if (a.startsWith('--')) return { command: 'error', message: `未知选项 Unknown option: ${a}` };
    else if (!opts.file) opts.file = a;
    else return { command: 'error', message: 'fill 一次只处理一个工作簿 / fill takes one workbook' };
  }
  if (!opts.file || !opts.out)
    return { command: 'error', message: 'fill 需要工作簿和 --out 输出文件 / fill needs a workbook and --out' };
  if (!opts.codes && !opts.selfEvaluation && !opts.targets && !opts.department && !opts.selfEvaluationSheets) {
    opts.codes = true;
    opts.selfEvaluation = true;
  }
  return opts;
}
