/**
 * Why a workbook could not be read; the message is for a finance officer, in Chinese only (the pane and the CLI show it
 * as is). A library's own explanation, usually English, is kept apart in `detail` for whoever debugs.
 */
export type InputErrorCode =
  'not_found' | 'legacy_xls' | 'encrypted' | 'corrupt' | 'not_excel' | 'empty' | 'too_large' | 'too_many_cells';

const MESSAGES: Record<InputErrorCode, string> = {
  not_found: '找不到文件',
  legacy_xls: '这是旧版 .xls 格式，请在 Excel 中“另存为” .xlsx 后再审核',
  encrypted: '工作簿设有打开密码，请取消密码保护后再审核',
  corrupt: '文件已损坏或不是有效的 .xlsx 工作簿',
  not_excel: '不是 Excel 工作簿，请选择 .xlsx 文件',
  empty: '工作簿中没有任何数据',
  too_large: '工作簿解压后过大，可能已损坏或是恶意构造的压缩文件，已跳过',
  too_many_cells: '工作簿的单元格过多，超出审核能处理的范围，已跳过（请只保留需要审核的表格）',
};

/** A detail worth showing: the library's English left out, a Chinese one kept without its English gloss. */
function shownDetail(detail: string | undefined): string {
  if (!detail || !/^[\u4e00-\u9fff]/.test(detail)) return '';
  return `：${detail.replace(/[（(][^（）()]*[A-Za-z]{2}[^（）()]*[）)]$/, '')}`;
}

export class InputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    readonly file: string,
    readonly detail?: string,
  ) {
    super(MESSAGES[code] + shownDetail(detail));
    this.name = 'InputError';
  }
}
