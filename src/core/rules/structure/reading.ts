import type { RecognisedTable } from '../../recognition/model';
import type { ReportFinding } from '../../report/report';
import { cellAddress, columnLetter, blockFooter, tableViews } from '../../model';
import type { RuleContext } from '../types';

import { structureUnconfirmed } from './unconfirmed';

const span = (a: number, b: number) => (a === b ? `${a + 1}` : `${a + 1}–${b + 1}`);

/** Consecutive row numbers as spans: [18, 19, 20, 40] → "19–21、41". */
function spans(rows: readonly number[]): string {
  const out: string[] = [];
  let start = rows[0];
  let prev = rows[0];
  for (const r of [...rows.slice(1), Number.NaN]) {
    if (start === undefined || prev === undefined) break;
    if (r === prev + 1) {
      prev = r;
      continue;
    }
    out.push(span(start, prev));
    start = r;
    prev = r;
  }
  return out.join('、');
}

/**
 * The reading the engine took of a table, in words (header and data rows, repeated headers skipped, a part heading,
 * split code columns, side-by-side blocks and how their footer was read), and how many other readings the numbers
 * decided against.
 */
export function describeReading(
  base: Pick<RuleContext, 'model'>,
  table: RecognisedTable,
): { reading: string; alternatives: number } {
  const parts: string[] = [`表头第 ${span(...table.headerRows)} 行`];
  parts.push(table.dataRows ? `数据第 ${span(...table.dataRows)} 行` : '无数据行');
  const repeated = table.rows.filter((r) => r.kind === 'repeated_header').map((r) => r.row);
  if (repeated.length) parts.push(`第 ${spans(repeated)} 行为重复的表头，已跳过`);
  const pageLines = table.rows.filter((r) => r.kind === 'page_furniture').map((r) => r.row);
  if (pageLines.length) parts.push(`第 ${spans(pageLines)} 行为页码，已跳过`);
  if (table.heading) parts.push(`“${table.heading}”为分部标题`);
  const split = table.columns.filter((c) => c.role === 'code_part');
  if (split.length >= 2)
    parts.push(
      `类/款/项编码分列于 ${columnLetter(split[0]?.col ?? 0)}:${columnLetter(split[split.length - 1]?.col ?? 0)}`,
    );
  const blocks = new Set(table.columns.map((c) => c.block)).size;
  let alternatives = 0;
  if (blocks > 1) {
    parts.push(`${blocks} 组并列`);
    const view = tableViews(base).find((v) => v.table === table);
    const footer = view ? blockFooter(view) : null;
    // blockFooter weighs two readings of a footer with several group totals: each its own group, or a grand total.
    if (footer) {
      alternatives++;
      parts.push(`表尾第 ${footer[0]?.total.row !== undefined ? footer[0].total.row + 1 : ''} 行各组合计分别合计本组`);
    }
  }
  return { reading: parts.join('；'), alternatives };
}

/** The one note an unconfirmed table gets, in place of its identities' findings. */
export function unconfirmedNote(
  table: RecognisedTable,
  reading: string,
  closed: number,
  failed: number,
): ReportFinding {
  const name = table.title ? `《${table.title}》` : '本表';
  return {
    rule: structureUnconfirmed.meta.id,
    messageId: 'unconfirmed',
    severity: 'info',
    sheet: table.sheet,
    cells: [cellAddress(table.range.top, table.range.left)],
    message:
      `本表结构未能确认，已暂停本表的勾稽检查：${name}按所识别的结构（${reading}）有 ${failed} 项勾稽关系不成立、` +
      `${closed} 项成立，且不能由个别单元格或个别行的差错解释。请核对表头与数据行的识别，或人工核对本表。`,
  };
}
