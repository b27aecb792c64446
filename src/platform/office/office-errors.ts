/** Office.js error codes → what a finance officer should read (Chinese first). */
const MESSAGES: Record<string, string> = {
  InvalidOperationInCellEditMode: '请先退出单元格编辑状态（按 Enter 或 Esc），再执行此操作',
  ItemNotFound: '找不到要操作的工作表或单元格，可能已被删除或重命名，请重新扫描',
  AccessDenied: '工作簿或工作表受保护，无法写入。请撤销保护后重试',
  RequestPayloadSizeLimitExceeded: '数据量超过 Excel 单次请求上限，已自动分批重试仍失败',
  PayloadTooLarge: '数据量超过 Excel 单次请求上限，已自动分批重试仍失败',
  Conflict: '工作簿正在被其他操作修改，请稍后重试',
  InsertDeleteConflict: '工作簿正在被其他操作修改，请稍后重试',
  InvalidArgument: '操作参数无效（可能是区域地址或工作表名称不合法）',
  UnsupportedOperation: '当前版本的 Excel 不支持此操作',
  GeneralException: 'Excel 内部错误，请稍后重试',
};

export class ExcelOperationError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Office's own explanation (usually English), kept apart from the message for whoever debugs. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'ExcelOperationError';
  }
}

export function errorCode(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
}

export function isPayloadError(e: unknown): boolean {
  const code = errorCode(e);
  const text = e instanceof Error ? e.message : '';
  return (
    /PayloadTooLarge|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded/.test(code) ||
    /payload|5\s*MB/i.test(text)
  );
}

export function toOfficeError(e: unknown): ExcelOperationError {
  if (e instanceof ExcelOperationError) return e;
  const code = errorCode(e);
  const detail = e instanceof Error ? e.message : String(e);
  // An unknown error is said in Chinese only (the pane shows the message as is); Office's English goes to `detail`.
  const message =
    MESSAGES[code] ??
    `Excel 返回了错误${/^[A-Za-z]\w*$/.test(code) ? `（错误代码 ${code}）` : ''}，请稍后重试或重新扫描`;
  return new ExcelOperationError(code || 'Unknown', message, detail);
}
