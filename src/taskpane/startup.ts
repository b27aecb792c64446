/**
 * Starting the task pane: wait for office.js and Excel, or say in Chinese what to do when the page is opened outside
 * Excel or office.js could not be loaded (a blocked CDN is common on government networks). Plain DOM, so that the
 * page still speaks when nothing else works.
 */
export type StartupProblem = 'no-office-js' | 'not-excel' | 'too-old' | 'timeout' | 'load-failed';

const MESSAGES: Record<StartupProblem, { title: string; lines: string[] }> = {
  'no-office-js': {
    title: '无法加载 Office 脚本（office.js）',
    lines: [
      '本机无法访问 appsforoffice.microsoft.com，单位网络常拦截此地址。请联系网络管理员放行该地址，然后关闭并重新打开任务窗格。',
      '不用 Excel 也可以审核：在浏览器预览版中打开工作簿，文件只在本机处理，不会上传。',
    ],
  },
  'not-excel': {
    title: '请在 Excel 中打开预算审核助手',
    lines: [
      '这是 Excel 加载项的任务窗格，直接在浏览器中打开无法读取工作簿。',
      '在 Excel 中：“开始”选项卡 →“审核工作簿”，或“插入”→“加载项”中选择“预算审核助手”。',
      '不用 Excel 也可以审核：在浏览器预览版中打开工作簿，文件只在本机处理，不会上传。',
    ],
  },
  'too-old': {
    title: '此版本的 Excel 过旧',
    lines: [
      '预算审核助手需要支持 ExcelApi 1.13 的 Excel：Microsoft 365 版 Excel（Windows、Mac）、Excel 网页版，或 Excel 2024 及以上版本。',
      '请更新 Office，或在浏览器预览版中审核工作簿。',
    ],
  },
  'load-failed': {
    title: '任务窗格的程序文件未能加载',
    lines: ['网络中断或加载项服务器不可用。请检查网络后关闭并重新打开任务窗格。'],
  },
  timeout: {
    title: 'Excel 没有响应',
    lines: [
      'Office 脚本已加载，但 Excel 在 2 秒内没有就绪。如果页面是在浏览器中直接打开的，请改在 Excel 中打开；否则请关闭并重新打开任务窗格。',
      '不用 Excel 也可以审核：在浏览器预览版中打开工作簿，文件只在本机处理，不会上传。',
    ],
  },
};

/** Replaces the page with the message for `problem`, with a link to the browser preview. */
export function showStartupProblem(problem: StartupProblem, doc: Document = document): void {
  const { title, lines } = MESSAGES[problem];
  const box = doc.createElement('div');
  box.className = 'startup';
  box.setAttribute('role', 'alert');
  box.dataset.problem = problem;
  const h = doc.createElement('h1');
  h.textContent = title;
  box.append(h);
  for (const line of lines) {
    const p = doc.createElement('p');
    p.textContent = line;
    box.append(p);
  }
  const link = Object.assign(doc.createElement('a'), { href: 'preview.html', textContent: '打开浏览器预览版' });
  box.append(link);
  doc.getElementById('startup')?.remove();
  doc.getElementById('root')?.replaceChildren(box);
}

interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
  HostType?: { Excel?: unknown };
  context?: { requirements?: { isSetSupported(name: string, version: string): boolean } };
}

/**
 * Waits for Excel (at most `timeoutMs`) and calls `start`, or shows what went wrong. `office` is the global Office
 * object when office.js loaded.
 */
export async function startTaskPane(
  office: OfficeLike | undefined,
  start: () => void,
  timeoutMs = 1500,
  doc: Document = document,
): Promise<StartupProblem | null> {
  const fail = (p: StartupProblem) => (showStartupProblem(p, doc), p);
  if (!office || typeof office.onReady !== 'function') return fail('no-office-js');
  const ready = office.onReady().catch(() => null);
  const first = await Promise.race([
    ready,
    new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs)),
  ]);
  // A slow Excel may still come up after the notice: then the pane replaces it.
  if (first === 'timeout') {
    fail('timeout');
    void ready.then((info) => (info ? proceed(info) : undefined));
    return 'timeout';
  }
  return proceed(first);

  function proceed(info: { host: unknown } | null): StartupProblem | null {
    const excel = office?.HostType?.Excel ?? 'Excel';
    if (!info || info.host !== excel) return fail('not-excel');
    if (office?.context?.requirements?.isSetSupported('ExcelApi', '1.13') === false) return fail('too-old');
    doc.getElementById('startup')?.remove();
    doc.getElementById('root')?.replaceChildren();
    start();
    return null;
  }
}
