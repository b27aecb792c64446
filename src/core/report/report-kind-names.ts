/** 预算 / 决算, as the report's reportKind is shown to people. */
export const REPORT_KIND_NAMES = { budget: '预算', final: '决算' } as const;
