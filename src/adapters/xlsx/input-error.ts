/** Why a workbook could not be read; the message is for a finance officer (Chinese first). */
export type InputErrorCode = 'not_found' | 'legacy_xls' | 'encrypted' | 'corrupt' | 'not_excel' | 'empty' | 'too_large';

const MESSAGES: Record<InputErrorCode, string> = {
  not_found: '找不到文件（File not found）',
  legacy_xls: '这是旧版 .xls 格式，请在 Excel 中“另存为” .xlsx 后再审核（Legacy .xls: save as .xlsx first）',
  encrypted: '工作簿设有打开密码，请取消密码保护后再审核（Password-protected workbook）',
  corrupt: '文件已损坏或不是有效的 .xlsx 工作簿（Corrupt or invalid .xlsx file）',
  not_excel: '不是 Excel 工作簿，请选择 .xlsx 文件（Not an Excel workbook）',
  empty: '工作簿中没有任何数据（The workbook is empty）',
  too_large:
    '工作簿解压后过大，可能已损坏或是恶意构造的压缩文件，已跳过（Workbook too large when unpacked: possibly a zip bomb）',
};

export class InputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    readonly file: string,
    detail?: string,
  ) {
    super(MESSAGES[code] + (detail ? `：${detail}` : ''));
    this.name = 'InputError';
  }
}
